package dev.mobilevec.network;

import dev.mobilevec.kernels.ReferenceTensorOps;
import dev.mobilevec.kernels.TensorOps;
import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic weights from a seed, so the default run needs no files. Convolutions get He-scaled
 * normal weights (std sqrt(2 / fan_in)). Batch-norm statistics are not left at (0, 1): they are
 * calibrated the way training would leave them, from the layer's actual output on a seeded 64x64
 * calibration image (computed with the reference kernels, so every machine gets the same bits),
 * then perturbed, with gamma and beta drawn at random. Every BN parameter therefore changes the
 * result, and activations stay in the working range of ReLU6 through every layer. Residual
 * networks are calibrated along the graph (adds included). The weights do not depend on the input
 * resolution.
 */
public final class SeededWeights {
    static final int CALIBRATION_SIZE = 64;

    private SeededWeights() {}

    public static WeightSet generate(Architecture arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Architecture cal = arch.withInput(CALIBRATION_SIZE, CALIBRATION_SIZE);
        WeightSet ws = new WeightSet();
        ws.putMetadata("format", "mobilevec-v1");
        ws.putMetadata("arch", arch.family());
        if (arch instanceof MobileNetV1 v1) {
            ws.putMetadata("alpha", String.valueOf(v1.alpha()));
            ws.putMetadata("classes", String.valueOf(v1.classes()));
            ws.putMetadata("padding", v1.padding().name());
        } else if (arch instanceof MobileNetV2 v2) {
            ws.putMetadata("alpha", String.valueOf(v2.alpha()));
            ws.putMetadata("classes", String.valueOf(v2.classes()));
        }
        ws.putMetadata("bn_eps", String.valueOf(Model.DEFAULT_BN_EPS));
        ws.putMetadata("seed", String.valueOf(seed));
        float[] x = new float[cal.inputLength()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        List<LayerDef> layers = cal.layers();
        float[][] outputs = new float[layers.size()][];
        TensorOps ops = ReferenceTensorOps.INSTANCE;
        for (LayerDef l : layers) {
            float[] in = l.input() < 0 ? x : outputs[l.input()];
            ConvSpec s = l.conv();
            float[] y;
            switch (l.type()) {
                case FC -> {
                    float[] w = gaussian(rng, s.weightLength(), Math.sqrt(2.0 / s.inC()));
                    float[] b = new float[s.outC()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (float) (rng.nextDouble() * 0.2 - 0.1);
                    }
                    ws.put(new Tensor(l.name() + ".weight", new int[] {s.outC(), s.inC()}, w));
                    ws.put(new Tensor(l.name() + ".bias", new int[] {s.outC()}, b));
                    y = new float[s.outputLength(1)];
                    ReferenceConv2d.INSTANCE.prepare(s, w, b, l.activation()).run(1, in, 0, y, 0);
                }
                case CONV3X3, DEPTHWISE, POINTWISE -> y = calibratedConv(rng, ws, l, in);
                case ADD -> {
                    y = new float[l.outputLength()];
                    ops.add(y.length, in, 0, outputs[l.input2()], 0, y, 0, l.activation());
                }
                case SCALE -> {
                    y = new float[l.outputLength()];
                    ops.scaleChannels(1, l.inH() * l.inW(), l.inC(), in, 0, outputs[l.input2()], 0, y, 0);
                }
                case AVGPOOL -> {
                    y = new float[l.outputLength()];
                    ops.globalAveragePool(1, l.inH(), l.inW(), l.inC(), in, 0, y, 0);
                }
                case SOFTMAX -> y = in;
                default -> throw new IllegalStateException(l.type().toString());
            }
            outputs[l.index()] = y;
        }
        return ws;
    }

    /** Weights for a conv + BN layer, BN statistics from its output on {@code in}; returns BN + activation of it. */
    private static float[] calibratedConv(SplittableRandom rng, WeightSet ws, LayerDef l, float[] in) {
        ConvSpec s = l.conv();
        int fanIn = s.kH() * s.kW() * s.inPerGroup(), c = s.outC();
        float[] oihw = gaussian(rng, s.weightLength(), Math.sqrt(2.0 / fanIn));
        ws.put(new Tensor(l.name() + ".weight", new int[] {c, s.inPerGroup(), s.kH(), s.kW()}, oihw));
        PreparedConv conv = ReferenceConv2d.INSTANCE.prepare(s, Model.toOhwi(oihw, s), null, Activation.NONE);
        float[] y = new float[s.outputLength(1)];
        conv.run(1, in, 0, y, 0);
        int pixels = y.length / c;
        float[] gamma = new float[c], beta = new float[c], mean = new float[c], var = new float[c];
        // A linear layer (no activation: MobileNetV2's projections) gets beta around 0, not shifted into ReLU's range.
        double betaShift = l.activation() == Activation.NONE ? 0.5 : 0.3;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0, sq = 0;
            for (int p = 0; p < pixels; p++) {
                double v = y[p * c + ch];
                sum += v;
                sq += v * v;
            }
            double m = sum / pixels, v = Math.max(sq / pixels - m * m, 1e-4);
            gamma[ch] = (float) (0.5 + rng.nextDouble());
            beta[ch] = (float) (rng.nextDouble() - betaShift);
            mean[ch] = (float) (m + 0.2 * Math.sqrt(v) * rng.nextGaussian());
            var[ch] = (float) (v * (0.7 + 0.7 * rng.nextDouble()));
        }
        String bn = l.name() + ".bn.";
        ws.put(new Tensor(bn + "weight", new int[] {c}, gamma));
        ws.put(new Tensor(bn + "bias", new int[] {c}, beta));
        ws.put(new Tensor(bn + "running_mean", new int[] {c}, mean));
        ws.put(new Tensor(bn + "running_var", new int[] {c}, var));
        // The next layer calibrates on this layer's real output: BN, then the activation.
        for (int i = 0; i < y.length; i++) {
            int ch = i % c;
            double z = gamma[ch] * (y[i] - mean[ch]) / Math.sqrt(var[ch] + Model.DEFAULT_BN_EPS) + beta[ch];
            y[i] = l.activation().apply((float) z);
        }
        return y;
    }

    private static float[] gaussian(SplittableRandom rng, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
        return a;
    }
}
