package dev.mobilevec.kernels;

import static dev.mobilevec.kernels.ConvKernelContract.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@link VectorTensorOps} against {@link ReferenceTensorOps}, with bounds derived per op. */
class TensorOpsTest {
    static final TensorOps FAST = VectorTensorOps.INSTANCE, REF = ReferenceTensorOps.INSTANCE;
    static final int EXAMPLES = ConvKernelContract.EXAMPLES;

    @Test
    void globalAveragePoolMatchesReference() {
        Gen<Integer> dim = Generate.range(1, 15);
        Gen<int[]> nhw = rs -> new int[] {Generate.range(1, 3).generate(rs), dim.generate(rs), dim.generate(rs)};
        qt().withExamples(EXAMPLES).forAll(nhw, ConvCase.channels(), ConvCase.seeds()).checkAssert((shape, c, seed) -> {
            int n = shape[0], h = shape[1], w = shape[2];
            float[] in = Values.MIXED.array(new SplittableRandom(seed), n * h * w * c);
            float[] exp = new float[n * c], got = new float[n * c], mag = new float[n * c];
            REF.globalAveragePool(n, h, w, c, in, 0, exp, 0);
            REF.globalAveragePool(n, h, w, c, Bounds.abs(in), 0, mag, 0);
            FAST.globalAveragePool(n, h, w, c, in, 0, got, 0);
            // hw-1 float additions of terms bounded by sum|x| plus one division: (hw+1)*u*mean|x| (times c = 2).
            double[] bound = new double[exp.length];
            for (int i = 0; i < bound.length; i++) {
                bound[i] = Bounds.dot(h * w + 1, mag[i] * (1 + Bounds.U));
            }
            Bounds.assertWithin(exp, got, bound, i -> "(n=" + i / c + ", c=" + i % c + ") " + n + "x" + h + "x" + w + "x" + c);
        });
    }

