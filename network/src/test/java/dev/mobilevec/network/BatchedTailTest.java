package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The batched tail of an image-parallel session (images one by one per thread up to a cut, then the remaining layers
 * once over the whole batch, layer-parallel): the same bits as without it at every cut the session accepts, a clear
 * refusal at every other, and the cut the byte model picks.
 */
class BatchedTailTest {

    private static final LayerDef[] V1_FULL = new MobileNetV1(1.0, 224, 224, 1000, Padding.SYMMETRIC).layers().toArray(new LayerDef[0]);

    private static int index(LayerDef[] layers, String name) {
        for (LayerDef l : layers) {
            if (l.name().equals(name)) {
                return l.index();
            }
        }
        throw new AssertionError("no layer " + name);
    }

    /**
     * Every cut of v1, v2 and a squeeze-excitation network, on 1-3 threads, fused or not, with batches that are and are
     * not multiples of the threads (the left-over images take the layer-parallel path to the cut): either the session
     * refuses the cut, naming it, or its output has the bits of the layer-parallel session, image by image, timed per
     * layer or not. Refused cuts must be exactly the ones {@link Session#validCut} rejects, and v2's residual blocks and
     * the SE blocks must refuse some (a cut that passed them would lose the skip tensor).
     */
    @Test
    void everyAcceptedCutGivesTheLayerParallelBits() {
        Model[] models = {SessionTest.MODEL, SessionTest.V2_MODEL, SqueezeExcitationFusionTest.MODEL};
        int[][] runs = {{3, 2, 1}, {4, 1, 0}, {5, 3, 1}}; // batch, threads, fused
        for (Model m : models) {
            LayerDef[] layers = m.layers().toArray(new LayerDef[0]);
            for (int[] r : runs) {
                int batch = r[0], threads = r[1];
                boolean fuse = r[2] == 1;
                float[] input = NetworkEquivalenceTest.image(batch * m.arch().inputLength(), 21 + batch);
                float[] expected = new float[batch * m.outputLength()];
                BlockChain[] chains;
                try (Session s = new Session(m, batch, threads, Schedule.LAYER_PARALLEL, fuse)) {
                    s.run(input, expected);
                }
                // The image plans are batch-1 plans: their blocks are the ones a cut must not split.
                chains = fuse ? BlockChain.find(m, layers, 1, 0) : new BlockChain[layers.length];
                int accepted = 0, refused = 0;
                for (int t = 1; t < layers.length; t++) {
                    String what = m.arch() + ", cut " + t + " (" + layers[t].name() + "), batch " + batch + ", threads " + threads + ", fused " + fuse;
                    if (!Session.validCut(layers, chains, t)) {
                        int cut = t;
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> new Session(m, batch, threads, Schedule.IMAGE_PARALLEL, fuse, Alignment.ARENA_OFFSET, 0, cut), what);
                        assertTrue(e.getMessage().contains("layer " + cut), e.getMessage());
                        refused++;
                        continue;
                    }
                    accepted++;
                    try (Session s = new Session(m, batch, threads, Schedule.IMAGE_PARALLEL, fuse, Alignment.ARENA_OFFSET, 0, t)) {
                        assertEquals(t, s.batchedTail(), what);
                        float[] out = new float[expected.length];
                        s.run(input, out);
                        assertArrayEquals(expected, out, what);
                        Arrays.fill(out, Float.NaN);
                        long[] nanos = new long[layers.length];
                        s.run(input, 0, Layout.NHWC, out, 0, nanos);
                        assertArrayEquals(expected, out, what + ", timed");
                        assertTrue(nanos[layers.length - 1] > 0 && nanos[t] > 0, what + ": the tail's layers are timed");
                    }
                }
                assertTrue(accepted >= 3, m.arch() + ": " + accepted + " cuts accepted");
                if (m != SessionTest.MODEL) {
                    assertTrue(refused > 0, m.arch() + ": residual or SE blocks refuse cuts");
                }
            }
        }
    }

    /** Each image's output is what it gets alone (batch 1, no tail), whatever else is in the batch with it. */
    @Test
    void anImagesOutputDoesNotDependOnItsBatchMates() {
        Model m = SessionTest.V2_MODEL;
        int batch = 4, per = m.arch().inputLength(), classes = m.outputLength();
        float[] input = NetworkEquivalenceTest.image(batch * per, 5);
        float[] other = input.clone();
        Arrays.fill(other, 0, per, 0.25f); // image 0 changed, images 1-3 the same
        float[] a = new float[batch * classes], b = new float[batch * classes];
        try (Session s = m.newSession(batch, 2, Schedule.IMAGE_PARALLEL)) {
            assertTrue(s.batchedTail() > 0, "the byte model gives this batch a tail (its classifier at least)");
            s.run(input, a);
            s.run(other, b);
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 0, classes), Arrays.copyOfRange(b, 0, classes)));
        assertArrayEquals(Arrays.copyOfRange(a, classes, batch * classes), Arrays.copyOfRange(b, classes, batch * classes));
        try (Session one = m.newSession(1, 1)) {
            float[] o = new float[classes];
            for (int n = 0; n < batch; n++) {
                one.run(Arrays.copyOfRange(input, n * per, (n + 1) * per), o);
                assertArrayEquals(o, Arrays.copyOfRange(a, n * classes, (n + 1) * classes), "image " + n);
            }
        }
    }

    /**
     * Image-parallel threads take images from a shared counter, so which thread (and which thread's arena) runs an image
     * changes from run to run, more so with three threads on this two-core machine: twenty runs each on two and three
     * threads give every image the bits it gets alone.
     */
    @Test
    void imagesGetTheSameBitsWhicheverThreadTakesThem() {
        Model m = SessionTest.MODEL;
        int batch = 7, per = m.arch().inputLength(), classes = m.outputLength();
        float[] input = NetworkEquivalenceTest.image(batch * per, 11);
        float[] alone = new float[batch * classes], o = new float[classes];
        try (Session one = m.newSession(1, 1)) {
            for (int n = 0; n < batch; n++) {
                one.run(Arrays.copyOfRange(input, n * per, (n + 1) * per), o);
                System.arraycopy(o, 0, alone, n * classes, classes);
            }
        }
        for (int threads = 2; threads <= 3; threads++) {
            try (Session s = m.newSession(batch, threads, Schedule.IMAGE_PARALLEL)) {
                float[] out = new float[batch * classes];
                for (int run = 0; run < 20; run++) {
                    Arrays.fill(out, Float.NaN);
                    s.run(input, out);
                    assertArrayEquals(alone, out, threads + " threads, run " + run);
                }
            }
        }
    }

    /**
     * The byte model on the full v1 1.0-224 table, by hand (MB = 10^6 bytes, weights with biases, as params()). At batch
     * 8 on 2 threads of 512 KiB L2 (1 MiB): classifier 7 x 4.10 = +28.7 MB; pool (8 x 200 KB in) -1.7; block13.pw 7 x
     * 4.20 - 8 x (0.2 + 2 x 0.2) = +24.6; block13.dw -4.5; block12.pw 7 x 2.10 - 8 x (0.1 + 2 x 0.2) = +10.7; block12.dw
     * (14x14x512 in) -4.7; block11.pw 7 x 1.05 - 8 x (0.4 + 2 x 0.4) = -2.3; each 14x14 block further back loses more
     * than it saves. Suffix sums from the end: 28.7, 27.0, 51.6, 47.1, 57.8, 53.1, 50.8, ...: the tail starts at
     * block12.pw. Batch 1 saves nothing: no tail. With an L2 that holds every batch tensor, every layer saves its
     * weights and the tail is everything after the first layer. Batch 2 on one thread (512 KiB): block13.pw 4.20 - 2 x
     * 0.6 = +3.0, block13.dw -1.16, block12.pw 2.10 - 2 x 0.5 = +1.10: those two together lose, so the tail starts at
     * block13.pw.
     */
    @Test
    void theByteModelPicksTheDeepLayersOfV1() {
        BlockChain[] none = new BlockChain[V1_FULL.length];
        assertEquals(index(V1_FULL, "block12.pw"), Session.tailStart(V1_FULL, none, 8, 2, 512 << 10));
        assertEquals(V1_FULL.length, Session.tailStart(V1_FULL, none, 1, 2, 512 << 10));
        assertEquals(1, Session.tailStart(V1_FULL, none, 8, 1, 1L << 40));
        assertEquals(index(V1_FULL, "block13.pw"), Session.tailStart(V1_FULL, none, 2, 1, 512 << 10));
    }

    /**
     * Image-parallel memory does not grow with the batch, the tail's arena does: a batch whose tail arena would take
     * more than an eighth of the heap runs without a tail instead of being refused (as it was before tails existed).
     */
    @Test
    void aBatchTooLargeForATailArenaRunsWithoutOne() {
        long heap = Runtime.getRuntime().maxMemory();
        int classes = SessionTest.MODEL.outputLength();
        int batch = (int) Math.min(Integer.MAX_VALUE / classes - 1, heap / 8 / (4L * classes) + 1);
        try (Session s = SessionTest.MODEL.newSession(batch, 2)) {
            assertEquals(Schedule.IMAGE_PARALLEL, s.schedule());
            assertEquals(-1, s.batchedTail(), "batch " + batch + ", heap " + (heap >> 20) + " MB");
            assertTrue(s.activationBytes() < heap / 8, s.activationBytes() + " bytes");
        }
        // A forced tail whose arena (two buffers of batch x 1000 floats here) outgrows half the heap is refused with the
        // sizes, not an OutOfMemoryError.
        LayerDef[] layers = SessionTest.MODEL.layers().toArray(new LayerDef[0]);
        int huge = (int) Math.min(Integer.MAX_VALUE / classes - 1, heap / (4L * classes));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Session(SessionTest.MODEL, huge, 2, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 0, layers.length - 1).close());
        assertTrue(e.getMessage().contains("MB of activation buffers (with the batched tail)"), e.getMessage());
    }

    @Test
    void cutsOutsideTheTableAreRefused() {
        LayerDef[] layers = SessionTest.MODEL.layers().toArray(new LayerDef[0]);
        BlockChain[] none = new BlockChain[layers.length];
        assertFalse(Session.validCut(layers, none, 0));
        assertFalse(Session.validCut(layers, none, layers.length));
        assertTrue(Session.validCut(layers, none, layers.length - 1));
        // No tail: batch 1, layer-parallel, or told so.
        try (Session s = SessionTest.MODEL.newSession(1, 2)) {
            assertEquals(-1, s.batchedTail());
        }
        try (Session s = SessionTest.MODEL.newSession(4, 2, Schedule.LAYER_PARALLEL)) {
            assertEquals(-1, s.batchedTail());
        }
        try (Session s = new Session(SessionTest.MODEL, 4, 2, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 0, Session.NO_TAIL)) {
            assertEquals(-1, s.batchedTail());
        }
    }
}
