package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The offset that 64-byte-aligns a float[]'s data, from the JVM's object layout, and its override. */
class HeapAlignmentTest {

    @Test
    void offsetFromTheJvmsObjectLayout() {
        assertEquals(12, HeapAlignment.offset("64", "false", "true"));   // 16-byte array header
        assertEquals(13, HeapAlignment.offset("64", "true", "true"));    // compact object headers: 12 bytes
        assertEquals(11, HeapAlignment.offset("64", "false", "false"));  // uncompressed class pointers: 20 bytes
        assertEquals(12, HeapAlignment.offset("256", "false", "true"));
        assertEquals(0, HeapAlignment.offset("8", "false", "true"));     // the default: nothing to build on
        assertEquals(0, HeapAlignment.offset("32", "false", "true"));
        assertEquals(0, HeapAlignment.offset("x", "false", "true"));
        assertEquals(0, HeapAlignment.offset(null, null, null));         // not HotSpot
        assertEquals(0, HeapAlignment.FLOAT_OFFSET, "the test JVM runs with the default object alignment");
    }

    @Test
    void overrideTakesZeroToSixteenAndRejectsTheRest() {
        String p = "mobilevec.test.heapAlignmentOverride";
        try {
            assertEquals(7, HeapAlignment.override(p, 7));
            System.setProperty(p, " 16 ");
            assertEquals(16, HeapAlignment.override(p, 7));
            System.setProperty(p, "0");
            assertEquals(0, HeapAlignment.override(p, 7));
            for (String bad : new String[] {"17", "-1", "twelve", ""}) {
                System.setProperty(p, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeapAlignment.override(p, 7));
                assertTrue(e.getMessage().contains(p) && e.getMessage().contains("16"), e.getMessage());
            }
        } finally {
            System.clearProperty(p);
        }
    }

    @Test
    void g1RegionFromTheFlags() {
        assertEquals(4L << 20, HeapAlignment.g1Region("true", "4194304"));
        assertEquals(1L << 20, HeapAlignment.g1Region("true", "1048576"));
        assertEquals(32L << 20, HeapAlignment.g1Region("true", "33554432"));
        assertEquals(0, HeapAlignment.g1Region("true", "67108864"));  // above 32 MB: too coarse to cut slices from
        assertEquals(0, HeapAlignment.g1Region("true", "3000000"));   // not a power of two: not a region size
        assertEquals(0, HeapAlignment.g1Region("true", "524288"));
        assertEquals(0, HeapAlignment.g1Region("false", "4194304"));  // another collector
        assertEquals(0, HeapAlignment.g1Region(null, null));          // not HotSpot
        assertEquals(0, HeapAlignment.g1Region("true", "x"));
    }

    /**
     * Slices of a 1 MB-region carver: inside their array, disjoint, 16 floats apart from the region offset, small ones
     * sharing region-sized arrays until full, more than half a region in an array of its own.
     */
    @Test
    void carvedSlicesAreDisjointAlignedAndInBounds() {
        long region = 1 << 20;
        int off = 12;
        HeapAlignment.Carver carver = new HeapAlignment.Carver(region, off);
        int[] sizes = {1, 15, 16, 17, 1000, 4096, 60_000, 131_000, 131_056, 131_057, 200_000, 3, 100_000, 100_000, 100_000};
        List<HeapAlignment.Slice> slices = new ArrayList<>();
        for (int n : sizes) {
            HeapAlignment.Slice sl = carver.carve(n);
            slices.add(sl);
            assertTrue(sl.offset() >= off && (sl.offset() - off) % 16 == 0, n + " at " + sl.offset());
            assertTrue((long) sl.offset() + n <= sl.array().length, n + " at " + sl.offset() + " of " + sl.array().length);
            boolean own = 4L * n >= region / 2 + 64;
            assertEquals(own, sl.offset() == off && sl.array().length == off + n && n > 1, "own array for " + n);
            if (!own) {
                assertEquals((region - 64) / 4, sl.array().length, "small slices come from a region-sized array");
            }
        }
        for (int i = 0; i < slices.size(); i++) {
            for (int j = i + 1; j < slices.size(); j++) {
                HeapAlignment.Slice a = slices.get(i), b = slices.get(j);
                if (a.array() == b.array()) {
                    boolean apart = a.offset() + sizes[i] <= b.offset() || b.offset() + sizes[j] <= a.offset();
                    assertTrue(apart, "slices " + i + " and " + j + " overlap");
                }
            }
        }
        assertTrue(slices.get(0).array() == slices.get(5).array(), "small slices share an array");
        assertTrue(slices.get(12).array() != slices.get(0).array(), "a full region-sized array is followed by a new one");
        assertThrows(IllegalArgumentException.class, () -> HeapAlignment.allocate(-1));
    }

