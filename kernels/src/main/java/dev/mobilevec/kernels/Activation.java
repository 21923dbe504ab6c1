package dev.mobilevec.kernels;

/**
 * The activation fused into a kernel's epilogue.
 *
 * <p>NONE, RELU, RELU6 and CLAMP are a clamp to [min, max]: {@code Math.min(Math.max(x, min), max)}.
 * HARDSIGMOID is {@code g(x) = clamp(x*alpha + beta, 0, 1)} and HARDSWISH is {@code x * g(x)}
 * (ONNX's definitions; MobileNetV3 uses alpha = 1/6, beta = 1/2). Every kind is evaluated as exactly
 * these float operations, one rounding each and no FMA, in the reference and in the vector kernels,
 * so the same pre-activation gives the same bits everywhere.
 *
 * <p>NaN and infinity: a NaN pre-activation stays NaN under every kind (the Vector API's MAX/MIN
 * propagate NaN like Math.max/min). Clamps map +-Inf to the bounds when finite. HARDSIGMOID maps
 * +Inf to 1 and -Inf to 0; HARDSWISH maps +Inf to +Inf and -Inf to NaN (-Inf * 0), as PyTorch's
 * hardswish and ONNX Runtime do.
 */
public record Activation(Kind kind, float min, float max, float alpha, float beta) {

    public enum Kind { NONE, RELU, RELU6, CLAMP, HARDSIGMOID, HARDSWISH }

    public static final Activation NONE = new Activation(Kind.NONE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1, 0);
    public static final Activation RELU = new Activation(Kind.RELU, 0f, Float.POSITIVE_INFINITY, 1, 0);
    public static final Activation RELU6 = new Activation(Kind.RELU6, 0f, 6f, 1, 0);
    /** MobileNetV3's h-swish, x * relu6(x + 3) / 6, in ONNX's form x * clamp(x/6 + 1/2, 0, 1). */
    public static final Activation HARDSWISH = hardSwish(1f / 6, 0.5f);
    /** MobileNetV3's h-sigmoid, relu6(x + 3) / 6 = clamp(x/6 + 1/2, 0, 1). */
    public static final Activation HARDSIGMOID = hardSigmoid(1f / 6, 0.5f);

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind must not be null");
        }
        if (Float.isNaN(min) || Float.isNaN(max) || !(min <= max)) {
            throw new IllegalArgumentException("clamp bounds must satisfy min <= max, got [" + min + ", " + max + "]");
        }
        if (!Float.isFinite(alpha) || !Float.isFinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be finite, got " + alpha + ", " + beta);
        }
        if (gated(kind) && (min != Float.NEGATIVE_INFINITY || max != Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(kind + " takes no clamp bounds");
        }
    }

    private static boolean gated(Kind k) {
        return k == Kind.HARDSIGMOID || k == Kind.HARDSWISH;
    }

    public static Activation clamp(float min, float max) {
        return new Activation(Kind.CLAMP, min, max, 1, 0);
    }

    public static Activation hardSigmoid(float alpha, float beta) {
        return new Activation(Kind.HARDSIGMOID, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, alpha, beta);
    }

    public static Activation hardSwish(float alpha, float beta) {
        return new Activation(Kind.HARDSWISH, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, alpha, beta);
    }

    /**
     * True when the activation is not a clamp. Kernels then store the clamp-free result from their
     * register tiles and run {@link VectorActivation#apply} over each block they just wrote, while it is
     * still in L1/L2 (a helper call with vector arguments inside a micro-kernel makes C2 box them).
     */
    public boolean gated() {
        return gated(kind);
    }

    /**
     * True for a lower bound of -0.0 or an upper bound of +0.0. Kernels clamp with a compare and a blend per
     * bound ({@code x <= min ? min : x}, 2 instructions on AVX-512, where the Vector API's MAX and MIN take 6 each).
     * That equals {@code Math.max(x, min)} for every x, NaN included, except for x = +0.0 against min = -0.0
     * (Math.max gives +0.0); likewise for max = +0.0. With such a bound the kernels clamp to (-Inf, +Inf) in their
     * tiles and {@link VectorActivation#apply} runs the exact clamp over what they stored.
     */
    public boolean signedZeroBound() {
        return Float.floatToRawIntBits(min) == 0x80000000 || Float.floatToRawIntBits(max) == 0;
    }

    /** The lower bound kernels blend against in their tiles (see {@link #signedZeroBound}). */
    float tileMin() {
        return signedZeroBound() ? Float.NEGATIVE_INFINITY : min;
    }

    /** The upper bound kernels blend against in their tiles (see {@link #signedZeroBound}). */
    float tileMax() {
        return signedZeroBound() ? Float.POSITIVE_INFINITY : max;
    }

    public float apply(float x) {
        return switch (kind) {
            case HARDSIGMOID -> Math.min(Math.max(x * alpha + beta, 0f), 1f);
            case HARDSWISH -> x * Math.min(Math.max(x * alpha + beta, 0f), 1f);
            default -> Math.min(Math.max(x, min), max);
        };
    }

    /** The largest |f(a) - f(b)| / |a - b|, for error bounds that pass through the activation. */
    public double lipschitz() {
        double a = Math.abs((double) alpha);
        return switch (kind) {
            case HARDSIGMOID -> a;
            // On the ramp 0 <= ax+b <= 1 the slope is 2(ax+b) - b, in [-b, 2-b]; elsewhere 0 or 1.
            case HARDSWISH -> Math.max(1, Math.max(Math.abs((double) beta), Math.abs(2 - (double) beta)));
            default -> 1;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CLAMP -> "clamp[" + min + "," + max + "]";
            case HARDSIGMOID, HARDSWISH -> kind.name().toLowerCase(java.util.Locale.ROOT)
                    + (alpha == 1f / 6 && beta == 0.5f ? "" : "[" + alpha + "," + beta + "]");
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
