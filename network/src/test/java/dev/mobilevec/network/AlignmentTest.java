package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arena offset that aligns tensors to 64 bytes (HeapAlignmentTest: how it is found) changes no bits. */
class AlignmentTest {

    /** v2 (residual adds fused into projections, SE-free) gives the same bits at every offset and schedule. */
    @Test
    void everyArenaOffsetGivesTheSameBits() {
        MobileNetV2 arch = SessionTest.V2;
        int batch = 3;
        float[] input = NetworkEquivalenceTest.image(batch * arch.inputLength(), 31);
        float[] base = null;
        for (int offset : new int[] {0, 11, 12, 13, 16}) {
            for (Schedule schedule : new Schedule[] {Schedule.LAYER_PARALLEL, Schedule.IMAGE_PARALLEL}) {
                float[] out = new float[batch * 50];
                try (Session s = new Session(SessionTest.V2_MODEL, batch, 2, schedule, true, offset)) {
                    s.run(input, out);
                }
                if (base == null) {
                    base = out;
                } else {
                    assertArrayEquals(base, out, "offset " + offset + ", " + schedule);
                }
            }
        }
    }

    /** A JVM started with -XX:ObjectAlignmentInBytes=64 picks a non-zero offset and computes the same bits. */
    @Test
    void anAlignedJvmUsesTheOffsetAndGivesTheSameBits(@TempDir Path dir) throws Exception {
        VectorModuleTest.Result r = VectorModuleTest.fork(dir, "--add-modules", "jdk.incubator.vector",
                "-XX:ObjectAlignmentInBytes=64", AlignedRun.class.getName());
        assertEquals(0, r.exit(), r.out());
        String expected = "offset " + dev.mobilevec.kernels.HeapAlignment.offset("64", "false", "true") + " " + WithoutVectorModule.bits(AlignedRun.output());
        String compact = "offset " + dev.mobilevec.kernels.HeapAlignment.offset("64", "true", "true") + " " + WithoutVectorModule.bits(AlignedRun.output());
        String got = r.out().lines().filter(l -> l.startsWith("offset ")).findFirst().orElse(r.out());
        org.junit.jupiter.api.Assertions.assertTrue(got.equals(expected) || got.equals(compact), got);
        assertEquals(dev.mobilevec.kernels.HeapAlignment.LARGE_ARRAY_OFFSET, Alignment.ARENA_OFFSET,
                "this JVM runs with the default object alignment: the arena takes the offset of G1's region-aligned arrays");
    }

    /**
     * Without G1 (the serial collector) nothing can be aligned without the flag: weights from 0 in arrays of their own, the
     * arena offset 0, the buffers unpadded; and the bits are those of this JVM (G1: weights cut from shared region-sized
     * arrays, arena at the G1 offset, buffers padded where that aligns them).
     */
    @Test
    void anotherCollectorAlignsNothingAndGivesTheSameBits(@TempDir Path dir) throws Exception {
        VectorModuleTest.Result r = VectorModuleTest.fork(dir, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC",
                AlignedRun.class.getName());
        assertEquals(0, r.exit(), r.out());
        String got = r.out().lines().filter(l -> l.startsWith("offset ")).findFirst().orElse(r.out());
        assertEquals("offset 0 " + WithoutVectorModule.bits(AlignedRun.output()), got);
    }

    /**
     * Under G1 (this JVM, unless the machine is too small for the JVM to choose it) the arena takes the offset that aligns
     * a humongous array's data, from its header size; anything else, 0. The collector is read from the management beans
     * here, not from the flags HeapAlignment reads.
     */
    @Test
    void theArenaOffsetFollowsTheCollector() {
        boolean g1 = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(b -> b.getName().startsWith("G1 "));
        int header = dev.mobilevec.kernels.HeapAlignment.offset("64", "false", "true");
        int compact = dev.mobilevec.kernels.HeapAlignment.offset("64", "true", "true");
        if (g1) {
            org.junit.jupiter.api.Assertions.assertTrue(Alignment.ARENA_OFFSET == header || Alignment.ARENA_OFFSET == compact,
                    "G1: offset " + Alignment.ARENA_OFFSET);
        } else {
            assertEquals(0, Alignment.ARENA_OFFSET, "not G1");
        }
    }

