package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The zero-allocation tests' failure report names a known allocation: its class, thread and our frame. */
class AllocationSitesTest {
    private static volatile Object sink;

    @Test
    void namesTheClassAndOurFrameOfAKnownAllocation() {
        String report = AllocationSites.of(AllocationSitesTest::allocateTwentyMegabytes);
        assertTrue(report.contains("long[]"), report);
        assertTrue(report.contains("AllocationSitesTest.allocateTwentyMegabytes"), report);
        assertTrue(report.contains(" on " + Thread.currentThread().getName() + " at "), report);
        // The TLAB events stand for the bytes between refills: most of the 20 MB, not one event's 1 KB each.
        String tlab = report.lines().filter(l -> l.contains("InNewTLAB: long[]")).findFirst().orElseThrow();
        long bytes = Long.parseLong(tlab.substring(tlab.indexOf('~') + 1, tlab.indexOf(" bytes")));
        assertTrue(bytes > 10_000_000, report);
    }

    @Test
    void writesArrayClassesAsJavaSource() {
        assertEquals("long[]", AllocationSites.javaName("[J"));
        assertEquals("float[][]", AllocationSites.javaName("[[F"));
        assertEquals("java.lang.Object[]", AllocationSites.javaName("[Ljava.lang.Object;"));
        assertEquals("jdk.incubator.vector.Float512Vector", AllocationSites.javaName("jdk.incubator.vector.Float512Vector"));
    }

    @Test
    void saysSoWhenNothingWasAllocated() {
        String report = AllocationSites.summarise(java.util.List.of());
        assertTrue(report.contains("no allocation events"), report);
    }

    private static void allocateTwentyMegabytes() {
        for (int i = 0; i < 20_000; i++) {
            sink = new long[128]; // 1 KB each: TLAB refills and samples both fire
        }
    }
}
