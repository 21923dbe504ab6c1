package dev.mobilevec.kernels;

/**
 * Folds inference-mode batch norm, y = gamma * (x - mean) / sqrt(var + eps) + beta, into the
 * preceding convolution: W'[o] = W[o] * s[o] and b'[o] = (b[o] - mean[o]) * s[o] + beta[o] with
 * s = gamma / sqrt(var + eps). Done once at load, in double, rounded once to float.
 */
public final class BatchNormFold {

    private BatchNormFold() {}

    /** The folded weights and bias. */
    public record Folded(float[] weights, float[] bias) {}

    /**
     * @param weights OHWI weights of a convolution with {@code outC} output channels
     * @param bias    the convolution's bias, or null for none
     */
    public static Folded fold(float[] weights, float[] bias, int outC,
                              float[] gamma, float[] beta, float[] mean, float[] var, double eps) {
        Checks.positive("output channels", outC);
        if (weights == null || weights.length == 0 || weights.length % outC != 0) {
            throw new IllegalArgumentException("weights must hold a whole number of output channels (" + outC + "), got "
                    + (weights == null ? "null" : weights.length + " floats"));
        }
        Checks.exactLength("gamma", gamma, outC);
        Checks.exactLength("beta", beta, outC);
        Checks.exactLength("running mean", mean, outC);
        Checks.exactLength("running var", var, outC);
        if (bias != null) {
            Checks.exactLength("bias", bias, outC);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("batch-norm epsilon must be finite and >= 0, got " + eps);
        }
        int per = weights.length / outC;
        float[] w = new float[weights.length];
        float[] b = new float[outC];
        for (int o = 0; o < outC; o++) {
            double denom = (double) var[o] + eps;
            if (!(denom > 0) || Double.isInfinite(denom)) {
                throw new IllegalArgumentException("batch-norm channel " + o + ": var + eps must be finite and > 0, got " + denom);
            }
            double s = gamma[o] / Math.sqrt(denom);
            for (int i = 0; i < per; i++) {
                w[o * per + i] = (float) (weights[o * per + i] * s);
            }
            b[o] = (float) (((bias == null ? 0.0 : bias[o]) - mean[o]) * s + beta[o]);
        }
        return new Folded(w, b);
    }
}