    /**
     * Buffers grow into G1-aligned arrays only while the grown ones take at most a sixteenth of the heap; a session whose
     * buffers are in the growing range (an eighth to a half of this JVM's region) reports them aligned under G1, and gives
     * the bits of a session with its tensors at offset 0.
     */
    @Test
    void theArenaGrowsOnlyWithinASixteenthOfTheHeap() {
        long heap = 1L << 30;
        org.junit.jupiter.api.Assertions.assertTrue(Session.growArena(heap / 16, heap));
        org.junit.jupiter.api.Assertions.assertFalse(Session.growArena(heap / 16 + 1, heap));
        org.junit.jupiter.api.Assertions.assertTrue(Session.growArena(0, heap));
        MobileNetV1 arch = new MobileNetV1(0.25, 128, 128, 10, Padding.SYMMETRIC); // 64x64x16 buffers: 1/8 to 1/2 of a 1 MB region
        Model m = Model.create(arch, SeededWeights.generate(arch, 5), Backend.FAST);
        float[] input = NetworkEquivalenceTest.image(arch.inputLength(), 9), a = new float[m.outputLength()], b = new float[m.outputLength()];
        try (Session grown = m.newSession(1, 1); Session plain = new Session(m, 1, 1, Schedule.AUTO, true, 0)) {
            grown.run(input, a);
            plain.run(input, b);
            if (dev.mobilevec.kernels.HeapAlignment.alignableLength(64 * 64 * 16) > 64 * 64 * 16) {
                org.junit.jupiter.api.Assertions.assertTrue(grown.buffersAligned(), "G1, buffers in the growing range");
            }
        }
        assertArrayEquals(b, a);
    }

    /**
     * A JVM asked for transparent huge pages (as ./mobilevec runs where the kernel offers them) gets them exactly when
     * the kernel's THP mode allows (always or madvise; the JVM turns the flag off otherwise) and computes the same bits.
     */
    @Test
    void hugePagesAreOnWhereTheKernelOffersThemAndGiveTheSameBits(@TempDir Path dir) throws Exception {
        VectorModuleTest.Result r = VectorModuleTest.fork(dir, "--add-modules", "jdk.incubator.vector",
                "-XX:ObjectAlignmentInBytes=64", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages",
                HugePagesRun.class.getName()); // a Linux-only flag: elsewhere ignored, and no THP file there either
        assertEquals(0, r.exit(), r.out());
        String mode;
        try {
            mode = java.nio.file.Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
        } catch (java.io.IOException e) {
            mode = "";
        }
        boolean offered = mode.contains("[always]") || mode.contains("[madvise]");
        String got = r.out().lines().filter(l -> l.startsWith("huge pages ")).findFirst().orElse(r.out());
        assertEquals("huge pages " + offered + " " + WithoutVectorModule.bits(AlignedRun.output()), got, "THP mode: " + mode);
    }

    /** Run in the forked JVM: the effective flag and the bits. */
    public static final class HugePagesRun {
        public static void main(String[] args) {
            System.out.println("huge pages " + dev.mobilevec.kernels.HeapAlignment.TRANSPARENT_HUGE_PAGES + " "
                    + WithoutVectorModule.bits(AlignedRun.output()));
        }
    }

    /** Run in the forked JVM. */
    public static final class AlignedRun {
        static float[] output() {
            MobileNetV1 arch = new MobileNetV1(0.25, 40, 36, 10, Padding.SYMMETRIC);
            Model m = Model.create(arch, SeededWeights.generate(arch, 7), Backend.FAST);
            float[] out = new float[m.outputLength()];
            try (Session s = m.newSession(1, 2)) {
                s.run(NetworkEquivalenceTest.image(arch.inputLength(), 3), out);
            }
            return out;
        }

        public static void main(String[] args) {
            System.out.println("offset " + Alignment.ARENA_OFFSET + " " + WithoutVectorModule.bits(output()));
        }
    }
}
