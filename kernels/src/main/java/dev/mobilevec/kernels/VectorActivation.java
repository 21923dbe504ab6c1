package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gated activations (HARDSIGMOID, HARDSWISH), and clamps with a signed-zero bound, over a block a kernel has just stored, in place.
 * Kernels call it per output row or per cache block, so the data is re-read from L1/L2, not memory.
 * Same float operations in the same order as {@link Activation#apply}: mul, add, max, min(, mul).
 */
final class VectorActivation {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;

    private VectorActivation() {}

    /** {@code rows} runs of {@code len} floats, {@code stride} apart, starting at {@code off}. */
    static void apply(Activation act, float[] a, int off, int rows, int stride, int len) {
        if (!act.gated()) {
            if (act.signedZeroBound()) {
                clamp(act, a, off, rows, stride, len);
            }
            return;
        }
        boolean swish = act.kind() == Activation.Kind.HARDSWISH;
        float alpha = act.alpha(), beta = act.beta();
        for (int r = 0; r < rows; r++) {
            int base = off + r * stride, i = 0;
            for (; i + L <= len; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, base + i);
                FloatVector g = x.mul(alpha).add(beta).max(0f).min(1f);
                (swish ? x.mul(g) : g).intoArray(a, base + i);
            }
            for (; i < len; i++) {
                a[base + i] = act.apply(a[base + i]);
            }
        }
    }

    /** The exact clamp (MAX and MIN order -0.0 below +0.0) for bounds the kernels' blend cannot take. */
    private static void clamp(Activation act, float[] a, int off, int rows, int stride, int len) {
        float lo = act.min(), hi = act.max();
        for (int r = 0; r < rows; r++) {
            int base = off + r * stride, i = 0;
            for (; i + L <= len; i += L) {
                FloatVector.fromArray(S, a, base + i).max(lo).min(hi).intoArray(a, base + i);
            }
            for (; i < len; i++) {
                a[base + i] = act.apply(a[base + i]);
            }
        }
    }

    /**
     * {@code a = act(a + r)} over {@code rows} runs of {@code len} floats, {@code stride} apart (same
     * layout in both arrays): the fused residual add, one float add then the activation, as
     * TensorOps.add does it.
     */
    static void addApply(Activation act, float[] a, int off, float[] r, int roff, int rows, int stride, int len) {
        boolean gated = act.gated(), swish = act.kind() == Activation.Kind.HARDSWISH;
        float lo = act.min(), hi = act.max(), alpha = act.alpha(), beta = act.beta();
        for (int row = 0; row < rows; row++) {
            int base = off + row * stride, rb = roff + row * stride, i = 0;
            for (; i + L <= len; i += L) {
                FloatVector x = FloatVector.fromArray(S, a, base + i).add(FloatVector.fromArray(S, r, rb + i));
                if (gated) {
                    FloatVector g = x.mul(alpha).add(beta).max(0f).min(1f);
                    x = swish ? x.mul(g) : g;
                } else {
                    x = x.max(lo).min(hi);
                }
                x.intoArray(a, base + i);
            }
            for (; i < len; i++) {
                a[base + i] = act.apply(a[base + i] + r[rb + i]);
            }
        }
    }
}
