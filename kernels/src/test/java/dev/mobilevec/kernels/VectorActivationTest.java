package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place activation passes the kernels run over what they stored: every element of every run must carry the
 * bits of the scalar definition {@link Activation#apply} (for the activations the pass owns) (NaNs compared as NaN), at every run length around the vector
 * width, and nothing outside the runs may change. The values include the gate's edges, signed zeros, infinities and
 * NaN, where a compare-and-blend gate and Java's MAX/MIN could part.
 */
class VectorActivationTest {

    private static final List<Activation> ACTS = List.of(
            Activation.HARDSWISH, Activation.HARDSIGMOID, Activation.hardSigmoid(0.2f, 0.5f),
            // beta = -0.0 makes the gate's input -0.0 at x = -0.0 (-0.0 * a + -0.0), where MAX gives +0.0.
            Activation.hardSwish(1f / 6, -0f), Activation.hardSigmoid(1f / 6, -0f), Activation.hardSwish(-0.25f, 0.5f),
            Activation.clamp(-0f, 6f), Activation.clamp(-1f, 0f), Activation.RELU6, Activation.NONE,
            // alpha 0 takes the float gate (VectorActivation.intGate): t = inf * 0 is NaN where x is not.
            Activation.hardSwish(0f, 0.5f));

    private static final float[] SPECIAL = {
            0f, -0f, 1f, -1f, 3f, -3f, 2.9999998f, 3.0000002f, -2.9999998f, -3.0000002f, 6f, -6f, 0.5f, -0.5f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-30f, -1e-30f, 2f, -2f, 4f, -4f};

    private static float[] values(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 3 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (r.nextFloat() - 0.5f) * 16;
        }
        return v;
    }

    private static void assertSameBits(float expected, float actual, String where) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }

    private static int[] lengths() {
        int l = Lanes.COUNT;
        return new int[] {0, 1, l - 1, l, l + 1, 2 * l - 1, 3 * l + 3, 37};
    }

    @Test
    void applyGivesTheScalarBitsInsideTheRunsAndTouchesNothingElse() {
        Random r = new Random(42);
        for (Activation act : ACTS) {
            for (int len : lengths()) {
                for (int rows : new int[] {1, 3}) {
                    int off = 5, stride = len + 7;
                    float[] before = values(r, off + rows * stride + 11);
                    float[] a = before.clone();
                    VectorActivation.apply(act, a, off, rows, stride, len);
                    for (int i = 0; i < a.length; i++) {
                        int rel = i - off, row = Math.floorDiv(rel, stride), col = Math.floorMod(rel, stride);
                        boolean inRun = rel >= 0 && row < rows && col < len;
                        String where = act + " len " + len + " rows " + rows + " index " + i;
                        // Other activations are the tiles' in-register clamp: the pass leaves their values alone.
                        boolean passApplies = act.gated() || act.signedZeroBound();
                        assertSameBits(inRun && passApplies ? act.apply(before[i]) : before[i], a[i], where);
                    }
                }
            }
        }
    }

    /**
     * HARDSWISH's integer gate (VectorActivation.intGate) over a million random bit patterns (every sign, exponent and
     * NaN payload) for swishes that take it, each element against the scalar definition, in apply and in addApply; and
     * alpha 0 (t NaN at x = +-inf) takes the float gate (Activation keeps alpha and beta finite).
     */
    @Test
    void integerGateGivesTheScalarBitsForAnyFloat() {
        List<Activation> ints = List.of(Activation.HARDSWISH, Activation.hardSwish(1f / 6, -0f), Activation.hardSwish(-0.25f, 0.5f),
                Activation.hardSwish(Float.MAX_VALUE, 1f), Activation.hardSwish(Float.MIN_VALUE, -Float.MAX_VALUE));
        for (Activation act : ints) {
            org.junit.jupiter.api.Assertions.assertTrue(VectorActivation.intGate(act), act.toString());
        }
        for (Activation act : List.of(Activation.hardSwish(0f, 0.5f), Activation.hardSwish(-0f, 0.5f), Activation.HARDSIGMOID,
                Activation.RELU6)) {
            org.junit.jupiter.api.Assertions.assertFalse(VectorActivation.intGate(act), act.toString());
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int n = 1 << 20;
        float[] x = new float[n], zeros = new float[n];
        for (Activation act : ints) {
            for (int i = 0; i < n; i++) {
                x[i] = Float.intBitsToFloat(r.nextInt());
            }
            float[] a = x.clone(), b = x.clone();
            VectorActivation.apply(act, a, 0, 1, 0, n);
            VectorActivation.addApply(act, b, 0, zeros, 0, 1, 0, n);
            for (int i = 0; i < n; i++) {
                String where = act + " x " + x[i] + " (0x" + Integer.toHexString(Float.floatToRawIntBits(x[i])) + ")";
                assertSameBits(act.apply(x[i]), a[i], where);
                assertSameBits(act.apply(x[i] + 0f), b[i], where + " + 0");
            }
        }
    }

    @Test
    void addApplyGivesTheScalarBitsOfTheSumInsideTheRuns() {
        Random r = new Random(7);
        for (Activation act : ACTS) {
            for (int len : lengths()) {
                int off = 3, roff = 9, rows = 2, stride = len + 4;
                float[] before = values(r, off + rows * stride + 5);
                float[] res = values(r, roff + rows * stride + 5);
                // Sums that land on the bounds: -0.0 + -0.0 = -0.0 (MAX with +0.0 gives +0.0), 4 + 2 = 6, -3 + 3 = +0.0.
                for (int i = off; i < before.length && i - off + roff < res.length; i++) {
                    int j = i - off + roff;
                    switch (i % 7) {
                        case 1 -> { before[i] = -0f; res[j] = -0f; }
                        case 3 -> { before[i] = 4f; res[j] = 2f; }
                        case 5 -> { before[i] = -3f; res[j] = 3f; }
                        default -> { }
                    }
                }
                float[] a = before.clone();
                VectorActivation.addApply(act, a, off, res, roff, rows, stride, len);
                for (int i = 0; i < a.length; i++) {
                    int rel = i - off, row = Math.floorDiv(rel, stride), col = Math.floorMod(rel, stride);
                    boolean inRun = rel >= 0 && row < rows && col < len;
                    float expected = inRun ? act.apply(before[i] + res[roff + rel]) : before[i];
                    assertSameBits(expected, a[i], act + " len " + len + " index " + i);
                }
            }
        }
    }
}
