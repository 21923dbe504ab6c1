package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SessionTest {
    static final MobileNetV1 ARCH = new MobileNetV1(0.5, 64, 48, 1000, Padding.SYMMETRIC);
    static final Model MODEL = Model.create(ARCH, SeededWeights.generate(ARCH, 3), Backend.FAST);

    static float[] run(Model m, int batch, int threads, float[] input) {
        float[] out = new float[batch * m.outputLength()];
        try (Session s = m.newSession(batch, threads)) {
            s.run(input, out);
        }
        return out;
    }

    @Test
    void outputIsBitwiseIdenticalForAnyThreadCountAndBatchSplit() {
        int batch = 3;
        float[] input = NetworkEquivalenceTest.image(batch * ARCH.inputLength(), 11);
        float[] one = run(MODEL, batch, 1, input);
        for (int t = 2; t <= 4; t++) {
            assertArrayEquals(one, run(MODEL, batch, t, input), "threads " + t);
        }
        // Each image alone gives the same bits as inside the batch.
        for (int img = 0; img < batch; img++) {
            float[] single = Arrays.copyOfRange(input, img * ARCH.inputLength(), (img + 1) * ARCH.inputLength());
            assertArrayEquals(Arrays.copyOfRange(one, img * 1000, (img + 1) * 1000), run(MODEL, 1, 2, single), "image " + img);
        }
        // The output is a distribution that depends on the input.
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += one[i];
        }
        assertEquals(1.0, sum, 1e-4);
        assertFalse(Arrays.equals(Arrays.copyOfRange(one, 0, 1000), Arrays.copyOfRange(one, 1000, 2000)));
    }

    /**
     * The session allocates nothing per inference. Until C2 has compiled every kernel, the
     * interpreter and C1 box vectors (the JVM's warm-up, not ours), so warm up in rounds until a
     * round is allocation-free (at most 20 rounds), then require a further 200 inferences to
     * allocate exactly 0 bytes on the caller and every worker thread.
     */
    @Test
    void inferenceAllocatesNothingAfterWarmUpOnAnyThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Image-parallel (batch 2 on 2 threads), and layer-parallel batch 1 on 2 threads, where each thread runs
        // its share of every fused block (v1: dw > pw blocks; v2: expand > dw > project with the residual add).
        for (Model m : new Model[] {MODEL, V2_MODEL}) {
            for (int batch = 1; batch <= 2; batch++) {
                float[] input = NetworkEquivalenceTest.image(batch * m.arch().inputLength(), 5);
                float[] out = new float[batch * m.outputLength()];
                try (Session s = m.newSession(batch, 2)) {
                    long[] workers = s.workerThreadIds();
                    long[] ids = Arrays.copyOf(workers, workers.length + 1);
                    ids[workers.length] = Thread.currentThread().threadId();
                    for (int round = 0; round < 20 && allocated(mx, ids, s, input, out, 500) != 0; round++) {
                        // keep warming up
                    }
                    assertAllocatesNothing(mx, ids, s, input, out,
                            "200 inferences on the caller and worker threads, " + m.arch() + ", batch " + batch);
                }
            }
        }
    }

    /**
     * 200 inferences allocate exactly nothing; if they do, the failure names the sites (JFR stacks of a repeat run),
     * since the states that allocate are JIT states a later run may not reproduce.
     */
    private static void assertAllocatesNothing(com.sun.management.ThreadMXBean mx, long[] ids, Session s, float[] input,
                                               float[] out, String what) {
        long bytes = allocated(mx, ids, s, input, out, 200);
        if (bytes != 0) {
            fail(bytes + " bytes allocated by " + what + ", expected 0; "
                    + AllocationSites.of(() -> allocated(mx, ids, s, input, out, 1000)));
        }
    }

    /** Reads the counters one thread at a time: the array-returning overload would itself allocate on this thread. */
    private static long allocated(com.sun.management.ThreadMXBean mx, long[] ids, Session s, float[] input, float[] out, int runs) {
        long before = 0;
        for (long id : ids) {
            before += mx.getThreadAllocatedBytes(id);
        }
        for (int i = 0; i < runs; i++) {
            s.run(input, out);
        }
        long after = 0;
        for (long id : ids) {
            after += mx.getThreadAllocatedBytes(id);
        }
        return after - before;
    }

    /** A batch of ARCH's 3-channel images, NHWC, as NCHW. */
    static float[] toNchw(float[] nhwc, int batch) {
        int hw = ARCH.height() * ARCH.width(), per = ARCH.inputLength();
        float[] nchw = new float[nhwc.length];
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < hw; p++) {
                for (int c = 0; c < 3; c++) {
                    nchw[n * per + c * hw + p] = nhwc[n * per + p * 3 + c];
                }
            }
        }
        return nchw;
    }

    @Test
    void nchwInputGivesTheSameResultAsNhwc() {
        float[] nhwc = NetworkEquivalenceTest.image(ARCH.inputLength(), 9), nchw = toNchw(nhwc, 1);
        float[] a = run(MODEL, 1, 1, nhwc), b = new float[1000];
        try (Session s = MODEL.newSession(1, 1)) {
            s.run(nchw, 0, Layout.NCHW, b, 0, null);
        }
        assertArrayEquals(a, b);
    }

    /**
     * The NCHW-to-NHWC copy against its definition (value (c, p) of an image moves from c * hw + p to p * ch + c), for
     * 1-5 channels (3 has its own loop), every pixel range of small images, at offsets into both arrays: nothing
     * outside the range is written.
     */
    @Test
    void nchwToNhwcMovesEveryValueOfTheRangeAndNothingElse() {
        for (int ch = 1; ch <= 5; ch++) {
            for (int hw = 1; hw <= 13; hw += 4) {
                float[] src = new float[5 + ch * hw];
                for (int i = 0; i < src.length; i++) {
                    src[i] = i + 0.5f;
                }
                for (int p0 = 0; p0 <= hw; p0++) {
                    for (int p1 = p0; p1 <= hw; p1++) {
                        float[] dst = new float[3 + ch * hw + 2];
                        Arrays.fill(dst, -1f);
                        Session.nchwToNhwc(src, 5, dst, 3, hw, ch, p0, p1);
                        for (int p = 0; p < hw; p++) {
                            for (int c = 0; c < ch; c++) {
                                float want = p >= p0 && p < p1 ? src[5 + c * hw + p] : -1f;
                                assertEquals(want, dst[3 + p * ch + c], "ch " + ch + " hw " + hw + " range " + p0 + ".." + p1 + " at " + p + "," + c);
                            }
                        }
                        assertEquals(-1f, dst[0]);
                        assertEquals(-1f, dst[dst.length - 1]);
                    }
                }
            }
        }
    }

    /**
     * A layer-parallel run copies a large enough batch with all its threads (the parts cut inside an image, not at its
     * edges): the same bits from NCHW as from NHWC at two and three threads, and as one thread.
     */
    @Test
    void nchwInputSplitOverThreadsGivesTheSameResultAsNhwc() {
        int batch = 7, hw = ARCH.height() * ARCH.width(), per = ARCH.inputLength();
        assertTrue(batch * hw >= Session.PARALLEL_LOAD_PIXELS, "the batch is large enough to be split");
        float[] nhwc = NetworkEquivalenceTest.image(batch * per, 11), nchw = toNchw(nhwc, batch);
        float[] want = run(MODEL, batch, 1, nhwc);
        for (int threads = 2; threads <= 3; threads++) {
            for (Layout layout : Layout.values()) {
                float[] got = new float[batch * 1000];
                try (Session s = MODEL.newSession(batch, threads, Schedule.LAYER_PARALLEL)) {
                    s.run(layout == Layout.NCHW ? nchw : nhwc, 0, layout, got, 0, null);
                }
                assertArrayEquals(want, got, threads + " threads, " + layout);
            }
        }
    }

    /**
     * The first convolution reads the caller's NHWC array where it lies (NCHW goes through the copy): in either layout,
     * at any offset, amid NaN (a read outside the input would show), under every schedule and thread count, fused and
     * not, twice in a row, a batch's output is the bits of the same images from offset 0 on one thread, and the input is
     * left as it was.
     */
    @Test
    void theFirstLayerReadsTheCallersInputWhereItLies() {
        for (int batch : new int[] {1, 3}) {
            float[] nhwc = NetworkEquivalenceTest.image(batch * ARCH.inputLength(), 5 + batch), nchw = toNchw(nhwc, batch);
            float[] want = run(MODEL, batch, 1, nhwc);
            for (int threads = 1; threads <= 3; threads++) {
                for (Schedule schedule : Schedule.values()) {
                    for (Layout layout : Layout.values()) {
                        assertReadsInPlace(batch, threads, schedule, true, layout, layout == Layout.NCHW ? nchw : nhwc, want);
                        assertReadsInPlace(batch, threads, schedule, false, layout, layout == Layout.NCHW ? nchw : nhwc, want);
                    }
                }
            }
        }
        Model ref = Model.create(ARCH, SeededWeights.generate(ARCH, 3), Backend.REFERENCE);
        try (Session s = ref.newSession(1, 1)) {
            assertTrue(s.readsInputInPlace(Layout.NHWC));
            assertFalse(s.readsInputInPlace(Layout.NCHW));
            assertThrows(IllegalArgumentException.class, () -> s.readsInputInPlace(null));
        }
    }

    private static void assertReadsInPlace(int batch, int threads, Schedule schedule, boolean fuse, Layout layout, float[] src, float[] want) {
        int off = 1 + 7 * threads + schedule.ordinal();
        float[] big = new float[off + src.length + 5];
        java.util.Arrays.fill(big, Float.NaN);
        System.arraycopy(src, 0, big, off, src.length);
        float[] before = big.clone();
        String what = "batch " + batch + ", " + threads + " threads, " + schedule + (fuse ? ", fused, " : ", unfused, ") + layout;
        try (Session s = MODEL.newSession(batch, threads, schedule, fuse)) {
            assertEquals(layout == Layout.NHWC, s.readsInputInPlace(layout), what);
            for (int call = 0; call < 2; call++) {
                float[] got = new float[batch * MODEL.outputLength()];
                s.run(big, off, layout, got, 0, null);
                assertArrayEquals(want, got, what + ", call " + call);
            }
        }
        assertArrayEquals(before, big, "input left as it was, " + what);
    }

    @Test
    void badInputsAreRejectedWithExpectedAndActual() {
        try (Session s = MODEL.newSession(2, 1)) {
            int len = s.inputLength();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.run(new float[len - 1], new float[2000]));
            assertTrue(e.getMessage().contains(String.valueOf(len)) && e.getMessage().contains(String.valueOf(len - 1)), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> s.run(new float[len], new float[1999]));
            assertTrue(e.getMessage().contains("2000") && e.getMessage().contains("1999"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.run(new float[len], 0, null, new float[2000], 0, null));
        }
        assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(1, 0));
    }

    @Test
    void aSessionUsedFromTwoThreadsAtOnceIsRefused() throws Exception {
        // The reference network at 224 takes about a second: the second call lands inside the first run,
        // which the test waits to see begin instead of sleeping a guessed time (160 px and 200 ms raced).
        MobileNetV1 big = MobileNetV1.standard(1.0, 224);
        Model m = Model.create(big, SeededWeights.generate(big, 1), Backend.REFERENCE);
        float[] input = new float[big.inputLength()];
        try (Session s = m.newSession(1, 1)) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    s.run(input, new float[1000]);
                } catch (Throwable x) {
                    err.set(x);
                }
            });
            t.start();
            while (!s.running() && t.isAlive()) {
                Thread.onSpinWait();
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.run(input, new float[1000]));
            assertTrue(e.getMessage().contains("another thread"), e.getMessage());
            t.join();
            assertEquals(null, err.get());
        }
    }

    @Test
    void idleWorkersDoNotBurnCpuBetweenInferences() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Session s = MODEL.newSession(1, 3)) {
            float[] in = new float[s.inputLength()], out = new float[1000];
            for (int i = 0; i < 20; i++) {
                s.run(in, out);
            }
            long[] ids = s.workerThreadIds();
            Thread.sleep(50); // past the spin window (0.1 ms): the workers park
            long before = 0;
            for (long id : ids) {
                before += mx.getThreadCpuTime(id);
            }
            Thread.sleep(500);
            long after = 0;
            for (long id : ids) {
                after += mx.getThreadCpuTime(id);
            }
            // Spinning would cost ~2 x 500 ms of CPU; parked workers cost nothing. Allow 25 ms for wake-ups.
            assertTrue(after - before < 25_000_000L, "idle workers used " + (after - before) / 1e6 + " ms of CPU in 500 ms");
        }
    }

    @Test
    void oneModelSharedBySessionsOnManyThreadsGivesSingleThreadedResults() throws Exception {
        int threads = 16, runs = 200;
        float[][] inputs = new float[threads][];
        float[][] expected = new float[threads][];
        for (int t = 0; t < threads; t++) {
            inputs[t] = NetworkEquivalenceTest.image(ARCH.inputLength(), 100 + t);
            expected[t] = run(MODEL, 1, 1, inputs[t]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    float[] out = new float[1000];
                    try (Session s = MODEL.newSession(1, 1 + id % 2)) {
                        for (int i = 0; i < runs; i++) {
                            // Alternate inputs so a session that leaked state between runs would show it.
                            int which = (id + i) % threads;
                            s.run(inputs[which], out);
                            if (!Arrays.equals(expected[which], out)) {
                                return "thread " + id + " run " + i + " differs for input " + which;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<String> f : results) {
                assertEquals(null, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hugeInputsAreRejectedBeforeAnythingIsAllocated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MobileNetV1(1.0, 50000, 50000, 1000, Padding.SYMMETRIC).layers());
        assertTrue(e.getMessage().contains("int range"), e.getMessage());
        // 1,000,000 images of 32x32: the activation arena would need 1.6e10 floats.
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(1_000_000, 1, Schedule.LAYER_PARALLEL).close());
        assertTrue(e.getMessage().contains("int range"), e.getMessage());
        // Fits in an int but not in this heap: refused with the sizes, not an OutOfMemoryError.
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        int batch = (int) Math.min(Integer.MAX_VALUE / 24576, (heapMb << 20) / (2L * 4 * 24576) + 1);
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(batch, 1, Schedule.LAYER_PARALLEL).close());
        assertTrue(e.getMessage().contains("MB of activation buffers") && e.getMessage().contains(heapMb + " MB"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(1, 5000));
        assertEquals("threads must be in [1, 1024], got 5000", e.getMessage());
    }

    @Test
    void closingASessionWhileItRunsEndsTheRunWithAnErrorNotAHang() throws Exception {
        MobileNetV1 big = MobileNetV1.standard(1.0, 224);
        Model m = Model.create(big, SeededWeights.generate(big, 1), Backend.REFERENCE);
        Session s = m.newSession(1, 2);
        AtomicReference<Throwable> err = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                s.run(new float[s.inputLength()], new float[1000]);
            } catch (Throwable x) {
                err.set(x);
            }
        });
        t.start();
        while (!s.running() && t.isAlive()) { // the reference network at 224 takes about a second: close lands mid-run
            Thread.onSpinWait();
        }
        s.close();
        t.join(60_000);
        assertFalse(t.isAlive(), "the inference hung after close()");
        assertTrue(err.get() instanceof IllegalStateException, "expected the closed-session error, got " + err.get());
    }

    @Test
    void closingASessionStopsItsThreads() throws Exception {
        Session s = MODEL.newSession(1, 3);
        s.run(new float[s.inputLength()], new float[1000]);
        long[] ids = s.workerThreadIds();
        assertEquals(2, ids.length);
        s.close();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (long id : ids) {
                assertFalse(t.threadId() == id && t.isAlive(), "worker " + t.getName() + " still alive after close");
            }
        }
        assertThrows(IllegalStateException.class, () -> s.run(new float[s.inputLength()], new float[1000]));
    }

    static final MobileNetV2 V2 = new MobileNetV2(0.35, 48, 56, 50);
    static final Model V2_MODEL = Model.create(V2, SeededWeights.generate(V2, 4), Backend.FAST);

    /**
     * MobileNetV2 (residual adds, fused into the projections): the same bits fused and unfused, for
     * 1-3 threads and any batch split, and an image's result does not depend on its batch mates.
     */
    @Test
    void mobileNetV2IsDeterministicFusedOrNotAcrossThreadsAndBatches() {
        int batch = 3;
        float[] input = NetworkEquivalenceTest.image(batch * V2.inputLength(), 8);
        float[] base = run(V2_MODEL, batch, 1, input);
        for (int threads = 1; threads <= 3; threads++) {
            for (boolean fuse : new boolean[] {true, false}) {
                for (Schedule schedule : Schedule.values()) {
                    float[] out = new float[base.length];
                    try (Session s = new Session(V2_MODEL, batch, threads, schedule, fuse)) {
                        s.run(input, out);
                    }
                    assertArrayEquals(base, out, "threads " + threads + ", fused " + fuse + ", " + schedule);
                }
            }
        }
        for (int img = 0; img < batch; img++) {
            float[] single = Arrays.copyOfRange(input, img * V2.inputLength(), (img + 1) * V2.inputLength());
            assertArrayEquals(Arrays.copyOfRange(base, img * 50, (img + 1) * 50), run(V2_MODEL, 1, 2, single), "image " + img);
        }
    }

    @Test
    void mobileNetV2AllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] input = NetworkEquivalenceTest.image(V2.inputLength(), 5);
        float[] out = new float[50];
        try (Session s = V2_MODEL.newSession(1, 2)) {
            long[] workers = s.workerThreadIds();
            long[] ids = Arrays.copyOf(workers, workers.length + 1);
            ids[workers.length] = Thread.currentThread().threadId();
            for (int round = 0; round < 20 && allocated(mx, ids, s, input, out, 500) != 0; round++) {
                // keep warming up
            }
            assertAllocatesNothing(mx, ids, s, input, out, "200 inferences");
        }
    }

    /**
     * Image-parallel and layer-parallel schedules give the same bits for every batch size and thread
     * count (including remainders, batch mod threads images run layer-parallel), from NCHW input at an
     * offset into an output at an offset; an image's result does not depend on its batch mates; and
     * timing layers (which runs the images one at a time) changes nothing.
     */
    @Test
    void everyScheduleGivesTheSameBitsForEveryBatchAndThreadCount() {
        int len = ARCH.inputLength(), classes = 1000;
        for (int batch = 1; batch <= 5; batch++) {
            float[] input = NetworkEquivalenceTest.image(3 + batch * len, 20 + batch);
            float[] base = new float[batch * classes];
            try (Session s = MODEL.newSession(batch, 1, Schedule.LAYER_PARALLEL)) {
                s.run(input, 3, Layout.NCHW, base, 0, null);
            }
            for (int threads = 1; threads <= 3; threads++) {
                for (Schedule schedule : Schedule.values()) {
                    float[] out = new float[7 + batch * classes];
                    long[] nanos = new long[MODEL.layers().size()];
                    try (Session s = MODEL.newSession(batch, threads, schedule)) {
                        assertEquals(schedule.resolve(batch, threads), s.schedule());
                        s.run(input, 3, Layout.NCHW, out, 7, null);
                        assertArrayEquals(base, Arrays.copyOfRange(out, 7, out.length), batch + " images, " + threads + " threads, " + schedule);
                        Arrays.fill(out, 0f);
                        s.run(input, 3, Layout.NCHW, out, 7, nanos);
                        assertArrayEquals(base, Arrays.copyOfRange(out, 7, out.length), "timed: " + batch + ", " + threads + ", " + schedule);
                        assertTrue(Arrays.stream(nanos).allMatch(t -> t > 0), "every layer timed: " + Arrays.toString(nanos));
                    }
                }
            }
            for (int img = 0; img < batch; img++) {
                float[] single = Arrays.copyOfRange(input, 3 + img * len, 3 + (img + 1) * len);
                float[] one = new float[classes];
                try (Session s = MODEL.newSession(1, 1)) {
                    s.run(single, 0, Layout.NCHW, one, 0, null);
                }
                assertArrayEquals(Arrays.copyOfRange(base, img * classes, (img + 1) * classes), one, "image " + img + " of " + batch);
            }
        }
    }

    @Test
    void autoScheduleIsImageParallelFromOneImagePerThread() {
        assertEquals(Schedule.LAYER_PARALLEL, Schedule.AUTO.resolve(1, 2));
        assertEquals(Schedule.IMAGE_PARALLEL, Schedule.AUTO.resolve(8, 1)); // image by image, then the batched tail (README)
        assertEquals(Schedule.LAYER_PARALLEL, Schedule.AUTO.resolve(1, 1));
        assertEquals(Schedule.IMAGE_PARALLEL, Schedule.AUTO.resolve(2, 2));
        assertEquals(Schedule.IMAGE_PARALLEL, Schedule.AUTO.resolve(9, 2));
        assertEquals(Schedule.LAYER_PARALLEL, Schedule.LAYER_PARALLEL.resolve(8, 2));
        assertEquals(Schedule.IMAGE_PARALLEL, Schedule.IMAGE_PARALLEL.resolve(1, 2));
        assertThrows(IllegalArgumentException.class, () -> MODEL.newSession(2, 2, null));
    }

    /** Image-parallel runs (whole images per thread, plus a layer-parallel remainder) allocate nothing either. */
    @Test
    void imageParallelAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] input = NetworkEquivalenceTest.image(3 * V2.inputLength(), 5);
        float[] out = new float[3 * 50];
        try (Session s = V2_MODEL.newSession(3, 2, Schedule.IMAGE_PARALLEL)) {
            long[] workers = s.workerThreadIds();
            long[] ids = Arrays.copyOf(workers, workers.length + 1);
            ids[workers.length] = Thread.currentThread().threadId();
            // Two code paths (whole images per thread, the remainder layer-parallel) reach C2 at different
            // times, and on a loaded machine one of them was still recompiled after two allocation-free rounds
            // (a fresh-clone CI run measured 400 bytes once in eight runs of the suite), so warm-up ends after
            // three allocation-free rounds in a row. The measured round must still allocate nothing.
            for (int round = 0, clean = 0; round < 40 && clean < 3; round++) {
                clean = allocated(mx, ids, s, input, out, 200) == 0 ? clean + 1 : 0;
            }
            assertAllocatesNothing(mx, ids, s, input, out, "200 inferences of 3 images");
        }
    }

    /** Image-parallel sessions hold one batch-1 arena per thread instead of one arena for the whole batch. */
    @Test
    void activationMemoryFollowsTheSchedule() {
        long floatsPerImage = 0;
        for (LayerDef l : MODEL.layers()) {
            floatsPerImage = Math.max(floatsPerImage, l.outputLength());
        }
        floatsPerImage = Math.max(floatsPerImage, ARCH.inputLength());
        LayerDef[] table = MODEL.layers().toArray(new LayerDef[0]);
        int buffers = Session.assignBuffers(table, new int[table.length]);
        // Image-parallel plans run on one thread each, so they run blocks band by band, which keeps each block's
        // tensors alive together (v1: conv0 > dw > pw holds four buffers at once).
        int fusedBuffers = Session.assignBuffers(table, new int[table.length], BlockChain.find(MODEL, table, 1, 0));
        assertEquals(2, buffers);
        assertEquals(2, fusedBuffers); // the depthwise outputs (and conv0's) live in band windows
        try (Session layer = new Session(MODEL, 8, 2, Schedule.LAYER_PARALLEL, false);
             // Without the batched tail first (its batch arena is checked below).
             Session image = new Session(MODEL, 8, 2, Schedule.IMAGE_PARALLEL, false, Alignment.ARENA_OFFSET, 0, Session.NO_TAIL);
             // Two-row bands: this small model's tensors are smaller than the bands L2 would allow.
             Session banded = new Session(MODEL, 8, 2, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 2, Session.NO_TAIL);
             Session leftOver = new Session(MODEL, 7, 2, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 2, Session.NO_TAIL);
             // The classifier and softmax over the whole batch: a batch-8 arena of as many buffers, sized for their tensors.
             Session tailed = new Session(MODEL, 8, 2, Schedule.IMAGE_PARALLEL, false, Alignment.ARENA_OFFSET, 0, table.length - 2)) {
            // Every buffer: the offset, the tensors, then one vector of slack (Session.SLACK); buffer i of a plan also
            // starts i * Session.STAGGER floats later (4K aliasing, see STAGGER).
            long tensor = 4L * (floatsPerImage + Alignment.ARENA_OFFSET + Session.SLACK);
            long stagger = 4L * Session.STAGGER * buffers * (buffers - 1) / 2;
            assertEquals(8 * 4L * buffers * floatsPerImage + 4L * buffers * (Alignment.ARENA_OFFSET + Session.SLACK) + stagger,
                    layer.activationBytes());
            assertEquals(2 * (buffers * tensor + stagger), image.activationBytes());
            // A batch that is not a multiple of the threads also keeps a plain batch-1 arena for the left-over image.
            assertEquals(banded.activationBytes() + buffers * tensor + stagger, leftOver.activationBytes());
            long tailFloats = Math.max(table[table.length - 3].outputLength(), Math.max(table[table.length - 2].outputLength(),
                    table[table.length - 1].outputLength()));
            assertEquals(image.activationBytes() + 4L * buffers * (8 * tailFloats + Alignment.ARENA_OFFSET + Session.SLACK) + stagger,
                    tailed.activationBytes());
        }
        // MobileNetV2's largest tensors are the expanded ones, which fused blocks keep in band windows: the arenas shrink.
        try (Session plainV2 = V2_MODEL.newSession(8, 2, Schedule.IMAGE_PARALLEL, false);
             Session bandedV2 = new Session(V2_MODEL, 8, 2, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 2)) {
            assertTrue(bandedV2.activationBytes() < plainV2.activationBytes(), bandedV2.activationBytes() + " vs " + plainV2.activationBytes());
        }
        // Layer-parallel on two threads too, although each thread has its own pair of windows.
        try (Session plainV2 = new Session(V2_MODEL, 1, 2, Schedule.LAYER_PARALLEL, false);
             Session fusedV2 = new Session(V2_MODEL, 1, 2, Schedule.LAYER_PARALLEL, true)) {
            assertFalse(fusedV2.fusedBlocks().isEmpty());
            assertTrue(fusedV2.activationBytes() < plainV2.activationBytes(), fusedV2.activationBytes() + " vs " + plainV2.activationBytes());
        }
    }

    /**
     * Taps copy a layer's output as it was when the layer ran: the feature tap (V2's global pool) is the mean of the
     * tapped layer before it, within a derived bound (a float sum of n = H*W terms, then one division: 2 n 2^-24 sum|x| / n),
     * and the same bits under every schedule, batch and thread count (so an image's features never depend on its batch
     * mates). The logits tap is the softmax's input: its softmax in double is the output within float softmax's rounding bound.
     */
    @Test
    void tapsCopyFeaturesAndLogitsUnderEverySchedule() {
        int feat = V2_MODEL.featureLayer(), logits = V2_MODEL.logitsLayer(), before = V2_MODEL.layers().get(feat).input();
        LayerDef pool = V2_MODEL.layers().get(feat);
        assertEquals(LayerType.AVGPOOL, pool.type());
        assertEquals(LayerType.SOFTMAX, V2_MODEL.layers().get(V2_MODEL.layers().size() - 1).type());
        int fl = pool.outputLength(), ll = V2_MODEL.layers().get(logits).outputLength(), bl = V2_MODEL.layers().get(before).outputLength();
        int batch = 3, hw = pool.inH() * pool.inW(), c = pool.inC();
        float[] input = NetworkEquivalenceTest.image(batch * V2.inputLength(), 31);
        float[] out = new float[batch * 50], f = new float[batch * fl], z = new float[batch * ll], pre = new float[batch * bl];
        try (Session s = V2_MODEL.newSession(batch, 1, Schedule.LAYER_PARALLEL)) {
            s.run(input, 0, Layout.NHWC, out, 0, null, new int[] {feat, logits, before}, new float[][] {f, z, pre});
        }
        for (int n = 0; n < batch; n++) {
            for (int ch = 0; ch < c; ch++) {
                double sum = 0, mag = 0;
                for (int p = 0; p < hw; p++) {
                    float x = pre[n * bl + p * c + ch];
                    sum += x;
                    mag += Math.abs(x);
                }
                double bound = 2.0 * hw * 0x1p-24 * mag / hw + Math.ulp((float) (sum / hw));
                assertEquals(sum / hw, f[n * fl + ch], bound, "image " + n + " channel " + ch);
            }
            double max = Double.NEGATIVE_INFINITY, total = 0;
            for (int k = 0; k < ll; k++) {
                max = Math.max(max, z[n * ll + k]);
            }
            for (int k = 0; k < ll; k++) {
                total += Math.exp(z[n * ll + k] - max);
            }
            for (int k = 0; k < ll; k++) {
                double p = Math.exp(z[n * ll + k] - max) / total;
                // Float softmax: rounding z - max costs |z - max| u relatively through exp, exp a few u, the K-term sum K u,
                // the division u (u = 2^-24): bound (|z - max| + K + 4) u p.
                double bound = (Math.abs(z[n * ll + k] - max) + ll + 4) * 0x1p-24 * p;
                assertEquals(p, out[n * 50 + k], bound, "softmax of the logits tap, image " + n + " class " + k);
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            for (Schedule schedule : Schedule.values()) {
                float[] f2 = new float[f.length], z2 = new float[z.length], o2 = new float[out.length];
                try (Session s = V2_MODEL.newSession(batch, threads, schedule)) {
                    s.run(input, 0, Layout.NHWC, o2, 0, null, new int[] {logits, feat}, new float[][] {z2, f2});
                }
                assertArrayEquals(out, o2, threads + " threads, " + schedule);
                assertArrayEquals(f, f2, threads + " threads, " + schedule);
                assertArrayEquals(z, z2, threads + " threads, " + schedule);
            }
        }
        try (Session s = V2_MODEL.newSession(batch, 1)) {
            var e = assertThrows(IllegalArgumentException.class, () -> s.run(input, 0, Layout.NHWC, out, 0, null, new int[] {feat}, new float[][] {new float[fl]}));
            assertTrue(e.getMessage().contains("needs " + batch * fl + " floats (batch 3 x " + fl + "), got " + fl), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> s.run(input, 0, Layout.NHWC, out, 0, null, new int[] {999}, new float[][] {f}));
            assertTrue(e.getMessage().contains("tap layer 999 is not a layer of this model"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> s.run(input, 0, Layout.NHWC, out, 0, null, new int[] {feat}, null));
            assertTrue(e.getMessage().contains("must both be null or have the same length"), e.getMessage());
        }
        Model noPool = Model.create(ARCH, SeededWeights.generate(ARCH, 3), Backend.FAST);
        assertEquals(noPool.layers().size() - 2, noPool.logitsLayer()); // v1 ends fc, softmax
    }

    /**
     * Fused blocks (band by band, expanded and depthwise tensors only in band windows) give the bits of running every
     * layer whole, for band heights from one row to the whole tensor, 1-3 threads (layer-parallel: the threads' shares
     * of a block meet inside rows and halos), batches that are and are not multiples of the
     * threads, both schedules, NHWC and NCHW input; on v1 (conv0 > dw > pw, then dw > pw pairs, stride 1 and 2,
     * widths 32 down to 2 pixels) and v2 (expand > dw > project with the residual add in the projection).
     */
    @Test
    void fusedBlocksGiveTheBitsOfLayerByLayerForAnyBandHeight() {
        for (Model m : new Model[] {MODEL, V2_MODEL}) {
            int len = m.arch().inputLength(), classes = m.outputLength();
            for (int batch : new int[] {1, 3}) {
                float[] input = NetworkEquivalenceTest.image(batch * len, 40 + batch);
                float[] base = new float[batch * classes];
                try (Session s = new Session(m, batch, 1, Schedule.LAYER_PARALLEL, false)) {
                    assertTrue(s.fusedBlocks().isEmpty());
                    s.run(input, 0, Layout.NHWC, base, 0, null);
                }
                for (int band : new int[] {1, 2, 3, 5, 64, 0}) {
                    for (int threads = 1; threads <= 3; threads++) {
                        for (Schedule schedule : new Schedule[] {Schedule.LAYER_PARALLEL, Schedule.IMAGE_PARALLEL}) {
                            float[] out = new float[base.length];
                            long[] nanos = new long[m.layers().size()];
                            try (Session s = new Session(m, batch, threads, schedule, true, Alignment.ARENA_OFFSET, band)) {
                                String what = m.arch() + ", batch " + batch + ", band " + band + ", " + threads + " threads, " + schedule;
                                // Layer-parallel on several threads: each thread runs its share of every block's
                                // projection units band by band (the parts meet inside rows and halos).
                                assertFalse(s.fusedBlocks().isEmpty(), what);
                                s.run(input, 0, Layout.NHWC, out, 0, null);
                                assertArrayEquals(base, out, what);
                                java.util.Arrays.fill(out, 0);
                                s.run(input, 0, Layout.NHWC, out, 0, nanos);
                                assertArrayEquals(base, out, "timed: " + what);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Blocks are disjoint runs of adjacent layers chosen to keep the most bytes out of the arena: on v2 every block
     * takes its expansion (or conv0) with it where the expansion runs by pixel blocks, and its projection; on v1 some
     * block starts at a pointwise layer (the pw -> dw edge between two v1 blocks), which the greedy pass this replaced
     * never chose, and some ends at its depthwise layer (the output written whole) where the pointwise layer after it
     * is taken by the next block. Every plan keeps at least as many bytes out of the arena as the blocks with
     * projections alone would.
     */
    @Test
    void blocksKeepTheMostBytesOutOfTheArena() {
        for (Model m : new Model[] {MODEL, V2_MODEL}) {
            LayerDef[] table = m.layers().toArray(new LayerDef[0]);
            boolean[] used = new boolean[table.length];
            boolean startsAtPointwise = false, endsAtDepthwise = false;
            for (BlockChain c : BlockChain.find(m, table, 1, 0)) {
                if (c == null) {
                    continue;
                }
                for (int l = c.first(); l <= c.last(); l++) {
                    assertFalse(used[l], "layer " + l + " in two blocks");
                    used[l] = true;
                }
                if (m == V2_MODEL) {
                    assertEquals(c.depthwise() + 1, c.project(), c.describe(table));
                } else if (!c.windowsDepthwise()) {
                    assertEquals(-1, c.project());
                    assertTrue(c.expand() >= 0, "a block without a projection has a layer before: " + c.describe(table));
                    endsAtDepthwise = true;
                } else {
                    assertEquals(c.depthwise() + 1, c.project());
                }
                assertTrue(c.expand() < 0 || c.expand() == c.depthwise() - 1);
                startsAtPointwise |= c.expand() >= 0 && table[c.expand()].type() == LayerType.POINTWISE;
                int before = table[c.depthwise()].input();
                if (m == V2_MODEL && c.expand() < 0) {
                    assertTrue(before != c.depthwise() - 1 || m.conv(before) == null || m.conv(before).pixelsPerUnit(1) <= 0,
                            "v2 block without its expansion: " + c.describe(table));
                }
            }
            if (m == MODEL) {
                assertTrue(startsAtPointwise, "v1: a block starts at the pointwise layer before its depthwise one");
                assertTrue(endsAtDepthwise, "v1: a block ends at its depthwise layer");
            }
        }
    }

    /**
     * A block cut into parts (one per thread): the parts' projection ranges tile [0, units) in order, each part's
     * depthwise rows hold its units' pixels (whole bands of the one-thread grid, cut only at the part's ends), every
     * band's projection range but a part's last is a whole number of 1x1 row tiles, and the whole range gives the
     * one-thread bands.
     */
    @Test
    void blockPartsRunEveryProjectionUnitOnceFromTheRowsThatHoldIt() {
        boolean[] tileCut = {false};
        everyBlock((m, table, batch, c) -> {
            assertArrayEquals(c.steps(batch), c.steps(batch, 0, c.projectUnits()));
            for (int parts = 1; parts <= 4; parts++) {
                int next = 0;
                for (int part = 0; part < parts; part++) {
                    int u0 = c.projectUnits() * part / parts, u1 = c.projectUnits() * (part + 1) / parts;
                    int[] st = c.steps(batch, u0, u1);
                    String what = c.describe(table) + ", batch " + batch + ", part " + part + " of " + parts;
                    for (int k = 0; k < st.length; k += BlockChain.STEP) {
                        assertEquals(next, st[k + BlockChain.P_FROM], what);
                        assertTrue(st[k + BlockChain.P_TO] >= next, what);
                        next = st[k + BlockChain.P_TO];
                        int rows = st[k + BlockChain.D_TO] - st[k + BlockChain.D_FROM];
                        assertTrue(rows >= 1 && rows <= c.bandRows(), what);
                        assertEquals(st[k + BlockChain.D_FROM] / c.outH(), (st[k + BlockChain.D_TO] - 1) / c.outH(), "one image per band: " + what);
                        // Units completed here lie in rows computed by this part, up to this band.
                        long lastPixel = (long) st[k + BlockChain.P_TO] * c.projectPixelsPerUnit();
                        assertTrue(st[k + BlockChain.P_TO] == st[k + BlockChain.P_FROM]
                                || Math.min(lastPixel, (long) batch * c.outH() * c.outW()) <= (long) st[k + BlockChain.D_TO] * c.outW(), what);
                        assertTrue((long) st[k + BlockChain.P_FROM] * c.projectPixelsPerUnit() >= (long) st[BlockChain.D_FROM] * c.outW(), what);
                        // A projection range is whole row tiles (the kernel's grain), all but the part's last.
                        int span = st[k + BlockChain.P_TO] - st[k + BlockChain.P_FROM];
                        if (c.windowsDepthwise() && k + BlockChain.STEP < st.length) {
                            assertEquals(m.conv(c.project()).blocksPerCall(batch), c.projectGrain(), what);
                            assertEquals(0, span % c.projectGrain(), "band " + k / BlockChain.STEP + ": " + what);
                            tileCut[0] |= span > 0 && c.projectGrain() > 1;
                        }
                    }
                    assertEquals(u1, st.length == 0 ? u0 : next, what);
                    next = u1;
                }
                assertEquals(c.projectUnits(), next);
            }
        });
        assertTrue(tileCut[0], "no band's projection range was checked against a grain above 1");
    }

    /** A fused block of a test model's plan at one batch. */
    private interface BlockCase {
        void accept(Model m, LayerDef[] table, int batch, BlockChain c);
    }

    /** Every block of v1's and v2's plans at batches 1 and 3 and band heights 1, 2, 5 and automatic. */
    private static void everyBlock(BlockCase f) {
        for (Model m : new Model[] {MODEL, V2_MODEL}) {
            LayerDef[] table = m.layers().toArray(new LayerDef[0]);
            for (int batch : new int[] {1, 3}) {
                for (int band : new int[] {1, 2, 5, 0}) {
                    for (BlockChain c : BlockChain.find(m, table, batch, band)) {
                        if (c != null) {
                            f.accept(m, table, batch, c);
                        }
                    }
                }
            }
        }
    }

    /**
     * A share's chunks, run in order with the windows carried, are the share's bands; the same chunk as a part of its
     * own (what a thread that takes it over runs) produces exactly the chunk's projection units, from rows it computes.
     */
    @Test
    void blockChunksAreTheSharesBandsAndStandAloneAsParts() {
        everyBlock((m, table, batch, c) -> {
            for (int parts = 2; parts <= 4; parts++) {
                for (int part = 0; part < parts; part++) {
                    int u0 = c.projectUnits() * part / parts, u1 = c.projectUnits() * (part + 1) / parts;
                    int[] st = c.steps(batch, u0, u1);
                    int[][] chunks = BlockChain.chunks(st, Session.BLOCK_STEAL_CHUNKS);
                    String what = c.describe(table) + ", batch " + batch + ", part " + part + " of " + parts;
                    assertEquals(Math.min(st.length / BlockChain.STEP, Session.BLOCK_STEAL_CHUNKS), chunks.length, what);
                    int[] joined = new int[0];
                    int next = u0;
                    for (int[] ch : chunks) {
                        assertTrue(ch.length > 0 && ch.length % BlockChain.STEP == 0, what);
                        joined = java.util.stream.IntStream.concat(java.util.Arrays.stream(joined), java.util.Arrays.stream(ch)).toArray();
                        int from = ch[BlockChain.P_FROM], to = ch[ch.length - BlockChain.STEP + BlockChain.P_TO];
                        assertEquals(next, from, what);
                        next = to;
                        int[] alone = c.steps(batch, from, to);
                        int done = from;
                        for (int k = 0; k < alone.length; k += BlockChain.STEP) {
                            assertEquals(done, alone[k + BlockChain.P_FROM], what);
                            done = alone[k + BlockChain.P_TO];
                            long lastPixel = (long) done * c.projectPixelsPerUnit();
                            assertTrue(done == alone[k + BlockChain.P_FROM]
                                    || Math.min(lastPixel, (long) batch * c.outH() * c.outW()) <= (long) alone[k + BlockChain.D_TO] * c.outW(), what);
                            assertTrue((long) alone[k + BlockChain.P_FROM] * c.projectPixelsPerUnit() >= (long) alone[BlockChain.D_FROM] * c.outW(), what);
                        }
                        assertEquals(to, done, "a chunk alone runs exactly its units: " + what);
                    }
                    assertEquals(u1, st.length == 0 ? u0 : next, what);
                    assertArrayEquals(st, joined, "the chunks in order are the share's bands: " + what);
                }
            }
        });
    }

    /**
     * More threads than processors, so the OS holds some back mid-block and the others take over their chunks (from
     * the chunks' own rows): the bits stay those of one thread, on v1 and v2, band heights from one row up, every run.
     * The count of chunks taken over is reported; whether the OS stalled a thread at the right moment is up to it.
     */
    @Test
    void blocksTakenOverByAnotherThreadGiveTheSameBits() {
        int threads = Runtime.getRuntime().availableProcessors() + 2;
        long taken = 0;
        for (Model m : new Model[] {MODEL, V2_MODEL}) {
            int len = m.arch().inputLength(), classes = m.outputLength();
            float[] input = NetworkEquivalenceTest.image(len, 77);
            float[] base = new float[classes];
            try (Session s = new Session(m, 1, 1, Schedule.LAYER_PARALLEL, false)) {
                s.run(input, 0, Layout.NHWC, base, 0, null);
            }
            for (int band : new int[] {1, 2, 0}) {
                try (Session s = new Session(m, 1, threads, Schedule.LAYER_PARALLEL, true, Alignment.ARENA_OFFSET, band)) {
                    float[] out = new float[classes];
                    for (int run = 0; run < 30; run++) {
                        java.util.Arrays.fill(out, Float.NaN);
                        s.run(input, 0, Layout.NHWC, out, 0, null);
                        assertArrayEquals(base, out, m.arch() + ", band " + band + ", " + threads + " threads, run " + run);
                    }
                    taken += s.chunksTakenOver();
                }
            }
        }
        System.out.println("blocksTakenOverByAnotherThreadGiveTheSameBits: " + taken + " chunks taken over at " + threads + " threads");
    }

    /** The plan names every depthwise layer of v1 and v2 with its neighbours; a tap inside a block is refused with the reason. */
    @Test
    void fusedPlanCoversEveryBlockAndRefusesTapsInsideIt() {
        try (Session s = V2_MODEL.newSession(1, 1)) {
            // Every block whose projection is cut into pixel blocks; a projection over a handful of pixels is cut by
            // output channels (its weights outweigh its rows) and runs whole.
            long fusable = V2_MODEL.layers().stream().filter(l -> l.type() == LayerType.DEPTHWISE
                    && V2_MODEL.conv(l.index() + 1).pixelsPerUnit(1) > 0).count();
            // Not vacuous, at any vector width: every block whose projection has 128+ pixels and no more output
            // channels than pixels is cut by pixels (32+ row blocks, rows outweigh weights), whatever the panel width;
            // which of the small late blocks are too depends on the panel width (14 of them at 512 bits, 13 at 256).
            long large = V2_MODEL.layers().stream().filter(l -> l.type() == LayerType.DEPTHWISE).map(l -> V2_MODEL.layers().get(l.index() + 1))
                    .filter(p -> p.outH() * p.outW() >= 128 && p.outC() <= p.outH() * p.outW()).count();
            assertTrue(large >= 3 && fusable >= large, "fusable " + fusable + ", large " + large);
            assertEquals(fusable, s.fusedBlocks().size(), String.join("\n", s.fusedBlocks()));
            assertTrue(s.fusedBlocks().get(0).startsWith("conv0 > block1.dw > block1.project, bands of "), s.fusedBlocks().get(0));
            assertTrue(s.fusedBlocks().get(1).startsWith("block2.expand > block2.dw > block2.project"), s.fusedBlocks().get(1));
            int inside = V2_MODEL.layers().stream().filter(l -> l.name().equals("block2.expand")).findFirst().orElseThrow().index();
            float[] in = new float[V2.inputLength()], out = new float[50];
            var e = assertThrows(IllegalArgumentException.class, () -> s.run(in, 0, Layout.NHWC, out, 0, null, new int[] {inside},
                    new float[][] {new float[1 << 20]}));
            assertTrue(e.getMessage().contains("runs inside a fused block"), e.getMessage());
        }
        try (Session s = V2_MODEL.newSession(1, 1, Schedule.AUTO, false)) {
            assertTrue(s.fusedBlocks().isEmpty());
        }
    }
}
