package dev.mobilevec.network;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.kernels.HeapAlignment;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.TensorOps;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs a {@link Model} on batches of a fixed size. Owns the activation arena and the worker
 * threads, so inference allocates nothing after construction. The arena is a few buffers of the
 * largest layer's size, assigned from the layer table by liveness: a layer's output takes a buffer
 * no live tensor holds, and a buffer is free again after the last layer that reads it (two buffers
 * for a chain like v1, three for residual networks). Elementwise layers (softmax, add, scale) work in
 * place when their first input dies with them. Each convolution's independent work units are cut
 * into one contiguous piece per thread; no unit ever splits a reduction, so outputs are bitwise
 * identical for any thread count. With {@link Schedule#IMAGE_PARALLEL} each thread instead owns a
 * batch-1 arena and runs whole images, taking them one at a time from a shared counter, up to the batched tail ({@link #batchedTail}): the deepest layers,
 * run once over the whole batch from a small batch arena of their own; the bits are the same either way.
 *
 * <p>A session is not for concurrent use: a second thread entering {@link #run} while it runs gets
 * an IllegalStateException. Close it to stop its threads.
 */
public final class Session implements AutoCloseable {
    private final Model model;
    private final int arenaOffset; // floats before every arena tensor (see Alignment)
    private final int batch;
    private final LayerDef[] layers; // an array: iterating a List allocated an iterator per inference
    private final Schedule schedule; // resolved: LAYER_PARALLEL or IMAGE_PARALLEL
    /** Per layer: the fused block that starts there, or null. */
    private final BlockChain[] chains;
    /** LAYER_PARALLEL: one plan for the whole batch. IMAGE_PARALLEL: one batch-1 plan per thread. */
    private final Plan[] plans;
    /** The plan for layer-parallel runs of single images in an image-parallel session (plans[0] unless those are banded). */
    private final Plan spare;
    /**
     * IMAGE_PARALLEL: the first layer of the batched tail (see {@link #tailStart}), run layer-parallel over the whole
     * batch on {@link #tailPlan} after every image has gone through the layers before it; layers.length when none.
     */
    private final int tail;
    /** The batch plan for the layers from {@link #tail} on (its arena holds only their tensors), or null. */
    private final Plan tailPlan;
    private final WorkerPool pool;
    private final WorkerPool.Job imageJob; // IMAGE_PARALLEL: part p runs its share of whole images on plans[p]
    private final AtomicBoolean busy = new AtomicBoolean();
    // The current call's arguments, read by imageJob on the workers (published by WorkerPool.execute).
    private float[] curInput, curOutput;
    private int curInOff, curOutOff, curImages;
    /** IMAGE_PARALLEL: the next of the curImages images a thread takes (imageJob). */
    private final AtomicInteger nextImage = new AtomicInteger();
    private Layout curLayout;
    private int[] curTapLayers;
    private float[][] curTaps;
    /** More threads than this is a mistake, not a configuration. */
    static final int MAX_THREADS = 1024;

    Session(Model model, int batch, int threads) {
        this(model, batch, threads, Schedule.AUTO, true);
    }

    Session(Model model, int batch, int threads, Schedule schedule, boolean fuse) {
        this(model, batch, threads, schedule, fuse, Alignment.ARENA_OFFSET, 0);
    }

    Session(Model model, int batch, int threads, Schedule schedule, boolean fuse, int offset) {
        this(model, batch, threads, schedule, fuse, offset, 0);
    }

    /**
     * {@code fuse}: run a residual add inside the projection before it, and depthwise-separable blocks band by
     * band ({@link BlockChain}; layer-parallel on several threads, each thread its share of the block's projection
     * units, then the chunks of the others' it takes over; tests compare both ways).
     * {@code offset}: floats before every tensor in the arena buffers ({@link Alignment}; tests vary it).
     * {@code bandRows}: output rows per band of a fused block; 0 chooses from the cache size.
     */
    Session(Model model, int batch, int threads, Schedule schedule, boolean fuse, int offset, int bandRows) {
        this(model, batch, threads, schedule, fuse, offset, bandRows, AUTO_TAIL);
    }

    /**
     * {@code tailFrom}: first layer of an image-parallel session's batched tail ({@link #AUTO_TAIL}: {@link #tailStart};
     * {@link #NO_TAIL}: none; tests force the others).
     */
    Session(Model model, int batch, int threads, Schedule schedule, boolean fuse, int offset, int bandRows, int tailFrom) {
        this.model = model;
        this.batch = Checks.positive("batch", batch);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.arenaOffset = offset;
        this.schedule = schedule.resolve(batch, threads);
        this.layers = model.layers().toArray(new LayerDef[0]);
        boolean images = this.schedule == Schedule.IMAGE_PARALLEL;
        int planBatch = images ? 1 : batch, planCount = images ? threads : 1;
        if (offset < 0 || offset > 16) {
            throw new IllegalArgumentException("arena offset (-Dmobilevec.arenaOffset) must be in [0, 16] floats, got " + offset);
        }
        // Blocks run band by band on every schedule: image-parallel plans on one thread each; layer-parallel plans
        // split each block's projection units over the threads, each running its share band by band, then what is
        // left of the others' shares (one barrier per block, not one per band). An image-parallel session whose batch is not a multiple of its threads
        // keeps one plain batch-1 plan besides, to run the left-over images layer-parallel.
        this.chains = fuse ? BlockChain.find(model, layers, planBatch, bandRows) : new BlockChain[layers.length];
        boolean banded = java.util.Arrays.stream(chains).anyMatch(java.util.Objects::nonNull);
        boolean spareNeeded = banded && images && batch % threads != 0;
        int[] assignment = new int[layers.length], plain = new int[layers.length];
        int count = assignBuffers(layers, assignment, chains), plainCount = assignBuffers(layers, plain);
        // Arena buffers hold the largest tensor that lives in the arena: with fused blocks, the expanded and
        // depthwise tensors (the largest of MobileNetV2) live in band windows instead.
        int size = bufferFloats(planBatch, offset, assignment), plainSize = bufferFloats(planBatch, offset, plain);
        long heap = Runtime.getRuntime().maxMemory();
        // Under G1 without the flag, buffers (and band windows) of an eighth of a region or more grow to just over half
        // a region, so G1 places them at region starts and their tensors are 64-byte aligned (HeapAlignment.alignableLength;
        // Zen 3, v2 without the flag: 1.03x). Not when the grown buffers would take more than a sixteenth of the heap
        // (many image-parallel plans on a small heap): there the memory matters more.
        int grownSize = Math.toIntExact(HeapAlignment.alignableLength(size)), grownPlain = Math.toIntExact(HeapAlignment.alignableLength(plainSize));
        boolean grow = growArena((long) planCount * count * 4 * grownSize + (spareNeeded ? (long) plainCount * 4 * grownPlain : 0), heap);
        if (grow) {
            size = grownSize;
            plainSize = grownPlain;
        }
        long bytes = (long) planCount * count * 4 * size + (spareNeeded ? (long) plainCount * 4 * plainSize : 0);
        if (bytes > heap / 2) {
            throw new IllegalArgumentException("a session for batch " + batch + " of " + model.arch() + " needs "
                    + (bytes >> 20) + " MB of activation buffers (" + planCount + " x " + count + " x " + planBatch
                    + " x largest layer x 4 bytes); the heap is " + (heap >> 20) + " MB (-Xmx): use a smaller batch or a larger heap");
        }
        int tailAt = !images || batch < 2 || tailFrom >= layers.length ? layers.length
                : tailFrom == AUTO_TAIL ? tailStart(layers, chains, batch, threads, BlockChain.L2_BYTES) : tailFrom;
        if (tailAt < layers.length && !validCut(layers, chains, tailAt)) {
            throw new IllegalArgumentException("layer " + tailAt + " cannot start a batched tail: a later layer reads a tensor"
                    + " from before layer " + (tailAt - 1) + ", or a fused block spans the cut");
        }
        if (tailFrom == AUTO_TAIL && tailAt < layers.length) {
            // Image-parallel memory does not grow with the batch; the tail's arena does. A batch whose tail arena would
            // take more than an eighth of the heap (or overflow an array) runs every layer image by image instead.
            long floats = (long) batch * largestTensor(plain, tailAt - 1) + offset + SLACK;
            if (floats > Integer.MAX_VALUE - 64 || (long) plainCount * 4 * floats > heap / 8) {
                tailAt = layers.length;
            }
        }
        this.tail = tailAt;
        int tailSize = tail < layers.length ? bufferFloats(batch, offset, plain, tail - 1) : 0;
        if (grow && tailSize > 0) {
            tailSize = Math.toIntExact(HeapAlignment.alignableLength(tailSize));
        }
        if (tail < layers.length) {
            bytes += (long) plainCount * 4 * tailSize;
            if (bytes > heap / 2) {
                throw new IllegalArgumentException("a session for batch " + batch + " of " + model.arch() + " needs "
                        + (bytes >> 20) + " MB of activation buffers (with the batched tail); the heap is " + (heap >> 20)
                        + " MB (-Xmx): use a smaller batch or a larger heap");
            }
        }
        plans = new Plan[planCount];
        try {
            for (int i = 0; i < planCount; i++) {
                plans[i] = new Plan(model, layers, planBatch, count, size, assignment, fuse, offset, grow, banded ? chains : null,
                        images ? 1 : threads, threads);
            }
            spare = spareNeeded ? new Plan(model, layers, 1, plainCount, plainSize, plain, fuse, offset, grow, null, 1, threads) : plans[0];
            tailPlan = tail < layers.length ? new Plan(model, layers, batch, plainCount, tailSize, plain, fuse, offset, grow, null, threads, threads) : null;
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("could not allocate " + (bytes >> 20) + " MB of activation buffers for batch "
                    + batch + "; the heap is " + (heap >> 20) + " MB", e);
        }
        pool = new WorkerPool(threads, "mobilevec");
        imageJob = (part, parts) -> {
            // Images one at a time from a shared counter, not a fixed share per thread: on a shared machine a neighbour
            // stalls one core for milliseconds, and with fixed shares the other thread then waited at the end. Any
            // thread's plan gives an image the same bits.
            for (int n; (n = nextImage.getAndIncrement()) < curImages; ) {
                runImageAlone(plans[part], n);
            }
        };
    }

    /**
     * Floats after the largest tensor in every arena buffer and band window: one vector, so a depthwise kernel's
     * full-width loads of a partial channel block (72, 120, 200 channels) at a tensor's last pixels stay inside
     * the array and the rows there are swept like the others instead of going pixel by pixel (the kernels check,
     * so this is speed, not safety). 16 floats, a 512-bit vector, as a constant: reading Lanes here would load
     * the Vector API into sessions of the reference backend, which run without it. Wider vectors (SVE) only lose
     * the sweep at a tensor's last rows.
     */
    static final int SLACK = 16;
    /**
     * Floats between the starts of successive arrays of a plan, modulo 4 KB. The large arena buffers are humongous
     * objects that G1 places at region starts, so with one common offset a layer's input and output began at the same
     * address modulo 4 KB: every store of a depthwise sweep then matched, in its low 12 address bits, loads of the
     * input one or two pixels on (pixel strides of 1-4 KB), and the core held those loads back as if they depended
     * on it (4K aliasing). Zen 3, stand-alone depthwise 3x3 with the output 0 / 16 floats past a 4 KB multiple from
     * the input (best of 5): 14x14x512 s1 123 / 77 us, 28x28x256 s1 172 / 130, 56x56x128 s2 213 / 142; inside v1 the
     * 14x14x512 layers ran at 125 us, ONNX Runtime's at 83. 64 bytes keeps every array 64-byte aligned. Zen 5: stand-alone
     * the best distance depends on the shape (up to 1.4x either way), and 464 floats, the best for every v1 depthwise
     * shape alone, lost in the network (v1 +0.2 %, v2 +2.3 %; bench/results/zen5/t54).
     */
    static final int STAGGER = 16;
    /** Chunks per thread's share of a convolution's units, the grain at which an idle thread takes over another's. */
    static final int STEAL_CHUNKS = 8;

    /** Points each part's cursor at the start of its share of {@code units} (before the parts run). */
    static void resetShares(AtomicIntegerArray cursors, int units, int parts) {
        for (int q = 0; q < parts; q++) {
            cursors.set(q, (int) ((long) units * q / parts));
        }
    }

    /**
     * Part {@code part} of {@code parts}: its own contiguous share of units [0, units) in STEAL_CHUNKS chunks from the
     * front, then what is left of the other shares, in the same chunks. Every unit runs exactly once, whichever part
     * gets to it; with no stalls each part runs exactly its own share.
     *
     * <p>With {@code block} > 1 (the kernel's {@code unitBlock}: a panel-major layer's panel of row blocks) chunks are
     * multiples of {@code block * perCall} units ({@code blocksPerCall}), starting at a block boundary (all but a
     * share's first chunk) and ending at one (all but its last), so they hold whole triples of panels that the kernel
     * streams side by side. An eighth of a share
     * of a 7x7 1x1 layer had held two or three panels' worth of row blocks cut anywhere. Shares themselves stay
     * exact fractions: rounding them to whole panels left 7 against 8 panels of a 14x14 expansion (5-7 % slower).
     */
    static void runShares(RangeJob r, int units, int part, int parts, AtomicIntegerArray cursors, int block, int perCall) {
        if (parts == 1) {
            r.run(0, units);
            return;
        }
        int grain = block * perCall;
        for (int k = 0; k < parts; k++) {
            int q = part + k < parts ? part + k : part + k - parts;
            int begin = (int) ((long) units * q / parts), end = (int) ((long) units * (q + 1) / parts);
            int chunk = Math.max(1, (end - begin + STEAL_CHUNKS - 1) / STEAL_CHUNKS);
            if (grain > 1) {
                chunk = (chunk + grain - 1) / grain * grain;
            }
            for (int from; (from = cursors.getAndAdd(q, chunk)) < end; ) {
                // Cursor positions map to block boundaries the same way on every part, so the ranges still tile the share.
                int lo = blockStart(from, begin, end, block), hi = blockStart((long) from + chunk, begin, end, block);
                if (lo < hi) {
                    r.run(lo, hi);
                }
            }
        }
    }

    /** x rounded up to a multiple of block, within [begin, end]; begin itself stays (a share may start inside a block). */
    static int blockStart(long x, int begin, int end, int block) {
        if (x <= begin) {
            return begin;
        }
        return (int) Math.min(end, (x + block - 1) / block * block);
    }

    /**
     * Chunks (runs of bands) per thread's share of a fused block, the grain at which an idle thread takes over another's
     * bands. A chunk the share's own thread reaches in order continues its windows, as the whole share did; one taken
     * over (or one its thread comes back to after another took the chunk before it) starts from its own first rows and
     * recomputes the halo (see {@link BlockChain#steps(int, int, int)}), so stealing costs work only where a part fell behind.
     */
    static final int BLOCK_STEAL_CHUNKS = 4;
    /** A thread's window positions between chunks: expanded window's first and end pixel, depthwise window's the same. */
    static final int WINDOW_STATE = 4;

    /** One chunk of a fused block's share: {@code carry} when it continues the windows of the thread's run of that share. */
    @FunctionalInterface
    interface ChunkJob {
        void run(int share, int chunk, boolean carry);
    }

    /**
     * Part {@code part} of {@code parts} of a fused block: the chunks of its own share in order, then those still left
     * of the other shares ({@code chunks[q]} per share q; {@code cursors[q]} from 0). A chunk carries the windows only
     * when this part ran the share from its first chunk and every chunk since: the windows then hold what the whole
     * share's bands would have left there. Every chunk runs exactly once.
     */
    static void runChunks(ChunkJob job, int[] chunks, int part, int parts, AtomicIntegerArray cursors) {
        for (int k = 0; k < parts; k++) {
            int q = part + k < parts ? part + k : part + k - parts;
            boolean inOrder = true;
            for (int ch, prev = -1; (ch = cursors.getAndIncrement(q)) < chunks[q]; prev = ch) {
                inOrder &= ch == prev + 1;
                job.run(q, ch, inOrder && ch > 0);
            }
        }
    }

    /** Points every part's block cursor at the first chunk of its share. */
    static void resetChunks(AtomicIntegerArray cursors, int parts) {
        for (int q = 0; q < parts; q++) {
            cursors.set(q, 0);
        }
    }

    /**
     * Inputs with at least this many pixels per call are copied into the arena by all of a layer-parallel run's threads
     * (a 224x224 image has 50,176; split over two threads, V3-small's whole inference took 2.0-5.5 % less, t46). Smaller
     * ones stay on one thread, where the copy takes microseconds and a hand-off to the pool need not pay; the threshold
     * is a round number, not a measured optimum.
     */
    static final int PARALLEL_LOAD_PIXELS = 16_384;

    /**
     * Whether the first convolution reads the caller's input where it lies instead of a copy in the arena
     * ({@code -Dmobilevec.directInput=false} restores the copy, to measure one against the other in one build).
     */
    static final boolean DIRECT_INPUT = !"false".equals(System.getProperty("mobilevec.directInput"));

    /**
     * Pixels [p0, p1) of one NCHW image ({@code hw} pixels, {@code ch} planes from {@code s}) into NHWC at {@code d}.
     * Pixel by pixel, so the stores run forward through the destination and the loads are {@code ch} forward streams:
     * plane by plane (stores {@code ch} floats apart) wrote each destination line {@code ch} times and took 1.3-3x as
     * long on 224x224x3 (Zen 3, stand-alone: 120-207 us against 62-121; bench/results/avx2/t46).
     */
    static void nchwToNhwc(float[] src, int s, float[] dst, int d, int hw, int ch, int p0, int p1) {
        if (ch == 3) {
            int g = s + hw, b = s + 2 * hw;
            for (int p = p0, o = d + 3 * p0; p < p1; p++, o += 3) {
                dst[o] = src[s + p];
                dst[o + 1] = src[g + p];
                dst[o + 2] = src[b + p];
            }
            return;
        }
        for (int p = p0; p < p1; p++) {
            for (int c = 0; c < ch; c++) {
                dst[d + p * ch + c] = src[s + c * hw + p];
            }
        }
    }

    /**
     * The activation buffers and layer jobs for one batch size: a few buffers of the largest layer's
     * size, assigned by liveness ({@link #assignBuffers}), and per layer a job that splits its work
     * units (or elements) into one contiguous piece per part.
     */
    private static final class Plan {
        final int batch;
        /**
         * Every array the plan's tensors live in (arena buffers, then the band windows) and where its tensors start:
         * the arena offset (64-byte aligned data when the JVM allows it) plus {@link #STAGGER} floats per array, so
         * that no two arrays' data start at the same address modulo 4 KB (see STAGGER). Looked up by identity.
         */
        private final float[][] arrays;
        private final int[] arrayOffsets;
        final float[] first; // holds the network's input, when it is copied (see loadInput)
        /**
         * The one layer that reads the network's input, a convolution (alone, or the first layer of a fused block) with no
         * add in its epilogue, or -1: given NHWC input, that convolution reads the caller's array where it lies and the
         * copy into {@link #first} is skipped (NCHW input is still copied, see {@link #loadInput}).
         */
        final int directLayer;
        /** What the input layer reads this call: the caller's array and offset, or {@link #first} after a copy. */
        private float[] inArray;
        private int inArrayOff;
        final float[][] bufferOf; // per layer: the buffer it writes
        final WorkerPool.Job[] jobs;
        final boolean[] fusedAway; // adds done inside the convolution before them
        final LayerDef[] fusedAdd; // per convolution: the add it does in its epilogue, or null
        final Model model;
        final LayerDef[] layers;
        /**
         * Banded plans: the fused blocks by first layer; their band steps, whole ({@code steps}) and per share of a
         * layer-parallel run on several threads, in chunks ({@code chunkSteps[layer][share][chunk]}: the share's bands
         * cut into runs, each thread running its own share's through its own pair of windows, then what is left of
         * the others'; {@code freshSteps}, the same chunks as parts of their own, halo included, for a thread that
         * takes one over); the two band windows per thread, shared by all blocks, and where a thread's windows stand
         * between two chunks of a share ({@code windowState}).
         */
        final BlockChain[] chains;
        final int[][] steps;
        final int[][][][] chunkSteps, freshSteps;
        final int[][] windowState;
        /** Per thread: the chunks it ran from their own first rows (taken over, or resumed after one was), a diagnostic. */
        final long[][] takenOver;
        final float[][] expandWindows, depthwiseWindows;
        /**
         * Per thread, per-layer time (by layer index) of its chunks of the block being timed, to share out the block's
         * wall time (all threads': a thread whose share others took may have run none of a layer's units).
         */
        final long[][] partNanos;
        /** Per convolution: its work units at this plan's batch. */
        final int[] unitsOf;
        /** Per part: the next unit of its share of the convolution running (see {@link #STEAL_CHUNKS}). */
        final AtomicIntegerArray cursors;

        Plan(Model model, LayerDef[] layers, int batch, int count, int size, int[] assignment, boolean fuse, int off, boolean grow,
             BlockChain[] chains, int threads, int poolParts) {
            this.model = model;
            this.chains = chains;
            this.steps = new int[layers.length][];
            this.chunkSteps = new int[layers.length][][][];
            this.freshSteps = new int[layers.length][][][];
            this.windowState = new int[threads][WINDOW_STATE];
            this.takenOver = new long[threads][1];
            long eMax = 0, dMax = 0;
            for (int i = 0; chains != null && i < chains.length; i++) {
                BlockChain c = chains[i];
                if (c != null) {
                    steps[i] = c.steps(batch);
                    chunkSteps[i] = new int[threads][][];
                    freshSteps[i] = new int[threads][][];
                    int units = c.projectUnits();
                    for (int q = 0; q < threads; q++) {
                        int[] st = threads == 1 ? steps[i]
                                : c.steps(batch, (int) ((long) units * q / threads), (int) ((long) units * (q + 1) / threads));
                        int[][] chunks = BlockChain.chunks(st, threads == 1 ? 1 : BLOCK_STEAL_CHUNKS), alone = new int[chunks.length][];
                        for (int ch = 0; ch < chunks.length; ch++) {
                            int[] own = chunks[ch];
                            // Chunk 0 starts the share, so it is a part of its own already.
                            alone[ch] = ch == 0 ? own : c.steps(batch, own[BlockChain.P_FROM], own[own.length - BlockChain.STEP + BlockChain.P_TO]);
                        }
                        chunkSteps[i][q] = chunks;
                        freshSteps[i][q] = alone;
                        // Windows for the share's bands run in order (chunk 0 alone is their start), and for any later
                        // chunk run as a part of its own.
                        for (int ch = 0; ch < Math.max(1, alone.length); ch++) {
                            long[] w = c.windowPixels(ch == 0 ? st : alone[ch], batch);
                            eMax = Math.max(eMax, w[0] * layers[c.depthwise()].inC());
                            if (c.windowsDepthwise()) {
                                dMax = Math.max(dMax, w[1] * layers[c.depthwise()].outC());
                            }
                        }
                    }
                }
            }
            // Windows start at the arena offset too (staggered like the buffers), so their pixels are as aligned as the arena's;
            // under G1 one of an eighth of a region or more grows into a region-aligned array, as the buffers do (see grow).
            expandWindows = new float[threads][];
            depthwiseWindows = new float[threads][];
            arrays = new float[count + 2 * threads][];
            arrayOffsets = new int[arrays.length];
            for (int i = 0; i < arrays.length; i++) {
                arrayOffsets[i] = off + STAGGER * i;
            }
            for (int part = 0; part < threads; part++) {
                int e = count + 2 * part, d = e + 1;
                long eLen = eMax == 0 ? 0 : eMax + arrayOffsets[e] + SLACK, dLen = dMax == 0 ? 0 : dMax + arrayOffsets[d] + SLACK;
                expandWindows[part] = arrays[e] = new float[Math.toIntExact(grow && eLen > 0 ? HeapAlignment.alignableLength(eLen) : eLen)];
                depthwiseWindows[part] = arrays[d] = new float[Math.toIntExact(grow && dLen > 0 ? HeapAlignment.alignableLength(dLen) : dLen)];
            }
            partNanos = new long[threads][layers.length];
            unitsOf = new int[layers.length];
            cursors = new AtomicIntegerArray(poolParts); // any plan may run a layer on the whole pool (left-over images)
            this.layers = layers;
            this.batch = batch;
            float[][] buffers = new float[count][];
            for (int i = 0; i < count; i++) {
                buffers[i] = arrays[i] = new float[Math.addExact(size, STAGGER * i)];
            }
            first = buffers[0];
            inArray = first;
            inArrayOff = offOf(first);
            bufferOf = new float[layers.length][];
            for (LayerDef l : layers) {
                bufferOf[l.index()] = assignment[l.index()] < 0 ? null : buffers[assignment[l.index()]]; // null: lives in a band window
            }
            directLayer = DIRECT_INPUT ? directInputLayer(chains, fuse) : -1;
            jobs = new WorkerPool.Job[layers.length];
            fusedAway = new boolean[layers.length];
            fusedAdd = new LayerDef[layers.length];
            for (LayerDef l : layers) {
                float[] in = input(l.input()), out = bufferOf[l.index()];
                PreparedConv p = model.conv(l.index());
                LayerDef add = fuse && out != null ? fusableAdd(l, p) : null;
                if (add != null) {
                    fusedAway[add.index()] = true;
                    fusedAdd[l.index()] = add;
                }
                if (in == null || out == null) {
                    continue; // inside a fused block: runChain runs it
                }
                if (p != null) {
                    // With a fused add, the projection writes conv + skip straight into the add's (in-place) buffer.
                    float[] skip = add == null ? null : input(add.input() == l.index() ? add.input2() : add.input());
                    int io = offOf(in), oo = offOf(out), so = skip == null ? 0 : offOf(skip);
                    RangeJob r = add != null ? (from, to) -> p.runResidual(batch, in, io, out, oo, from, to, skip, so, add.activation())
                            : l.index() == directLayer ? (from, to) -> p.run(batch, inArray, inArrayOff, out, oo, from, to)
                            : (from, to) -> p.run(batch, in, io, out, oo, from, to);
                    int units = p.workUnits(batch), block = p.unitBlock(batch), perCall = p.blocksPerCall(batch);
                    unitsOf[l.index()] = units;
                    // One contiguous share per thread: consecutive layers then find most of their input in the same
                    // core's cache (a shared work counter measured 10.4 ms vs 7.7 ms at 2 threads). Each thread takes
                    // its share in STEAL_CHUNKS chunks from the front, then the chunks still left of the others'
                    // shares: on a shared machine a neighbour stalls one core for milliseconds, and a fixed split
                    // made every layer wait for it.
                    jobs[l.index()] = (part, parts) -> runShares(r, units, part, parts, cursors, block, perCall);
                } else if (l.type() == LayerType.ADD) {
                    float[] skip = input(l.input2());
                    TensorOps ops = model.ops();
                    int len = batch * l.outputLength(), io = offOf(in), so = offOf(skip), oo = offOf(out);
                    // The convolution's contiguous shares, so each thread adds the rows it just wrote (unless it took
                    // over part of another's share; any split gives the same bits).
                    jobs[l.index()] = (part, parts) -> {
                        int from = (int) ((long) len * part / parts), to = (int) ((long) len * (part + 1) / parts);
                        if (to > from) {
                            ops.add(to - from, in, io + from, skip, so + from, out, oo + from, l.activation());
                        }
                    };
                }
            }
            for (int i = 0; chains != null && i < chains.length; i++) {
                BlockChain c = chains[i];
                if (c != null) {
                    // One barrier per block: each thread runs its share of the projection units band by band, where
                    // layers run whole cost three barriers and the expanded tensor's trip out of L2 and back. A thread
                    // done early takes over the chunks another has not reached (BLOCK_STEAL_CHUNKS).
                    int[][][] own = chunkSteps[i], fresh = freshSteps[i];
                    int[] counts = new int[threads];
                    for (int q = 0; q < threads; q++) {
                        counts[q] = own[q].length;
                    }
                    ChunkJob[] perThread = new ChunkJob[threads]; // made once here: running a block allocates nothing
                    for (int t = 0; t < threads; t++) {
                        float[] ew = expandWindows[t], dw = depthwiseWindows[t];
                        int[] state = windowState[t];
                        int thread = t;
                        long[] taken = takenOver[t];
                        perThread[t] = (q, ch, carry) -> {
                            if (!carry && ch > 0) {
                                taken[0]++;
                            }
                            runChain(c, carry || ch == 0 ? own[q][ch] : fresh[q][ch], ew, dw, timing == null ? null : timing[thread], state, carry);
                        };
                    }
                    jobs[i] = (part, parts) -> runChunks(perThread[part], counts, part, parts, cursors);
                }
            }
        }

        /** Set while a timed run (layerNanos) runs a block on several threads: each thread records its per-layer split here. */
        long[][] timing;

        float[] input(int layer) {
            return layer < 0 ? first : bufferOf[layer];
        }

        float[] output() {
            return bufferOf[layers.length - 1];
        }

        /** Where the tensor in array {@code a} (one of this plan's) starts. */
        int offOf(float[] a) {
            for (int i = 0; i < arrays.length; i++) {
                if (arrays[i] == a) {
                    return arrayOffsets[i];
                }
            }
            throw new IllegalStateException("not an array of this plan");
        }

        java.util.Collection<float[]> distinctBuffers() {
            java.util.Set<float[]> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            set.add(first);
            for (float[] b : bufferOf) {
                if (b != null) {
                    set.add(b);
                }
            }
            set.addAll(java.util.Arrays.asList(expandWindows));
            set.addAll(java.util.Arrays.asList(depthwiseWindows));
            return set;
        }

        /** The ADD right after convolution {@code l} that can run in l's epilogue, or null. */
        private LayerDef fusableAdd(LayerDef l, PreparedConv p) {
            if (p == null || !p.fusesResidual() || l.activation() != dev.mobilevec.kernels.Activation.NONE || l.index() + 1 >= layers.length) {
                return null;
            }
            LayerDef a = layers[l.index() + 1];
            boolean reads = a.type() == LayerType.ADD && (a.input() == l.index()) != (a.input2() == l.index());
            if (!reads || bufferOf[a.index()] != bufferOf[l.index()]) {
                return null; // not in place on l's buffer: another layer still reads l's output
            }
            float[] skip = input(a.input() == l.index() ? a.input2() : a.input());
            return skip == bufferOf[l.index()] ? null : a;
        }

        /** See {@link #directLayer}: the layer, or -1 when none may read the caller's array. */
        private int directInputLayer(BlockChain[] chains, boolean fuse) {
            int reader = -1;
            for (LayerDef l : layers) {
                if (l.input() < 0) {
                    if (reader >= 0) {
                        return -1; // read twice (a skip from the input): keep the one copy both read
                    }
                    reader = l.index();
                }
            }
            if (reader < 0 || model.conv(reader) == null) {
                return -1;
            }
            for (int i = 0; chains != null && i < chains.length; i++) {
                BlockChain c = chains[i];
                if (c != null && reader > c.first() && reader <= c.last()) {
                    return -1; // inside a block, past its first layer: cannot be (a block reads one tensor)
                }
            }
            // The jobs below fuse an add into the same convolutions (the input would be the add's skip, read later).
            boolean added = fuse && bufferOf[reader] != null && fusableAdd(layers[reader], model.conv(reader)) != null;
            return added ? -1 : reader;
        }

        boolean readsInPlace(Layout layout) {
            return directLayer >= 0 && layout == Layout.NHWC;
        }

        /** Drops the reference to the caller's input once the call is done with it. */
        void releaseInput() {
            inArray = first;
            inArrayOff = offOf(first);
        }

        /** The caller's input while {@link #loadJob} copies it (published to the workers by the pool's volatile handoff). */
        private float[] loadSrc;
        private int loadSrcOff, loadPixels;
        private Layout loadLayout;
        private final WorkerPool.Job loadJob = this::loadShare;

        /**
         * Copies {@code images} images, starting at image {@code from} of the caller's input, into {@link #first} as NHWC,
         * split over the pool's threads when there is one and the batch has at least {@link #PARALLEL_LOAD_PIXELS} pixels.
         */
        void loadInput(float[] input, int inOff, Layout layout, int from, int images, WorkerPool pool) {
            int hw = model.arch().height() * model.arch().width(), per = hw * model.arch().inputChannels();
            int src = inOff + from * per, pixels = images * hw;
            if (readsInPlace(layout)) {
                inArray = input;
                inArrayOff = src;
                return;
            }
            releaseInput();
            if (pool == null || pool.parts() == 1 || pixels < PARALLEL_LOAD_PIXELS) {
                copyInput(input, src, layout, 0, pixels);
                return;
            }
            loadSrc = input;
            loadSrcOff = src;
            loadLayout = layout;
            loadPixels = pixels;
            pool.execute(loadJob);
            loadSrc = null;
        }

        /** Part {@code part} of the pixels: contiguous ranges, cut at multiples of 16 pixels (whole cache lines for 3 channels and up). */
        private void loadShare(int part, int parts) {
            int total = loadPixels;
            int p0 = (int) ((long) total * part / parts) & ~15;
            int p1 = part == parts - 1 ? total : (int) ((long) total * (part + 1) / parts) & ~15;
            copyInput(loadSrc, loadSrcOff, loadLayout, p0, p1);
        }

        /** Pixels [p0, p1) of the batch, counted across its images, from the input at {@code src} into {@link #first}. */
        private void copyInput(float[] input, int src, Layout layout, int p0, int p1) {
            int hw = model.arch().height() * model.arch().width(), ch = model.arch().inputChannels(), per = hw * ch;
            int off = offOf(first);
            if (layout == Layout.NHWC) {
                System.arraycopy(input, src + p0 * ch, first, off + p0 * ch, (p1 - p0) * ch);
                return;
            }
            while (p0 < p1) {
                int n = p0 / hw, q0 = p0 - n * hw, q1 = Math.min(hw, q0 + (p1 - p0));
                nchwToNhwc(input, src + n * per, first, off + n * per, hw, ch, q0, q1);
                p0 += q1 - q0;
            }
        }

        /** Runs layer l over this plan's batch: split over the pool's threads, or on this thread alone when pool is null. */
        void runLayer(LayerDef l, WorkerPool pool) {
            float[] in = input(l.input()), out = bufferOf[l.index()];
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE, FC -> {
                    if (pool != null && pool.parts() > 1) {
                        resetShares(cursors, unitsOf[l.index()], pool.parts()); // published by execute's volatile write
                    }
                    execute(jobs[l.index()], pool);
                }
                case ADD -> {
                    if (!fusedAway[l.index()]) {
                        execute(jobs[l.index()], pool);
                    }
                }
                case AVGPOOL -> model.ops().globalAveragePool(batch, l.inH(), l.inW(), l.inC(), in, offOf(in), out, offOf(out));
                case SOFTMAX -> model.ops().softmax(batch, l.outC(), in, offOf(in), out, offOf(out));
                // Squeeze-excitation scaling is a small share of the work: the caller's thread does it (split over
                // two threads, V3-large's eight scalings took 201 us instead of 92: a barrier costs more than the work).
                case SCALE -> {
                    float[] g = input(l.input2());
                    model.ops().scaleChannels(batch, l.inH() * l.inW(), l.inC(), in, offOf(in), g, offOf(g), out, offOf(out));
                }
            }
        }

        /**
         * A fused block on the calling thread, band by band of the depthwise output rows ({@link BlockChain#steps}):
         * the expansion units the band's windows need (halo rows stay in the window from the band before, nothing is
         * computed twice), the band's depthwise rows, then every projection unit the band completed. The expanded and
         * depthwise tensors only ever exist as these windows: each slides forward, keeping the pixels still needed,
         * and the kernels address them as whole tensors through a negative offset ({@link PreparedConv#runWindow}).
         * Every unit of every layer runs once, with the same kernels, so the bits are those of the layers run whole.
         */
        void runChain(BlockChain c, long[] layerNanos) {
            runChain(c, steps[c.first()], expandWindows[0], depthwiseWindows[0], layerNanos, windowState[0], false);
        }

        /**
         * The bands {@code st} of block c (all of it, one part's share or a chunk of one) through the windows ew and dw.
         * With {@code carry} the windows go on from where {@code state} says the bands before st left them (the same
         * thread's previous chunk of the share); otherwise st starts them. Leaves in state where they end.
         */
        void runChain(BlockChain c, int[] st, float[] ew, float[] dw, long[] layerNanos, int[] state, boolean carry) {
            int first = c.first();
            if (st.length == 0) {
                return;
            }
            PreparedConv pe = c.expand() < 0 ? null : model.conv(c.expand()), pd = model.conv(c.depthwise());
            PreparedConv pp = c.windowsDepthwise() ? model.conv(c.project()) : null;
            int ce = layers[c.depthwise()].inC(), cd = layers[c.depthwise()].outC(), ppu = c.projectPixelsPerUnit();
            // A block that starts the network (v1's first convolution is its first block's expansion) reads the input
            // from wherever loadInput left it.
            boolean fromInput = layers[first].input() < 0;
            float[] x = fromInput ? inArray : input(layers[first].input()), out = bufferOf[c.last()];
            LayerDef add = pp == null ? null : fusedAdd[c.project()];
            float[] skip = add == null ? null : input(add.input() == c.project() ? add.input2() : add.input());
            int xo = fromInput ? inArrayOff : offOf(x), eo = offOf(ew), dwo = offOf(dw), oo = offOf(out), so = skip == null ? 0 : offOf(skip);
            long eTotal = (long) batch * c.inH() * c.inW();
            // A part starts mid-tensor: its windows start at its first expansion unit and first depthwise row.
            int eBase = st[BlockChain.E_FROM] * c.expandPixelsPerUnit(), eEnd = eBase, dBase = st[BlockChain.D_FROM] * c.outW(), dEnd = dBase;
            if (carry) {
                eBase = state[0];
                eEnd = state[1];
                dBase = state[2];
                dEnd = state[3];
            }
            for (int k = 0; k < st.length; k += BlockChain.STEP) {
                long t0 = layerNanos != null ? System.nanoTime() : 0, t1 = t0;
                if (pe != null) {
                    int keep = Math.max(eBase, Math.min(st[k + BlockChain.E_KEEP], eEnd));
                    if (keep > eBase) {
                        System.arraycopy(ew, eo + (keep - eBase) * ce, ew, eo, (eEnd - keep) * ce);
                        eBase = keep;
                    }
                    if (st[k + BlockChain.E_TO] > st[k + BlockChain.E_FROM]) {
                        pe.runWindow(batch, x, xo, ew, eo - eBase * ce, st[k + BlockChain.E_FROM], st[k + BlockChain.E_TO]);
                        eEnd = (int) Math.min(eTotal, (long) st[k + BlockChain.E_TO] * c.expandPixelsPerUnit());
                    }
                    if (layerNanos != null) {
                        t1 = System.nanoTime();
                        layerNanos[c.expand()] += t1 - t0;
                    }
                }
                if (pp == null) {
                    // No projection (squeeze-excitation): the depthwise rows go straight to the whole output in the arena.
                    if (pe != null) {
                        pd.runWindow(batch, ew, eo - eBase * ce, out, oo, st[k + BlockChain.D_FROM], st[k + BlockChain.D_TO]);
                    } else {
                        pd.runWindow(batch, x, xo, out, oo, st[k + BlockChain.D_FROM], st[k + BlockChain.D_TO]);
                    }
                    if (layerNanos != null) {
                        layerNanos[c.depthwise()] += System.nanoTime() - t1;
                    }
                    continue;
                }
                int keep = Math.max(dBase, Math.min(st[k + BlockChain.P_FROM] * ppu, dEnd));
                if (keep > dBase) {
                    System.arraycopy(dw, dwo + (keep - dBase) * cd, dw, dwo, (dEnd - keep) * cd);
                    dBase = keep;
                }
                if (pe != null) {
                    pd.runWindow(batch, ew, eo - eBase * ce, dw, dwo - dBase * cd, st[k + BlockChain.D_FROM], st[k + BlockChain.D_TO]);
                } else {
                    pd.runWindow(batch, x, xo, dw, dwo - dBase * cd, st[k + BlockChain.D_FROM], st[k + BlockChain.D_TO]);
                }
                dEnd = st[k + BlockChain.D_TO] * c.outW();
                long t2 = layerNanos != null ? System.nanoTime() : 0;
                int pFrom = st[k + BlockChain.P_FROM], pTo = st[k + BlockChain.P_TO];
                if (pTo > pFrom) {
                    if (add != null) {
                        pp.runResidualWindow(batch, dw, dwo - dBase * cd, out, oo, pFrom, pTo, skip, so, add.activation());
                    } else {
                        pp.runWindow(batch, dw, dwo - dBase * cd, out, oo, pFrom, pTo);
                    }
                }
                if (layerNanos != null) {
                    layerNanos[c.depthwise()] += t2 - t1;
                    layerNanos[c.project()] += System.nanoTime() - t2;
                }
            }
            state[0] = eBase;
            state[1] = eEnd;
            state[2] = dBase;
            state[3] = dEnd;
        }

        private static void execute(WorkerPool.Job job, WorkerPool pool) {
            if (pool == null) {
                job.run(0, 1);
            } else {
                pool.execute(job);
            }
        }
    }

    /**
     * Buffer index per layer (buffer 0 first holds the input); returns how many buffers are needed.
     * A layer never writes a buffer it reads, except elementwise layers over an input that dies there.
     */
    static int assignBuffers(LayerDef[] layers, int[] assignment) {
        return assignBuffers(layers, assignment, new BlockChain[layers.length]);
    }

    /**
     * As above, with the fused blocks in {@code chains}: the expanded and depthwise tensors live in band windows
     * (assignment -1), and a block's input lives until its projection, which writes band by band while later bands
     * still read the input.
     */
    static int assignBuffers(LayerDef[] layers, int[] assignment, BlockChain[] chains) {
        int n = layers.length;
        int[] lastUse = new int[n + 1]; // index t+1 for tensor t (tensor -1 = the input)
        java.util.Arrays.fill(lastUse, -1);
        for (LayerDef l : layers) {
            lastUse[l.input() + 1] = l.index();
            if (l.input2() >= 0) {
                lastUse[l.input2() + 1] = l.index();
            }
        }
        boolean[] windowed = new boolean[n];
        for (BlockChain c : chains) {
            if (c != null) {
                int x = layers[c.first()].input() + 1;
                lastUse[x] = Math.max(lastUse[x], c.last()); // the block's input is read until its last band
                windowed[c.depthwise()] = c.windowsDepthwise();
                if (c.expand() >= 0) {
                    windowed[c.expand()] = true;
                }
            }
        }
        lastUse[n] = n; // the output lives to the end
        java.util.List<Integer> holder = new java.util.ArrayList<>(); // tensor held by each buffer, or MIN_VALUE
        holder.add(-1);
        for (LayerDef l : layers) {
            int i = l.index(), chosen = -1;
            if (windowed[i]) {
                assignment[i] = -1; // in a band window, not the arena
                continue;
            }
            boolean elementwise = l.type() == LayerType.SOFTMAX || l.type() == LayerType.ADD || l.type() == LayerType.SCALE;
            if (elementwise && lastUse[l.input() + 1] == i) {
                chosen = l.input() < 0 ? 0 : assignment[l.input()];
            } else if (l.type() == LayerType.ADD && lastUse[l.input2() + 1] == i) {
                chosen = l.input2() < 0 ? 0 : assignment[l.input2()]; // add is commutative: in place on either operand
            }
            for (int b = 0; chosen < 0 && b < holder.size(); b++) {
                int t = holder.get(b);
                if (t == Integer.MIN_VALUE || lastUse[t + 1] < i) {
                    chosen = b;
                }
            }
            if (chosen < 0) {
                chosen = holder.size();
                holder.add(Integer.MIN_VALUE);
            }
            holder.set(chosen, i);
            assignment[i] = chosen;
        }
        return holder.size();
    }

    public Model model() {
        return model;
    }

    public int batch() {
        return batch;
    }

    public int threads() {
        return pool.parts();
    }

    /** How this session spreads a batch over its threads (AUTO resolved for its batch and threads). */
    public Schedule schedule() {
        return schedule;
    }

    /** Floats in one input batch. */
    public int inputLength() {
        return batch * model.arch().inputLength();
    }

    /** Floats in one output batch: batch x the network's output per image (classes). */
    public int outputLength() {
        return batch * model.outputLength();
    }

    /**
     * Whether a run with input in {@code layout} has the first convolution read the caller's array where it lies (no
     * copy into the arena before the first layer): for NHWC, when one convolution alone reads the input (every built-in
     * and imported MobileNet). NCHW input is copied into NHWC first: a first convolution reading the planes directly, bit
     * for bit the same, ran 1.24-1.27x the NHWC layer and saved nothing in the network (bench/results/avx2/t47).
     */
    public boolean readsInputInPlace(Layout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        for (Plan p : arenaPlans(true)) {
            if (p != tailPlan && !p.readsInPlace(layout)) {
                return false;
            }
        }
        return true;
    }

    long[] workerThreadIds() {
        return pool.threadIds();
    }

    /**
     * Bytes of activation buffers this session holds: every plan's arena (one per thread when image-parallel, plus a
     * plain one for left-over images when those are banded) and band windows.
     */
    public long activationBytes() {
        long b = 0;
        for (Plan p : arenaPlans(true)) {
            for (float[] buf : p.distinctBuffers()) {
                b += 4L * buf.length;
            }
        }
        return b;
    }

    /** The plans: the main ones, the left-over images' plain one if separate and {@code spareToo}, the batched tail's. */
    private java.util.List<Plan> arenaPlans(boolean spareToo) {
        java.util.List<Plan> all = new java.util.ArrayList<>(java.util.Arrays.asList(plans));
        if (spareToo && spare != plans[0]) {
            all.add(spare);
        }
        if (tailPlan != null) {
            all.add(tailPlan);
        }
        return all;
    }

    /**
     * Whether every arena buffer's tensors start 64-byte aligned: the buffers start at the offset that aligns large
     * arrays and each is such an array ({@link HeapAlignment#alignsArrayOf}: always under 64-byte object alignment,
     * under G1 when a buffer is more than half a heap region). Band windows, smaller, are left out.
     */
    public boolean buffersAligned() {
        if (arenaOffset != HeapAlignment.LARGE_ARRAY_OFFSET || arenaOffset == 0) {
            return false;
        }
        for (Plan p : arenaPlans(false)) {
            if (!HeapAlignment.alignsArrayOf(p.first.length)) {
                return false;
            }
            for (float[] b : p.bufferOf) {
                if (b != null && !HeapAlignment.alignsArrayOf(b.length)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a run is in progress (tests of the concurrent-use refusal wait for it instead of sleeping). */
    boolean running() {
        return busy.get();
    }

    public void run(float[] input, float[] output) {
        run(input, 0, Layout.NHWC, output, 0, null);
    }

    /**
     * Runs one batch. {@code input} holds batch x H x W x C floats in the given layout at
     * {@code inOff}; {@code output} receives batch x the final layer's output at {@code outOff}
     * (softmax probabilities for the native networks; whatever an imported graph declares).
     * If {@code layerNanos} is not null, it receives the wall time of each layer of the table (summed
     * over the images, which then run one at a time when the schedule is IMAGE_PARALLEL: band by band on the
     * calling thread when blocks are fused, as each thread runs them; else layer-parallel; the batched tail's
     * layers once over the whole batch, as always).
     */
    public void run(float[] input, int inOff, Layout layout, float[] output, int outOff, long[] layerNanos) {
        run(input, inOff, layout, output, outOff, layerNanos, null, null);
    }

    /**
     * Runs one batch as {@link #run(float[], int, Layout, float[], int, long[])} does, and also copies the output
     * of each layer {@code tapLayers[i]} (for example {@link Model#featureLayer()}, the pooled features, or
     * {@link Model#logitsLayer()}) into {@code taps[i]}: batch x that layer's output per image, from index 0. The
     * copy is taken right after the layer runs, before its buffer is reused; it allocates nothing.
     */
    public void run(float[] input, int inOff, Layout layout, float[] output, int outOff, long[] layerNanos, int[] tapLayers, float[][] taps) {
        if ((tapLayers == null) != (taps == null) || (taps != null && taps.length != tapLayers.length)) {
            throw new IllegalArgumentException("tapLayers and taps must both be null or have the same length, got "
                    + (tapLayers == null ? "null" : tapLayers.length) + " and " + (taps == null ? "null" : taps.length));
        }
        for (int i = 0; taps != null && i < taps.length; i++) {
            int t = tapLayers[i];
            if (t < 0 || t >= layers.length) {
                throw new IllegalArgumentException("tap layer " + t + " is not a layer of this model (0.." + (layers.length - 1) + ")");
            }
            if (chainInternal(t)) {
                throw new IllegalArgumentException("layer " + t + " (" + layers[t].name() + ") runs inside a fused block, band by band,"
                        + " and is never whole in memory; tap it from a session without fusion");
            }
            long need = (long) batch * layers[t].outputLength();
            if (taps[i] == null || taps[i].length < need) {
                throw new IllegalArgumentException("tap " + i + " (layer " + t + " " + layers[t].name() + ") needs " + need
                        + " floats (batch " + batch + " x " + layers[t].outputLength() + "), got " + (taps[i] == null ? "null" : taps[i].length));
            }
        }
        if (input == null || inOff < 0 || (long) inOff + inputLength() > input.length) {
            throw Checks.regionError("input (batch " + batch + " x " + model.arch().height() + "x" + model.arch().width()
                    + "x" + model.arch().inputChannels() + ")",
                    input, inOff, inputLength());
        }
        if (output == null || outOff < 0 || (long) outOff + outputLength() > output.length) {
            throw Checks.regionError("output (batch " + batch + " x " + model.outputLength() + ")", output, outOff, outputLength());
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        if (layerNanos != null && layerNanos.length < layers.length) {
            throw new IllegalArgumentException("layerNanos needs " + layers.length + " entries, got " + layerNanos.length);
        }
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("this session is already running on another thread; use one session per thread");
        }
        try {
            curTapLayers = tapLayers;
            curTaps = taps;
            if (layerNanos != null) {
                java.util.Arrays.fill(layerNanos, 0, layers.length, 0L);
            }
            if (schedule == Schedule.LAYER_PARALLEL) {
                runLayerParallel(plans[0], input, inOff, layout, 0, batch, output, outOff, layerNanos);
                return;
            }
            int parts = pool.parts();
            int whole = layerNanos != null ? 0 : batch / parts * parts;
            curInput = input;
            curInOff = inOff;
            curLayout = layout;
            curOutput = output;
            curOutOff = outOff;
            curImages = whole;
            if (whole > 0) {
                nextImage.set(0);
                pool.execute(imageJob);
            }
            for (int n = whole; n < batch; n++) { // the remainder (or every image, when timing layers)
                if (spare.chains != null) {
                    runImageAlone(spare, n, layerNanos); // banded and no plain plan: the images one by one, as the threads run them
                } else {
                    runLayerParallel(spare, input, inOff, layout, n, 1, output, outOff, layerNanos, tail);
                }
            }
            if (tailPlan != null) {
                runLayers(tailPlan, tail, layers.length, 0, batch, layerNanos);
                finish(tailPlan, 0, batch, layers.length, output, outOff);
            }
        } finally {
            curInput = curOutput = null;
            curTaps = null;
            curTapLayers = null;
            busy.set(false);
        }
    }

    /** Images [from, from + images) of the call through every layer of {@code plan}, each layer split over all threads. */
    private void runLayerParallel(Plan plan, float[] input, int inOff, Layout layout, int from, int images,
            float[] output, int outOff, long[] layerNanos) {
        runLayerParallel(plan, input, inOff, layout, from, images, output, outOff, layerNanos, layers.length);
    }

    /** As above for layers [0, end): with end below the table's length, layer end - 1's output goes to the batched tail. */
    private void runLayerParallel(Plan plan, float[] input, int inOff, Layout layout, int from, int images,
            float[] output, int outOff, long[] layerNanos, int end) {
        plan.loadInput(input, inOff, layout, from, images, pool);
        runLayers(plan, 0, end, from, images, layerNanos);
        finish(plan, from, images, end, output, outOff);
    }

    /** Layers [start, end) of a plan whose batch is {@code images} (images [from, from + images) of the call), each split over all threads. */
    private void runLayers(Plan plan, int start, int end, int from, int images, long[] layerNanos) {
        for (int i = start; i < end; i++) {
            LayerDef l = layers[i];
            BlockChain c = plan.chains != null ? plan.chains[i] : null;
            if (c != null && plan.batch != images) {
                throw new IllegalStateException("a banded plan runs whole");
            }
            if (c != null) {
                if (pool.parts() == 1) {
                    plan.runChain(c, layerNanos);
                } else if (layerNanos == null) {
                    resetChunks(plan.cursors, pool.parts()); // published by execute's volatile write
                    pool.execute(plan.jobs[i]);
                } else {
                    resetChunks(plan.cursors, pool.parts());
                    // Every thread records its split of the block; the block's wall time is shared out by their sum.
                    for (long[] t : plan.partNanos) {
                        java.util.Arrays.fill(t, 0L);
                    }
                    plan.timing = plan.partNanos;
                    long t0 = System.nanoTime();
                    pool.execute(plan.jobs[i]);
                    long wall = System.nanoTime() - t0;
                    plan.timing = null;
                    long own = 0;
                    for (long[] t : plan.partNanos) {
                        for (int layer = c.first(); layer <= c.last(); layer++) { // a block's layers are adjacent
                            own += t[layer];
                        }
                    }
                    for (int layer = c.first(); layer <= c.last(); layer++) {
                        long split = 0;
                        for (long[] t : plan.partNanos) {
                            split += t[layer];
                        }
                        layerNanos[layer] += own > 0 ? wall * split / own : layer == c.last() ? wall : 0;
                    }
                }
                for (; i < c.last(); i++) {
                    copyTaps(plan, layers[i], from, images);
                }
                copyTaps(plan, layers[i], from, images);
                continue;
            }
            long t0 = layerNanos != null ? System.nanoTime() : 0;
            plan.runLayer(l, pool);
            if (layerNanos != null) {
                layerNanos[l.index()] += System.nanoTime() - t0;
            }
            copyTaps(plan, l, from, images);
        }
    }

    /**
     * After layers [0, end) of images [from, from + images) on {@code plan}: the network's output to the caller when
     * they were all the layers, else layer end - 1's output into the batched tail's arena at those images.
     */
    private void finish(Plan plan, int from, int images, int end, float[] output, int outOff) {
        plan.releaseInput();
        if (end == layers.length) {
            int per = model.outputLength();
            System.arraycopy(plan.output(), plan.offOf(plan.output()), output, outOff + from * per, images * per);
            return;
        }
        float[] src = plan.bufferOf[end - 1], dst = tailPlan.bufferOf[end - 1];
        int per = layers[end - 1].outputLength();
        System.arraycopy(src, plan.offOf(src), dst, tailPlan.offOf(dst) + from * per, images * per);
    }

    /** Image n of the current call through every layer of a batch-1 plan, on the calling thread only. */
    private void runImageAlone(Plan plan, int n) {
        runImageAlone(plan, n, null);
    }

    private void runImageAlone(Plan plan, int n, long[] layerNanos) {
        plan.loadInput(curInput, curInOff, curLayout, n, 1, null);
        for (int i = 0; i < tail; i++) {
            BlockChain c = plan.chains != null ? plan.chains[i] : null;
            if (c != null) {
                plan.runChain(c, layerNanos);
                for (; i < c.last(); i++) {
                    copyTaps(plan, layers[i], n, 1);
                }
            } else {
                long t0 = layerNanos != null ? System.nanoTime() : 0;
                plan.runLayer(layers[i], null);
                if (layerNanos != null) {
                    layerNanos[i] += System.nanoTime() - t0;
                }
            }
            copyTaps(plan, layers[i], n, 1);
        }
        finish(plan, n, 1, tail, curOutput, curOutOff);
    }

    private boolean chainInternal(int layer) {
        for (BlockChain c : chains) {
            if (c != null && ((c.depthwise() == layer && c.windowsDepthwise()) || c.expand() == layer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Floats per arena buffer: batch x the largest tensor with a buffer (or the input), plus the offset, plus
     * {@link #SLACK}.
     */
    private int bufferFloats(int planBatch, int offset, int[] assignment) {
        return bufferFloats(planBatch, offset, assignment, -1);
    }

    /** As above for a plan that only holds the tensors of layers {@code from} on ({@code -1}: all, and the input). */
    private int bufferFloats(int planBatch, int offset, int[] assignment, int from) {
        int max = largestTensor(assignment, from);
        int size = Checks.product("activation buffer (batch x largest layer)", planBatch, max);
        if (size > Integer.MAX_VALUE - offset - SLACK) {
            throw new IllegalArgumentException("activation buffer (batch x largest layer) exceeds the int range of Java arrays: "
                    + size + " + " + (offset + SLACK) + " floats");
        }
        return size + offset + SLACK;
    }

    /** Floats of the largest tensor of layers {@code from} on that lives in the arena ({@code -1}: all, and the input). */
    private int largestTensor(int[] assignment, int from) {
        int max = from < 0 ? model.arch().inputLength() : 0;
        for (LayerDef l : layers) {
            if (l.index() >= from && assignment[l.index()] >= 0) {
                max = Math.max(max, l.outputLength());
            }
        }
        return max;
    }

    /** Session constructor argument: choose the batched tail with {@link #tailStart}. */
    static final int AUTO_TAIL = -1;
    /** Session constructor argument: no batched tail (every image through every layer on its own). */
    static final int NO_TAIL = Integer.MAX_VALUE;

    /**
     * Whether an image-parallel run may hand over to a batch plan at layer {@code t}: layer t - 1's output is in the
     * arena (not inside a fused block, which no cut may split) and is the only earlier tensor any later layer reads.
     */
    static boolean validCut(LayerDef[] layers, BlockChain[] chains, int t) {
        if (t < 1 || t >= layers.length) {
            return false;
        }
        for (int j = t; j < layers.length; j++) {
            if (layers[j].input() < t - 1 || (layers[j].input2() >= 0 && layers[j].input2() < t - 1)) {
                return false;
            }
        }
        for (BlockChain c : chains) {
            if (c != null && c.first() < t && t <= c.last()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where an image-parallel batch hands over to one layer-parallel run over the whole batch (layers.length: never).
     * Run image by image, every image reads every layer's weights again: from L3 once they outgrow L2, as the deep
     * layers' do (v1's last 1x1 4 MB, its classifier 4 MB). Run over the batch, the weights are read once but the
     * batch's tensors leave the threads' L2. Bytes saved per layer, modelled: (B - 1) x weights, less, when B x
     * (input + output) exceeds the threads' L2, B x (input + 2 x output) (the output is also read for ownership).
     * The tail is the suffix, starting at a valid cut, that saves the most; none if no suffix saves anything. For
     * v1 at batch 8 on 2 threads with 512 KB L2 it starts at the last two 1x1 layers' block (7x7), for v2 at its 7x7 blocks.
     */
    static int tailStart(LayerDef[] layers, BlockChain[] chains, int batch, int threads, long l2Bytes) {
        long cache = l2Bytes * threads, sum = 0, best = 0;
        int start = layers.length;
        for (int t = layers.length - 1; t >= 1; t--) {
            LayerDef l = layers[t];
            long in = 4L * l.inH() * l.inW() * l.inC(), out = 4L * l.outputLength();
            sum += (batch - 1) * 4 * l.params() - (batch * (in + out) > cache ? batch * (in + 2 * out) : 0);
            if (sum > best && validCut(layers, chains, t)) {
                best = sum;
                start = t;
            }
        }
        return start;
    }

    /** The first layer this session runs over the whole batch at once after the images went through the others one by one; -1 when none. */
    public int batchedTail() {
        return tail < layers.length ? tail : -1;
    }

    /** Whether the arena may grow its arrays into G1-aligned ones: when the grown buffers take at most a sixteenth of the heap. */
    static boolean growArena(long grownBufferBytes, long heapBytes) {
        return grownBufferBytes <= heapBytes / 16;
    }

    /** Units [from, to) of one convolution on a plan's buffers. */
    @FunctionalInterface
    interface RangeJob {
        void run(int from, int to);
    }

    /** The blocks this session runs band by band, one line each (empty when none): what bench prints as the plan. */
    public java.util.List<String> fusedBlocks() {
        java.util.List<String> r = new java.util.ArrayList<>();
        for (BlockChain c : chains) {
            if (c != null) {
                r.add(c.describe(layers));
            }
        }
        return r;
    }

    /**
     * Fused-block chunks run so far from their own first rows: taken over by a thread done with its share early, or
     * resumed by their own thread after one before them was (see {@link #BLOCK_STEAL_CHUNKS}). Read between runs.
     */
    long chunksTakenOver() {
        long n = 0;
        for (Plan p : plans) {
            for (long[] t : p == null ? new long[0][] : p.takenOver) {
                n += t[0];
            }
        }
        return n;
    }

    /** Copies layer l's output for images [from, from + images) into every tap that asks for it. */
    private void copyTaps(Plan plan, LayerDef l, int from, int images) {
        int[] tl = curTapLayers;
        for (int i = 0; tl != null && i < tl.length; i++) {
            if (tl[i] == l.index() && plan.bufferOf[l.index()] != null) {
                int per = l.outputLength();
                System.arraycopy(plan.bufferOf[l.index()], plan.offOf(plan.bufferOf[l.index()]), curTaps[i], from * per, images * per);
            }
        }
    }

    /** Stops the worker threads; the session cannot run afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
