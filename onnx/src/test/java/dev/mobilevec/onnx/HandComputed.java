package dev.mobilevec.onnx;

import dev.mobilevec.onnx.proto.OnnxSubset.GraphProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorProto;
import java.nio.ByteOrder;

/**
 * OnnxImporterTest's sample graph evaluated straight from its initializers in double, NCHW, with
 * textbook loops and no code of the importer or the kernels: what the graph means.
 */
final class HandComputed {
    private HandComputed() {}

    static double[] t(GraphProto g, String name) {
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().equals(name)) {
                var fb = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                double[] d = new double[fb.remaining()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = fb.get(i);
                }
                return d;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** NCHW conv with OIHW weights, groups, stride, symmetric pad. */
    static double[] conv(double[] x, int cin, int h, int w, double[] wt, double[] bias, int cout, int k, int stride, int pad, int groups) {
        int oh = (h + 2 * pad - k) / stride + 1, ow = (w + 2 * pad - k) / stride + 1, ipg = cin / groups, opg = cout / groups;
        double[] y = new double[cout * oh * ow];
        for (int co = 0; co < cout; co++) {
            int g = co / opg;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double acc = bias == null ? 0 : bias[co];
                    for (int ci = 0; ci < ipg; ci++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    acc += wt[((co * ipg + ci) * k + ky) * k + kx] * x[((g * ipg + ci) * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                    y[(co * oh + oy) * ow + ox] = acc;
                }
            }
        }
        return y;
    }

    static double[] sample(GraphProto g, float[] xf, int h, int w, int c, int classes) {
        double[] x = new double[xf.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = xf[i];
        }
        double[] a0 = conv(x, 3, h, w, t(g, "w0"), null, c, 3, 2, 1, 1);
        int oh = (h + 2 - 3) / 2 + 1, ow = (w + 2 - 3) / 2 + 1, hw = oh * ow;
        double[] gamma = t(g, "g"), beta = t(g, "b"), mean = t(g, "m"), var = t(g, "v");
        for (int i = 0; i < a0.length; i++) {
            int ch = i / hw;
            double z = gamma[ch] * (a0[i] - mean[ch]) / Math.sqrt(var[ch] + 1e-3f) + beta[ch];
            a0[i] = Math.min(Math.max(z, 0), 6);
        }
        double[] a1 = conv(a0, c, oh, ow, t(g, "wd"), t(g, "bd"), c, 3, 1, 1, c);
        for (int i = 0; i < a1.length; i++) {
            a1[i] = Math.max(a1[i], 0);
        }
        double[] s = conv(a1, c, oh, ow, t(g, "wp"), null, c, 1, 1, 0, 1);
        double[] pooled = new double[c];
        for (int i = 0; i < s.length; i++) {
            double v = s[i] + a0[i];
            double hs = v * Math.min(Math.max(v / 6 + 0.5, 0), 1);
            pooled[i / hw] += hs / hw;
        }
        double[] wf = t(g, "wf"), bf = t(g, "bf"), z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < classes; o++) {
            z[o] = bf[o];
            for (int i = 0; i < c; i++) {
                z[o] += wf[o * c + i] * pooled[i];
            }
            max = Math.max(max, z[o]);
        }
        double sum = 0;
        for (int o = 0; o < classes; o++) {
            z[o] = Math.exp(z[o] - max);
            sum += z[o];
        }
        for (int o = 0; o < classes; o++) {
            z[o] /= sum;
        }
        return z;
    }
}
