package dev.mobilevec.kernels;

/**
 * A convolution with packed weights, ready to run on NHWC tensors stored densely in
 * {@code float[]} at an offset. Work is cut into independent units (output rows or pixel blocks)
 * that never share a reduction, so any split of the units over threads gives bitwise-identical output.
 */
public interface PreparedConv {

    ConvSpec spec();

    Activation activation();

    /** Number of independent work units for a batch. */
    int workUnits(int batch);

    /**
     * Output pixels per work unit, when unit u computes all channels of exactly the flattened output pixels
     * [u * n, min((u + 1) * n, batch * outH * outW)) (output rows, or blocks of pixels); 0 when units are cut
     * another way (by output-channel panel). A caller that runs a layer band by band, right after the layer
     * that feeds it, needs the former to know which units a band's pixels complete.
     */
    default int pixelsPerUnit(int batch) {
        return 0;
    }

    /**
     * Units that read the same slice of weights (one output-channel panel), so a caller splitting [0, workUnits) over
     * threads should cut between such blocks where it can. 1 when any cut is as good. Results never depend on the cut.
     */
    default int unitBlock(int batch) {
        return 1;
    }

    /**
     * How many {@link #unitBlock} blocks one call runs best as a whole (weights streamed side by side, or row tiles that
     * divide the range); 1 when it does not matter. A caller cutting ranges should make them multiples of it where it
     * can. Results never depend on it.
     */
    default int blocksPerCall(int batch) {
        return 1;
    }

    /** Computes the outputs belonging to units [unitFrom, unitTo). Allocation-free. */
    void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo);

    default void run(int batch, float[] in, int inOff, float[] out, int outOff) {
        run(batch, in, inOff, out, outOff, 0, workUnits(batch));
    }

    /** Whether {@link #runWindow} (and, with {@link #fusesResidual}, {@link #runResidualWindow}) is implemented. */
    default boolean runsWindows() {
        return false;
    }

    /**
     * Units [unitFrom, unitTo) of {@link #run}, with input and output only partly in memory: element i of the whole
     * input tensor is {@code in[inOff + i]}, and of the output {@code out[outOff + i]}, where an offset may be negative.
     * Only the elements these units read and write must lie inside the arrays, and only those are checked. Lets a
     * caller run a layer band by band out of buffers a few rows high (fused blocks). Same bits as {@link #run}.
     */
    default void runWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run windows");
    }

    /** {@link #runResidual} with the input windowed as in {@link #runWindow}; output and residual are whole tensors. */
    default void runResidualWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo,
                                   float[] residual, int resOff, Activation after) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run windows with a residual");
    }

    /** The checks of {@link #runWindow}: the element ranges [inFrom, inTo) and [outFrom, outTo) the units touch. */
    static void checkWindow(ConvSpec spec, int batch, float[] in, int inOff, long inFrom, long inTo, float[] out, int outOff,
                            long outFrom, long outTo, int unitFrom, int unitTo, int units) {
        Checks.positive("batch", batch);
        Checks.units(unitFrom, unitTo, units);
        if (in == null || (inTo > inFrom && (inOff + inFrom < 0 || inOff + inTo > in.length))) {
            throw Checks.regionError("input window (elements " + inFrom + ".." + inTo + " of N=" + batch + ", " + spec.inH() + "x"
                    + spec.inW() + "x" + spec.inC() + ")", in, inOff + inFrom, inTo - inFrom);
        }
        if (out == null || (outTo > outFrom && (outOff + outFrom < 0 || outOff + outTo > out.length))) {
            throw Checks.regionError("output window (elements " + outFrom + ".." + outTo + " of N=" + batch + ", " + spec.outH() + "x"
                    + spec.outW() + "x" + spec.outC() + ")", out, outOff + outFrom, outTo - outFrom);
        }
        if (in == out && inOff + inFrom < outOff + outTo && outOff + outFrom < inOff + inTo) {
            throw new IllegalArgumentException("input and output windows overlap in the same array; convolutions cannot run in place");
        }
    }

    /** Whether {@link #runResidual} is implemented (the residual add fused into this kernel's epilogue). */
    default boolean fusesResidual() {
        return false;
    }

    /**
     * Units [unitFrom, unitTo) of {@code out = after(conv(in) + residual)}: MobileNetV2's linear
     * projection and residual add in one pass, the add done on each block while it is still in cache.
     * This convolution's own activation must be NONE; {@code residual} has the output's shape. Gives
     * exactly the bits of {@link #run} followed by {@link TensorOps#add} with {@code after}.
     */
    default void runResidual(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo,
                             float[] residual, int resOff, Activation after) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not fuse a residual add");
    }

    /** The checks of {@link #runResidual} beyond {@link #checkRun}. */
    static void checkResidual(PreparedConv p, int batch, float[] out, int outOff, float[] residual, int resOff, Activation after) {
        if (p.activation() != Activation.NONE) {
            throw new IllegalArgumentException("a fused residual add needs the convolution's activation to be NONE, got " + p.activation());
        }
        if (after == null) {
            throw new IllegalArgumentException("activation after the add must not be null (use Activation.NONE)");
        }
        int len = p.spec().outputLength(batch);
        if (residual == null || resOff < 0 || (long) resOff + len > residual.length) {
            throw Checks.regionError("residual (the output's shape)", residual, resOff, len);
        }
        // The tiles store the convolution before the add reads the residual: no overlap at all.
        if (residual == out && Math.abs((long) resOff - outOff) < len) {
            throw new IllegalArgumentException("residual [" + resOff + ", +" + len + ") and output [" + outOff + ", +" + len
                    + ") overlap in the same array; a fused residual cannot run in place");
        }
    }

    /** The argument checks every implementation does once per call. */
    static void checkRun(ConvSpec spec, int batch, float[] in, int inOff, float[] out, int outOff,
                         int unitFrom, int unitTo, int units) {
        Checks.positive("batch", batch);
        int inLen = spec.inputLength(batch), outLen = spec.outputLength(batch);
        if (in == null || inOff < 0 || (long) inOff + inLen > in.length) {
            throw Checks.regionError("input (N=" + batch + ", " + spec.inH() + "x" + spec.inW() + "x" + spec.inC() + ")", in, inOff, inLen);
        }
        if (out == null || outOff < 0 || (long) outOff + outLen > out.length) {
            throw Checks.regionError("output (N=" + batch + ", " + spec.outH() + "x" + spec.outW() + "x" + spec.outC() + ")", out, outOff, outLen);
        }
        if (in == out) {
            long inEnd = (long) inOff + inLen, outEnd = (long) outOff + outLen;
            if (inOff < outEnd && outOff < inEnd) {
                throw new IllegalArgumentException("input [" + inOff + ", " + inEnd + ") and output [" + outOff + ", " + outEnd
                        + ") overlap in the same array; convolutions cannot run in place");
            }
        }
        Checks.units(unitFrom, unitTo, units);
    }

    /** The checks every {@link Conv2dKernel#prepare} does; returns the bias, or zeros for null. */
    static float[] checkWeights(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        if (spec == null || activation == null) {
            throw new IllegalArgumentException("spec and activation must not be null");
        }
        Checks.exactLength("weights (OHWI " + spec.outC() + "x" + spec.kH() + "x" + spec.kW() + "x" + spec.inPerGroup() + ")",
                weights, spec.weightLength());
        Checks.finite("weights", weights);
        if (bias == null) {
            return new float[spec.outC()];
        }
        Checks.exactLength("bias", bias, spec.outC());
        Checks.finite("bias", bias);
        return bias;
    }
}
