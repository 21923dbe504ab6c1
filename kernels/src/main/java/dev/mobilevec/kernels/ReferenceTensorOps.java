package dev.mobilevec.kernels;

/** Scalar, double-accumulating versions of the {@link TensorOps}: the source of truth. */
public final class ReferenceTensorOps implements TensorOps {

    public static final ReferenceTensorOps INSTANCE = new ReferenceTensorOps();

    private ReferenceTensorOps() {}

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void globalAveragePool(int batch, int h, int w, int c, float[] in, int inOff, float[] out, int outOff) {
        TensorOps.checkPool(batch, h, w, c, in, inOff, out, outOff);
        for (int n = 0; n < batch; n++) {
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < h * w; p++) {
                    sum += in[inOff + (n * h * w + p) * c + ch];
                }
                out[outOff + n * c + ch] = (float) (sum / (h * w));
            }
        }
    }

    @Override
    public void softmax(int rows, int n, float[] in, int inOff, float[] out, int outOff) {
        TensorOps.checkSoftmax(rows, n, in, inOff, out, outOff);
        double[] e = new double[n];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, in[inOff + r * n + i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                e[i] = Math.exp(in[inOff + r * n + i] - max);
                sum += e[i];
            }
            for (int i = 0; i < n; i++) {
                out[outOff + r * n + i] = (float) (e[i] / sum);
            }
        }
    }

    @Override
    public void add(int length, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, Activation act) {
        TensorOps.checkAdd(length, a, aOff, b, bOff, out, outOff, act);
        for (int i = 0; i < length; i++) {
            out[outOff + i] = act.apply((float) ((double) a[aOff + i] + b[bOff + i]));
        }
    }

    @Override
    public void scaleChannels(int batch, int pixels, int c, float[] in, int inOff, float[] scale, int scaleOff, float[] out, int outOff) {
        TensorOps.checkScale(batch, pixels, c, in, inOff, scale, scaleOff, out, outOff);
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < pixels; p++) {
                int base = (n * pixels + p) * c;
                for (int ch = 0; ch < c; ch++) {
                    out[outOff + base + ch] = in[inOff + base + ch] * scale[scaleOff + n * c + ch];
                }
            }
        }
    }
}
