package dev.mobilevec.kernels;

/**
 * The activation fused into a kernel's epilogue: a clamp to [min, max]. NONE, RELU and RELU6 are
 * clamps too, so fast and reference kernels apply exactly the same two operations.
 *
 * <p>NaN semantics: the clamp is {@code Math.min(Math.max(x, min), max)}, so a NaN pre-activation
 * stays NaN under every activation, in the reference and in the vector kernels at every width
 * (the Vector API's MAX/MIN propagate NaN like Math.max/min).
 */
public record Activation(Kind kind, float min, float max) {

    public enum Kind { NONE, RELU, RELU6, CLAMP }

    public static final Activation NONE = new Activation(Kind.NONE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    public static final Activation RELU = new Activation(Kind.RELU, 0f, Float.POSITIVE_INFINITY);
    public static final Activation RELU6 = new Activation(Kind.RELU6, 0f, 6f);

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind must not be null");
        }
        if (Float.isNaN(min) || Float.isNaN(max) || !(min <= max)) {
            throw new IllegalArgumentException("clamp bounds must satisfy min <= max, got [" + min + ", " + max + "]");
        }
    }

    public static Activation clamp(float min, float max) {
        return new Activation(Kind.CLAMP, min, max);
    }

    public float apply(float x) {
        return Math.min(Math.max(x, min), max);
    }

    @Override
    public String toString() {
        return kind == Kind.CLAMP ? "clamp[" + min + "," + max + "]" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