    @Test
    void globalAveragePoolDoesNotOverflowWhereTheMeanIsFinite() {
        // Values near the float maximum: their sum overflows float, their mean does not (found by the ONNX fuzzer).
        qt().withExamples(EXAMPLES / 4).forAll(Generate.range(2, 12), ConvCase.channels(), ConvCase.seeds()).checkAssert((hw, c, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] in = new float[hw * c];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) ((r.nextDouble() * 2 - 1) * 3e38);
            }
            float[] exp = new float[c], got = new float[c], mag = new float[c];
            REF.globalAveragePool(1, hw, 1, c, in, 0, exp, 0);
            REF.globalAveragePool(1, hw, 1, c, Bounds.abs(in), 0, mag, 0);
            FAST.globalAveragePool(1, hw, 1, c, in, 0, got, 0);
            double[] bound = new double[c];
            for (int i = 0; i < c; i++) {
                bound[i] = Bounds.dot(hw + 1, mag[i] * (1 + Bounds.U));
                assertTrue(Float.isFinite(got[i]), "channel " + i + " overflowed: " + got[i]);
            }
            Bounds.assertWithin(exp, got, bound, i -> "channel " + i + " of " + hw + " pixels");
        });
    }

    @Test
    void softmaxMatchesReferenceAndSumsToOne() {
        qt().withExamples(EXAMPLES).forAll(Generate.range(1, 3), Generate.range(1, 1003), Generate.pick(java.util.List.of(1f, 30f, 1e4f)),
                ConvCase.seeds()).checkAssert((rows, n, spread, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] in = new float[rows * n];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) ((r.nextDouble() * 2 - 1) * spread);
            }
            float[] exp = new float[in.length], got = new float[in.length];
            REF.softmax(rows, n, in, 0, exp, 0);
            FAST.softmax(rows, n, in, 0, got, 0);
            double[] bound = new double[in.length];
            for (int row = 0; row < rows; row++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, in[row * n + i]);
                }
                double worstShift = 0;
                for (int i = 0; i < n; i++) {
                    worstShift = Math.max(worstShift, Math.abs(in[row * n + i] - max));
                }
                for (int i = 0; i < n; i++) {
                    // x - max rounds with relative error u (absolute u*|x - max|), which exp turns into a
                    // relative error of u*|x - max|; exp itself is within 2.3u (plus 2^-150 absolute, see
                    // softmaxExpIsWithinItsDerivedBound), taken as 3u; the sum adds n*u relative, plus the shift
                    // errors of all terms (bounded by the worst); the reciprocal and product 2u; rounding the
                    // reference u. c = 2 on the total.
                    double rel = (n + 7 + Math.abs(in[row * n + i] - max) + worstShift) * Bounds.U;
                    bound[row * n + i] = 2 * rel * exp[row * n + i] + 2 * n * Bounds.SUBNORMAL;
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += got[row * n + i];
                }
                assertEquals(1.0, sum, 2 * (2 * n + 7 + 2 * worstShift) * Bounds.U, "softmax row sum"); // exp 3u as above
            }
            Bounds.assertWithin(exp, got, bound, i -> "(row " + i / n + ", " + i % n + ") n=" + n + " spread " + spread);
        });
    }

    /**
     * {@link VectorTensorOps#expNonPositive}, the exp every softmax lane computes, against Math.exp in double over the
     * floats of [-104, 0] (every 61st bit pattern, 18 million values, plus both ends and the zero cut-off): within the
     * bound derived in its comment, 2.3 u relative plus 2^-150 absolute (the rounding of a subnormal result). Below
     * -104 it gives 0, where exp is below 2^-150 and rounds to 0 in float anyway; NaN stays NaN.
     */
    @Test
    void softmaxExpIsWithinItsDerivedBound() {
        double worst = 0;
        float worstX = 0;
        int from = Float.floatToRawIntBits(-0f), to = Float.floatToRawIntBits(VectorTensorOps.EXP_ZERO_BELOW);
        for (long bits = from; bits <= to + 61L; bits += 61) {
            float x = Float.intBitsToFloat((int) Math.min(bits, to));
            double exact = Math.exp(x);
            double err = Math.abs(VectorTensorOps.expNonPositive(x) - exact) - Math.scalb(1.0, -150);
            double rel = err / (exact * Bounds.U);
            if (rel > worst) {
                worst = rel;
                worstX = x;
            }
        }
        assertTrue(worst <= 2.3, "exp error " + worst + " u at x = " + worstX);
        for (float x : new float[] {0f, -0f, Float.MIN_VALUE * -1, -1e-30f, -0.3465736f, -0.3465737f, -87.33655f, -87.33656f,
                -103.27893f, -103.97208f, -103.97209f}) {
            double exact = Math.exp(x);
            assertEquals(exact, VectorTensorOps.expNonPositive(x), 2.3 * Bounds.U * exact + Math.scalb(1.0, -150), "exp(" + x + ")");
        }
        assertEquals(0f, VectorTensorOps.expNonPositive(-104.5f));
        assertEquals(0f, VectorTensorOps.expNonPositive(Float.NEGATIVE_INFINITY));
        assertEquals(1f, VectorTensorOps.expNonPositive(0f));
        assertTrue(Float.isNaN(VectorTensorOps.expNonPositive(Float.NaN)));
    }

    /**
     * Softmax's vector lanes compute exactly {@link VectorTensorOps#expNonPositive} (whose error the test above measures):
     * the output equals, bit for bit, that scalar exp normalised with the same sum (four double sums at positions i mod
     * 4), for any length, so the full vectors and the scalar tail agree, at every vector width.
     */
    @Test
    void softmaxLanesComputeTheTestedExpBitwise() {
        qt().withExamples(EXAMPLES).forAll(Generate.range(1, 300), Generate.pick(java.util.List.of(1f, 30f, 200f, 1e4f)),
                ConvCase.seeds()).checkAssert((n, spread, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] in = new float[n];
            for (int i = 0; i < n; i++) {
                in[i] = (float) ((r.nextDouble() * 2 - 1) * spread);
            }
            float max = Float.NEGATIVE_INFINITY;
            for (float v : in) {
                max = Math.max(max, v);
            }
            float[] e = new float[n];
            double[] sums = new double[4];
            for (int i = 0; i < n; i++) {
                e[i] = VectorTensorOps.expNonPositive(in[i] - max);
                sums[i < n - n % 4 ? i % 4 : 0] += e[i];
            }
            float inv = (float) (1 / ((sums[0] + sums[1]) + (sums[2] + sums[3])));
            float[] exp = new float[n], got = new float[n];
            for (int i = 0; i < n; i++) {
                exp[i] = e[i] * inv;
            }
            FAST.softmax(1, n, in, 0, got, 0);
            Bounds.assertBitwise(exp, got, "softmax n=" + n + " spread " + spread);
        });
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        float[] in = {1e30f, 1e30f, -1e30f, 0f};
        float[] got = new float[4];
        FAST.softmax(1, 4, in, 0, got, 0);
        assertEquals(0.5f, got[0], 0f);
        assertEquals(0.5f, got[1], 0f);
        assertEquals(0f, got[2], 0f);
        assertEquals(0f, got[3], 0f);
    }

    @Test
    void addMatchesReferenceBitwise() {
        qt().withExamples(EXAMPLES).forAll(Generate.range(1, 200), ConvCase.activations(), ConvCase.seeds()).checkAssert((len, act, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] a = Values.UNIFORM.array(r, len), b = Values.UNIFORM.array(r, len);
            float[] exp = new float[len], got = new float[len + 2];
            got[0] = got[len + 1] = 42f;
            REF.add(len, a, 0, b, 0, exp, 0, act);
            FAST.add(len, a, 0, b, 0, got, 1, act);
            // float + float in double is exact at these magnitudes (exponents within 29 of each other
            // unless one is tiny enough not to matter), so one rounding each: the results are equal.
            Bounds.assertBitwise(exp, java.util.Arrays.copyOfRange(got, 1, len + 1), "add " + act);
            assertEquals(42f, got[0]);
            assertEquals(42f, got[len + 1]);
        });
    }

    @Test
    void scaleChannelsMatchesReferenceBitwiseAlsoInPlace() {
        // One float multiply per element in both: equal bits, NaN and infinities included.
        qt().withExamples(EXAMPLES / 2).forAll(Generate.range(1, 3), Generate.range(1, 20), ConvCase.channels(), ConvCase.seeds())
                .checkAssert((n, px, c, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] x = Values.MIXED.array(r, n * px * c), f = Values.MIXED.array(r, n * c);
                    f[r.nextInt(f.length)] = Float.NaN;
                    x[r.nextInt(x.length)] = Float.NEGATIVE_INFINITY;
                    float[] exp = new float[x.length], got = new float[x.length + 2];
                    got[0] = got[x.length + 1] = 42f;
                    REF.scaleChannels(n, px, c, x, 0, f, 0, exp, 0);
                    FAST.scaleChannels(n, px, c, x, 0, f, 0, got, 1);
                    Bounds.assertBitwise(exp, java.util.Arrays.copyOfRange(got, 1, x.length + 1), "scale " + n + "x" + px + "x" + c);
                    assertEquals(42f, got[0]);
                    assertEquals(42f, got[x.length + 1]);
                    FAST.scaleChannels(n, px, c, x, 0, f, 0, x, 0);
                    Bounds.assertBitwise(exp, x, "in-place scale");
                });
    }

    @Test
    void rejectsBadArguments() {
        for (TensorOps ops : new TensorOps[] {FAST, REF}) {
            assertRejected("48", () -> ops.globalAveragePool(1, 4, 4, 3, new float[47], 0, new float[3], 0));
            assertRejected("channels", () -> ops.globalAveragePool(1, 4, 4, 0, new float[48], 0, new float[3], 0));
            assertRejected("softmax output", () -> ops.softmax(2, 10, new float[20], 0, new float[19], 0));
            assertRejected("row length", () -> ops.softmax(2, 0, new float[20], 0, new float[20], 0));
            assertRejected("add input a", () -> ops.add(10, new float[9], 0, new float[10], 0, new float[10], 0, Activation.NONE));
            assertRejected("add input b", () -> ops.add(10, new float[10], 0, new float[10], 1, new float[10], 0, Activation.NONE));
            assertRejected("add output", () -> ops.add(10, new float[10], 0, new float[10], 0, new float[10], 1, Activation.NONE));
            assertRejected("pool output", () -> ops.globalAveragePool(1, 4, 4, 3, new float[48], 0, new float[2], 0));
            assertRejected("softmax input", () -> ops.softmax(2, 10, new float[19], 0, new float[20], 0));
            assertRejected("activation", () -> ops.add(10, new float[10], 0, new float[10], 0, new float[10], 0, null));
            assertRejected("scale factors (N x C)", () -> ops.scaleChannels(2, 3, 4, new float[24], 0, new float[7], 0, new float[24], 0));
            assertRejected("scale output", () -> ops.scaleChannels(2, 3, 4, new float[24], 0, new float[8], 0, new float[24], 1));
            assertRejected("channels", () -> ops.scaleChannels(2, 3, 0, new float[24], 0, new float[8], 0, new float[24], 0));
        }
    }
}
