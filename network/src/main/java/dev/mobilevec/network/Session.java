package dev.mobilevec.network;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.kernels.PreparedConv;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link Model} on batches of a fixed size. Owns the activation arena (two ping-pong buffers
 * sized from the layer table) and the worker threads, so inference allocates nothing after
 * construction. Each convolution's independent work units are cut into one contiguous piece per
 * thread; no unit ever splits a reduction, so outputs are bitwise identical for any thread count.
 *
 * <p>A session is not for concurrent use: a second thread entering {@link #run} while it runs gets
 * an IllegalStateException. Close it to stop its threads.
 */
public final class Session implements AutoCloseable {
    private final Model model;
    private final int batch;
    private final LayerDef[] layers; // an array: iterating a List allocated an iterator per inference
    private final float[][] bufferOf; // per layer: the buffer it writes
    private final float[][] inputOf;  // per layer: the buffer it reads
    private final float[] first;
    private final WorkerPool pool;
    private final WorkerPool.Job[] jobs;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** More threads than this is a mistake, not a configuration. */
    static final int MAX_THREADS = 1024;

    Session(Model model, int batch, int threads) {
        this.model = model;
        this.batch = Checks.positive("batch", batch);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        this.layers = model.layers().toArray(new LayerDef[0]);
        int max = model.arch().inputLength();
        for (LayerDef l : layers) {
            max = Math.max(max, l.outputLength());
        }
        int size = Checks.product("activation buffer (batch x largest layer)", batch, max);
        long bytes = 2L * 4 * size;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException("a session for batch " + batch + " of " + model.arch() + " needs "
                    + (bytes >> 20) + " MB of activation buffers (2 x batch x largest layer x 4 bytes); the heap is "
                    + (heap >> 20) + " MB (-Xmx): use a smaller batch or a larger heap");
        }
        float[] a, b;
        try {
            a = new float[size];
            b = new float[size];
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("could not allocate " + (bytes >> 20) + " MB of activation buffers for batch "
                    + batch + "; the heap is " + (heap >> 20) + " MB", e);
        }
        first = a;
        bufferOf = new float[layers.length][];
        inputOf = new float[layers.length][];
        float[] cur = a;
        for (LayerDef l : layers) {
            inputOf[l.index()] = cur;
            // Softmax works in place; every other layer writes the other buffer.
            float[] next = l.type() == LayerType.SOFTMAX ? cur : (cur == a ? b : a);
            bufferOf[l.index()] = next;
            cur = next;
        }
        jobs = new WorkerPool.Job[layers.length];
        for (LayerDef l : layers) {
            PreparedConv p = model.conv(l.index());
            if (p != null) {
                float[] in = inputOf[l.index()], out = bufferOf[l.index()];
                int units = p.workUnits(batch);
                // One contiguous piece per thread: consecutive layers then find most of their input in
                // the same core's cache (a shared work counter measured 10.4 ms vs 7.7 ms at 2 threads).
                jobs[l.index()] = (part, parts) -> p.run(batch, in, 0, out, 0,
                        (int) ((long) units * part / parts), (int) ((long) units * (part + 1) / parts));
            }
        }
        pool = new WorkerPool(threads, "mobilevec");
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

    /** Floats in one input batch. */
    public int inputLength() {
        return batch * model.arch().inputLength();
    }

    /** Floats in one output batch: batch x classes probabilities. */
    public int outputLength() {
        return batch * model.classes();
    }

    long[] workerThreadIds() {
        return pool.threadIds();
    }

    public void run(float[] input, float[] output) {
        run(input, 0, Layout.NHWC, output, 0, null);
    }

    /**
     * Runs one batch. {@code input} holds batch x H x W x 3 floats in the given layout at
     * {@code inOff}; {@code output} receives batch x classes softmax probabilities at {@code outOff}.
     * If {@code layerNanos} is not null, it receives the wall time of each layer of the table.
     */
    public void run(float[] input, int inOff, Layout layout, float[] output, int outOff, long[] layerNanos) {
        if (input == null || inOff < 0 || (long) inOff + inputLength() > input.length) {
            throw Checks.regionError("input (batch " + batch + " x " + model.arch().height() + "x" + model.arch().width() + "x3)",
                    input, inOff, inputLength());
        }
        if (output == null || outOff < 0 || (long) outOff + outputLength() > output.length) {
            throw Checks.regionError("output (batch " + batch + " x " + model.classes() + " classes)", output, outOff, outputLength());
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
            loadInput(input, inOff, layout);
            for (LayerDef l : layers) {
                long t0 = layerNanos != null ? System.nanoTime() : 0;
                runLayer(l);
                if (layerNanos != null) {
                    layerNanos[l.index()] = System.nanoTime() - t0;
                }
            }
            System.arraycopy(bufferOf[layers.length - 1], 0, output, outOff, outputLength());
        } finally {
            busy.set(false);
        }
    }

    private void loadInput(float[] input, int inOff, Layout layout) {
        int len = inputLength();
        if (layout == Layout.NHWC) {
            System.arraycopy(input, inOff, first, 0, len);
            return;
        }
        int hw = model.arch().height() * model.arch().width();
        for (int n = 0; n < batch; n++) {
            int img = n * hw * 3;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < hw; p++) {
                    first[img + p * 3 + c] = input[inOff + img + c * hw + p];
                }
            }
        }
    }

    private void runLayer(LayerDef l) {
        float[] in = inputOf[l.index()], out = bufferOf[l.index()];
        switch (l.type()) {
            case CONV3X3, DEPTHWISE, POINTWISE, FC -> pool.execute(jobs[l.index()]);
            case AVGPOOL -> model.ops().globalAveragePool(batch, l.inH(), l.inW(), l.inC(), in, 0, out, 0);
            case SOFTMAX -> model.ops().softmax(batch, l.outC(), in, 0, out, 0);
        }
    }

    /** Stops the worker threads; the session cannot run afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
