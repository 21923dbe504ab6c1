package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * The gated activations (HARDSIGMOID, HARDSWISH), and clamps with a signed-zero bound, over a block a kernel has just stored, in place.
 * Kernels call it per output row or per cache block, so the data is re-read from L1/L2, not memory.
 * The bits of {@link Activation#apply}: mul, add, max, min(, mul), the max and min as compare-and-blends where that gives
 * the same bits. The gate {@code min(max(t, 0), 1)} is written out in each loop as two compare-and-blends: -0.0 <= 0 takes
 * +0.0 as MAX does, a NaN fails both compares and stays NaN as in MAX and MIN, and the bound 1 has no signed twin (the
 * Vector API's float MAX and MIN add NaN and signed-zero fix-ups on x86); HARDSWISH's gate runs on t's bits as two
 * integer ops where that gives the same output (see intGate). No loop calls a helper with vector arguments:
 * a small {@code gate} helper (under C2's 35-byte limit) was inlined in most compilations, but where C2 inlined these loops into the 1x1
 * kernel's block (finish), its budget sometimes ran out, gate became a real call and its vectors were boxed:
 * MobileNetV3-large allocated 230-255 KB per inference for as long as it ran (Zen 4, 512 bits, in some JVMs; after a v2
 * session in the same JVM in every try; JFR put the samples in gate and apply under PointwiseGemm.finish).
 */
final class VectorActivation {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final VectorSpecies<Integer> SI = Lanes.INT_SPECIES;
    private static final int L = Lanes.COUNT;

    private VectorActivation() {}

    /**
     * {@code rows} runs of {@code len} floats, {@code stride} apart, starting at {@code off}. Each run's vector part is a
     * loop counted by its own index with one body per activation: written as {@code i + L <= len} with the swish
     * choice inside, C2 kept a safepoint poll and a select in every iteration and ran the pass at ~1.8 ns per vector
     * on data in L1 (Zen 3); counted, ~1.0. V3's gated layers run it over every output they store.
     */
    static void apply(Activation act, float[] a, int off, int rows, int stride, int len) {
        if (!act.gated()) {
            if (act.signedZeroBound()) {
                clamp(act, a, off, rows, stride, len);
            }
            return;
        }
        boolean swish = act.kind() == Activation.Kind.HARDSWISH, intGate = intGate(act);
        FloatVector al = FloatVector.broadcast(S, act.alpha()), be = FloatVector.broadcast(S, act.beta());
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        IntVector zeroBits = IntVector.zero(SI), oneBits = IntVector.broadcast(SI, Float.floatToRawIntBits(1f));
        int vectorLen = len - len % L;
        for (int r = 0; r < rows; r++) {
            int base = off + r * stride, end = base + vectorLen;
            if (intGate) {
                for (int i = base; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, i);
                    IntVector t = x.mul(al).add(be).reinterpretAsInts();
                    x.mul(t.max(zeroBits).min(oneBits).reinterpretAsFloats()).intoArray(a, i);
                }
            } else if (swish) {
                for (int i = base; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, i), t = x.mul(al).add(be);
                    t = t.blend(zero, t.compare(LE, zero));
                    x.mul(t.blend(one, t.compare(GE, one))).intoArray(a, i);
                }
            } else {
                for (int i = base; i < end; i += L) {
                    FloatVector t = FloatVector.fromArray(S, a, i).mul(al).add(be);
                    t = t.blend(zero, t.compare(LE, zero));
                    t.blend(one, t.compare(GE, one)).intoArray(a, i);
                }
            }
            for (int i = end; i < base + len; i++) {
                a[i] = act.apply(a[i]);
            }
        }
    }

    /**
     * Whether HARDSWISH's gate {@code min(max(t, 0), 1)} may run as two signed integer ops on t's bits: a float's bits
     * as a signed int order as the float does among non-negative floats (+0.0 is 0, 1.0f is 0x3F800000, +inf and the
     * positive NaNs lie above it), and every float with the sign bit set (-0.0, the negative numbers, -inf, NaNs with
     * the sign set) is a negative int. So {@code min(max(bits, 0), bits(1f))} is the compare-and-blend gate's result
     * for every t that is not NaN (-0.0 -> +0.0 as MAX gives), and 0 or 1 for a NaN t, where the float gate keeps the
     * NaN. Swish multiplies the gate by x, and with alpha non-zero (alpha and beta are finite), t = x*alpha + beta is NaN
     * only when x is, so the output is NaN either way (alpha 0 makes t NaN at x = +-inf, where x * 0 and x * 1 part:
     * those take the float gate). Two integer ops (vpmaxsd, vpminsd) replace two compares and two blends: Zen 4,
     * stand-alone, V3's hardswish depthwise layers 4-10 % faster, its 1x1 layers 1-10 %, in the network 0.3 % of
     * V3-large (bench/results/zen4/t41).
     */
    static boolean intGate(Activation act) {
        return act.kind() == Activation.Kind.HARDSWISH && act.alpha() != 0; // Activation keeps alpha and beta finite
    }

    /** The exact clamp (MAX and MIN order -0.0 below +0.0) for bounds the kernels' blend cannot take. */
    private static void clamp(Activation act, float[] a, int off, int rows, int stride, int len) {
        float lo = act.min(), hi = act.max();
        int vectorLen = len - len % L;
        for (int r = 0; r < rows; r++) {
            int base = off + r * stride, end = base + vectorLen;
            for (int i = base; i < end; i += L) {
                FloatVector.fromArray(S, a, i).max(lo).min(hi).intoArray(a, i);
            }
            for (int i = end; i < base + len; i++) {
                a[i] = act.apply(a[i]);
            }
        }
    }

    /**
     * {@code a = act(a + r)} over {@code rows} runs of {@code len} floats, {@code stride} apart (same
     * layout in both arrays): the fused residual add, one float add then the activation, as
     * TensorOps.add does it.
     */
    static void addApply(Activation act, float[] a, int off, float[] r, int roff, int rows, int stride, int len) {
        // One loop body per case, each counted by its own index (see apply). NONE (the usual residual) is the add alone:
        // MAX with -inf and MIN with +inf return x's bits, NaN and -0.0 included. A clamp without a signed-zero bound
        // blends as the tiles do (same bits as MAX and MIN there, see Activation#signedZeroBound).
        boolean gated = act.gated(), swish = act.kind() == Activation.Kind.HARDSWISH, intGate = intGate(act);
        boolean plain = !gated && act.min() == Float.NEGATIVE_INFINITY && act.max() == Float.POSITIVE_INFINITY;
        boolean exact = !gated && act.signedZeroBound();
        FloatVector al = FloatVector.broadcast(S, act.alpha()), be = FloatVector.broadcast(S, act.beta());
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
        IntVector zeroBits = IntVector.zero(SI), oneBits = IntVector.broadcast(SI, Float.floatToRawIntBits(1f));
        int vectorLen = len - len % L;
        for (int row = 0; row < rows; row++) {
            int base = off + row * stride, rb = roff + row * stride - base, end = base + vectorLen;
            if (plain) {
                for (int i = base; i < end; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i)).intoArray(a, i);
                }
            } else if (intGate) {
                for (int i = base; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i));
                    IntVector t = x.mul(al).add(be).reinterpretAsInts();
                    x.mul(t.max(zeroBits).min(oneBits).reinterpretAsFloats()).intoArray(a, i);
                }
            } else if (gated && swish) {
                for (int i = base; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i)), t = x.mul(al).add(be);
                    t = t.blend(zero, t.compare(LE, zero));
                    x.mul(t.blend(one, t.compare(GE, one))).intoArray(a, i);
                }
            } else if (gated) {
                for (int i = base; i < end; i += L) {
                    FloatVector t = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i)).mul(al).add(be);
                    t = t.blend(zero, t.compare(LE, zero));
                    t.blend(one, t.compare(GE, one)).intoArray(a, i);
                }
            } else if (exact) {
                for (int i = base; i < end; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i)).max(lo).min(hi).intoArray(a, i);
                }
            } else {
                for (int i = base; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, r, rb + i));
                    x = x.blend(lo, x.compare(LE, lo));
                    x.blend(hi, x.compare(GE, hi)).intoArray(a, i);
                }
            }
            for (int i = end; i < base + len; i++) {
                a[i] = act.apply(a[i] + r[rb + i]);
            }
        }
    }
}