    /** Grows only under G1 without the flag, only from an eighth of a region, to an array G1 aligns. */
    @Test
    void alignableLengthMakesAnArrayThatAligns() {
        for (long n : new long[] {0, 1, 1000, 30_000, 40_000, 100_000, 300_000, 1_000_000, 5_000_000}) {
            long got = HeapAlignment.alignableLength(n);
            assertTrue(got >= n && got <= Math.max(n, 4 * n), n + " -> " + got);
            if (HeapAlignment.REGION_OFFSET > 0 && 4 * n >= HeapAlignment.G1_REGION_BYTES / 8) {
                assertTrue(HeapAlignment.alignsArrayOf(got), n + " -> " + got);
            }
            if (HeapAlignment.REGION_OFFSET == 0) {
                assertEquals(n, got);
            }
        }
    }

    /**
     * The addresses themselves, read through a native call that returns its pointer argument (memset of 0 bytes, with
     * the array passed in place): under G1, every slice of {@link HeapAlignment#allocate} and every array that
     * {@link HeapAlignment#alignsArrayOf} starts its data on a 64-byte boundary, before and after a collection.
     */
    @Test
    void g1SlicesAndLargeArraysAre64ByteAlignedInMemory() throws Throwable {
        Assumptions.assumeTrue(HeapAlignment.REGION_OFFSET > 0, "the test JVM does not run G1: nothing to check");
        Linker linker = Linker.nativeLinker();
        MethodHandle memset = linker.downcallHandle(linker.defaultLookup().find("memset").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                Linker.Option.critical(true));
        List<float[]> arrays = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int n : new int[] {1, 17, 1000, 5000, 65_536, 100_000, (int) (HeapAlignment.G1_REGION_BYTES / 6)}) {
            HeapAlignment.Slice sl = HeapAlignment.allocate(n);
            arrays.add(sl.array());
            offsets.add(sl.offset());
            long len = HeapAlignment.alignableLength(n * 2L);
            if (HeapAlignment.alignsArrayOf(len)) {
                arrays.add(new float[(int) len]);
                offsets.add(HeapAlignment.LARGE_ARRAY_OFFSET);
            }
        }
        int unaligned = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < arrays.size(); i++) {
                MemorySegment at = MemorySegment.ofArray(arrays.get(i)).asSlice(4L * offsets.get(i));
                long address = (long) memset.invokeExact(at, 0, 0L);
                assertEquals(0, address % 64, "array " + i + " (" + arrays.get(i).length + " floats) from " + offsets.get(i)
                        + ", round " + round);
            }
            System.gc();
        }
        // A control: small arrays of their own are not all aligned at that offset, so the check above can fail.
        for (int i = 0; i < 64; i++) {
            float[] small = new float[100 + i];
            long address = (long) memset.invokeExact(MemorySegment.ofArray(small).asSlice(4L * HeapAlignment.LARGE_ARRAY_OFFSET), 0, 0L);
            unaligned += address % 64 != 0 ? 1 : 0;
        }
        assertTrue(unaligned > 0, "64 small arrays all aligned: the address check cannot tell");
    }
}
