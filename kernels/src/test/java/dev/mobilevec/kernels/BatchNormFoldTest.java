package dev.mobilevec.kernels;

import static dev.mobilevec.kernels.ConvKernelContract.assertRejected;
import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNormFoldTest {

    /** conv(x; W', b') equals BN(conv(x; W, b)), both through the reference kernel. */
    @Test
    void foldedConvolutionEqualsConvolutionFollowedByBatchNorm() {
        qt().withExamples(60).forAll(ConvCase.depthwise().mix(ConvCase.pointwise()).mix(ConvCase.conv3x3())).checkAssert(c0 -> {
            ConvCase c = c0.with(Activation.NONE);
            ConvSpec s = c.spec();
            int oc = s.outC();
            SplittableRandom r = new SplittableRandom(c.seed() + 99);
            float[] gamma = new float[oc], beta = new float[oc], mean = new float[oc], var = new float[oc];
            for (int i = 0; i < oc; i++) {
                gamma[i] = (float) (0.5 + r.nextDouble());
                beta[i] = (float) (r.nextDouble() - 0.5);
                mean[i] = (float) (r.nextDouble() - 0.5);
                var[i] = (float) (0.1 + r.nextDouble());
            }
            double eps = 1e-3;
            float[] in = c.input(), w = c.weights(), b = c.bias();
            BatchNormFold.Folded f = BatchNormFold.fold(w, b, oc, gamma, beta, mean, var, eps);
            float[] folded = ConvKernelContract.reference(c, in, f.weights(), f.bias(), Activation.NONE);
            float[] conv = ConvKernelContract.reference(c, in, w, b, Activation.NONE);
            float[] mag = ConvKernelContract.reference(c, Bounds.abs(in), Bounds.abs(w), Bounds.abs(b), Activation.NONE);
            float[] expected = new float[conv.length];
            double[] bound = new double[conv.length];
            for (int i = 0; i < conv.length; i++) {
                int o = i % oc;
                double sc = gamma[o] / Math.sqrt(var[o] + eps);
                expected[i] = (float) ((conv[i] - mean[o]) * sc + beta[o]);
                // Folded weights and bias are rounded once each (relative u on every term); the two
                // paths also round their results (u each) and conv[i] once more before BN: a few u
                // times the magnitudes involved, c = 2 on 4 roundings.
                bound[i] = 2 * 4 * Bounds.U * ((mag[i] + Math.abs(mean[o])) * Math.abs(sc) + Math.abs(beta[o])) + 4 * Bounds.SUBNORMAL;
            }
            Bounds.assertWithin(expected, folded, bound, i -> "channel " + i % oc + " of " + c);
        });
    }

    @Test
    void rejectsMismatchedOrInvalidStatistics() {
        float[] w = new float[12], one = new float[3], two = new float[2];
        assertRejected("gamma must have 3 floats, got 2", () -> BatchNormFold.fold(w, null, 3, two, one, one, one, 1e-5));
        assertRejected("beta must have 3 floats, got 2", () -> BatchNormFold.fold(w, null, 3, one, two, one, one, 1e-5));
        assertRejected("running mean must have 3 floats, got 2", () -> BatchNormFold.fold(w, null, 3, one, one, two, one, 1e-5));
        assertRejected("running var must have 3 floats, got 2", () -> BatchNormFold.fold(w, null, 3, one, one, one, two, 1e-5));
        assertRejected("bias must have 3 floats, got 2", () -> BatchNormFold.fold(w, two, 3, one, one, one, one, 1e-5));
        assertRejected("var + eps", () -> BatchNormFold.fold(w, null, 3, one, one, one, new float[] {1, -2, 1}, 1e-5));
        assertRejected("whole number", () -> BatchNormFold.fold(new float[13], null, 3, one, one, one, one, 1e-5));
        assertRejected("epsilon", () -> BatchNormFold.fold(w, null, 3, one, one, one, one, Double.NaN));
    }
}
