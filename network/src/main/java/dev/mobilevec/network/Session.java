package dev.mobilevec.network;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.TensorOps;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link Model} on batches of a fixed size. Owns the activation arena and the worker
 * threads, so inference allocates nothing after construction. The arena is a few buffers of the
 * largest layer's size, assigned from the layer table by liveness: a layer's output takes a buffer
 * no live tensor holds, and a buffer is free again after the last layer that reads it (two buffers
 * for a chain like v1, three for residual networks). Elementwise layers (softmax, add, scale) work in
 * place when their first input dies with them. Each convolution's independent work units are cut
 * into one contiguous piece per thread; no unit ever splits a reduction, so outputs are bitwise
 * identical for any thread count.
 *
 * <p>A session is not for concurrent use: a second thread entering {@link #run} while it runs gets
 * an IllegalStateException. Close it to stop its threads.
 */
public final class Session implements AutoCloseable {
    private final Model model;
    private final int batch;
    private final LayerDef[] layers; // an array: iterating a List allocated an iterator per inference
    private final float[][] bufferOf; // per layer: the buffer it writes
    private final float[] first;      // holds the network's input
    private final WorkerPool pool;
    private final WorkerPool.Job[] jobs;
    private final boolean[] fusedAway; // adds done inside the convolution before them
    private final AtomicBoolean busy = new AtomicBoolean();
    /** More threads than this is a mistake, not a configuration. */
    static final int MAX_THREADS = 1024;

    Session(Model model, int batch, int threads) {
        this(model, batch, threads, true);
    }

    /** {@code fuse}: run a residual add inside the projection before it (tests compare both ways). */
    Session(Model model, int batch, int threads, boolean fuse) {
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
        int[] assignment = new int[layers.length];
        int count = assignBuffers(layers, assignment);
        long bytes = (long) count * 4 * size;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException("a session for batch " + batch + " of " + model.arch() + " needs "
                    + (bytes >> 20) + " MB of activation buffers (" + count + " x batch x largest layer x 4 bytes); the heap is "
                    + (heap >> 20) + " MB (-Xmx): use a smaller batch or a larger heap");
        }
        float[][] buffers = new float[count][];
        try {
            for (int i = 0; i < count; i++) {
                buffers[i] = new float[size];
            }
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("could not allocate " + (bytes >> 20) + " MB of activation buffers for batch "
                    + batch + "; the heap is " + (heap >> 20) + " MB", e);
        }
        first = buffers[0];
        bufferOf = new float[layers.length][];
        for (LayerDef l : layers) {
            bufferOf[l.index()] = buffers[assignment[l.index()]];
        }
        jobs = new WorkerPool.Job[layers.length];
        fusedAway = new boolean[layers.length];
        for (LayerDef l : layers) {
            float[] in = input(l.input()), out = bufferOf[l.index()];
            PreparedConv p = model.conv(l.index());
            LayerDef add = fuse ? fusableAdd(l, p) : null;
            if (add != null) {
                // The projection writes conv + skip straight into the add's (in-place) buffer.
                float[] skip = input(add.input() == l.index() ? add.input2() : add.input());
                int units = p.workUnits(batch);
                fusedAway[add.index()] = true;
                jobs[l.index()] = (part, parts) -> p.runResidual(batch, in, 0, out, 0,
                        (int) ((long) units * part / parts), (int) ((long) units * (part + 1) / parts), skip, 0, add.activation());
            } else if (p != null) {
                int units = p.workUnits(batch);
                // One contiguous piece per thread: consecutive layers then find most of their input in
                // the same core's cache (a shared work counter measured 10.4 ms vs 7.7 ms at 2 threads).
                jobs[l.index()] = (part, parts) -> p.run(batch, in, 0, out, 0,
                        (int) ((long) units * part / parts), (int) ((long) units * (part + 1) / parts));
            } else if (l.type() == LayerType.ADD) {
                float[] skip = input(l.input2());
                TensorOps ops = model.ops();
                int len = batch * l.outputLength();
                // Same contiguous split as the convolution before it, so each thread adds the rows it just wrote.
                jobs[l.index()] = (part, parts) -> {
                    int from = (int) ((long) len * part / parts), to = (int) ((long) len * (part + 1) / parts);
                    if (to > from) {
                        ops.add(to - from, in, from, skip, from, out, from, l.activation());
                    }
                };
            }
        }
        pool = new WorkerPool(threads, "mobilevec");
    }

    private float[] input(int layer) {
        return layer < 0 ? first : bufferOf[layer];
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

    /**
     * Buffer index per layer (buffer 0 first holds the input); returns how many buffers are needed.
     * A layer never writes a buffer it reads, except elementwise layers over an input that dies there.
     */
    static int assignBuffers(LayerDef[] layers, int[] assignment) {
        int n = layers.length;
        int[] lastUse = new int[n + 1]; // index t+1 for tensor t (tensor -1 = the input)
        java.util.Arrays.fill(lastUse, -1);
        for (LayerDef l : layers) {
            lastUse[l.input() + 1] = l.index();
            if (l.input2() >= 0) {
                lastUse[l.input2() + 1] = l.index();
            }
        }
        lastUse[n] = n; // the output lives to the end
        java.util.List<Integer> holder = new java.util.ArrayList<>(); // tensor held by each buffer, or MIN_VALUE
        holder.add(-1);
        for (LayerDef l : layers) {
            int i = l.index(), chosen = -1;
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

    /** Floats in one input batch. */
    public int inputLength() {
        return batch * model.arch().inputLength();
    }

    /** Floats in one output batch: batch x the network's output per image (classes). */
    public int outputLength() {
        return batch * model.outputLength();
    }

    long[] workerThreadIds() {
        return pool.threadIds();
    }

    public void run(float[] input, float[] output) {
        run(input, 0, Layout.NHWC, output, 0, null);
    }

    /**
     * Runs one batch. {@code input} holds batch x H x W x C floats in the given layout at
     * {@code inOff}; {@code output} receives batch x the final layer's output at {@code outOff}
     * (softmax probabilities for the native networks; whatever an imported graph declares).
     * If {@code layerNanos} is not null, it receives the wall time of each layer of the table.
     */
    public void run(float[] input, int inOff, Layout layout, float[] output, int outOff, long[] layerNanos) {
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
        int hw = model.arch().height() * model.arch().width(), ch = model.arch().inputChannels();
        for (int n = 0; n < batch; n++) {
            int img = n * hw * ch;
            for (int c = 0; c < ch; c++) {
                for (int p = 0; p < hw; p++) {
                    first[img + p * ch + c] = input[inOff + img + c * hw + p];
                }
            }
        }
    }

    private void runLayer(LayerDef l) {
        float[] in = input(l.input()), out = bufferOf[l.index()];
        switch (l.type()) {
            case CONV3X3, DEPTHWISE, POINTWISE, FC -> pool.execute(jobs[l.index()]);
            case ADD -> {
                if (!fusedAway[l.index()]) {
                    pool.execute(jobs[l.index()]);
                }
            }
            case AVGPOOL -> model.ops().globalAveragePool(batch, l.inH(), l.inW(), l.inC(), in, 0, out, 0);
            case SOFTMAX -> model.ops().softmax(batch, l.outC(), in, 0, out, 0);
            // Squeeze-excitation scaling is a small share of the work: the caller's thread does it.
            case SCALE -> model.ops().scaleChannels(batch, l.inH() * l.inW(), l.inC(), in, 0, input(l.input2()), 0, out, 0);
        }
    }

    /** Stops the worker threads; the session cannot run afterwards. */
    @Override
    public void close() {
        pool.close();
    }
}
