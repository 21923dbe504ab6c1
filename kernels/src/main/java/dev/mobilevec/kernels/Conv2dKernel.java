package dev.mobilevec.kernels;

/**
 * A convolution implementation. Fast and reference kernels implement this one interface so tests
 * and benchmarks can swap them. {@link #prepare} validates and packs the weights once (at model
 * load); the returned {@link PreparedConv} is immutable, thread-safe and allocation-free to run.
 */
public interface Conv2dKernel {

    String name();

    /** Whether this kernel handles that shape (the reference handles every shape). */
    boolean supports(ConvSpec spec);

    /**
     * @param weights OHWI weights, {@code spec.weightLength()} floats, finite
     * @param bias    {@code spec.outC()} floats, finite, or null for zeros
     */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation);

    /** Throws, naming this kernel, what it needs and the shape given, unless it supports the shape. */
    default void requireSupported(ConvSpec spec, String needs) {
        if (!supports(spec)) {
            throw new IllegalArgumentException(name() + " needs " + needs + ", got " + spec);
        }
    }

    /** Stride 1 or 2 on both axes, as the windowed fast kernels take it. */
    static boolean strideOneOrTwo(ConvSpec s) {
        return (s.strideH() == 1 || s.strideH() == 2) && (s.strideW() == 1 || s.strideW() == 2);
    }
}
