package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import java.util.SplittableRandom;

/**
 * Deterministic weights from a seed, so the default run needs no files. Convolutions get He-scaled
 * normal weights (std sqrt(2 / fan_in)). Batch-norm statistics are not left at (0, 1): they are
 * calibrated the way training would leave them, from the layer's actual output on a seeded 64x64
 * calibration image (computed with the reference kernels, so every machine gets the same bits),
 * then perturbed, with gamma and beta drawn at random. Every BN parameter therefore changes the
 * result, and activations stay in ReLU6's working range through all 27 convolutions.
 * The weights do not depend on the input resolution.
 */
public final class SeededWeights {
    static final int CALIBRATION_SIZE = 64;

    private SeededWeights() {}

    public static WeightSet generate(MobileNetV1 arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        MobileNetV1 cal = new MobileNetV1(arch.alpha(), CALIBRATION_SIZE, CALIBRATION_SIZE, arch.classes(), arch.padding());
        WeightSet ws = new WeightSet();
        ws.putMetadata("format", "mobilevec-v1");
        ws.putMetadata("arch", "mobilenet_v1");
        ws.putMetadata("alpha", String.valueOf(arch.alpha()));
        ws.putMetadata("classes", String.valueOf(arch.classes()));
        ws.putMetadata("padding", arch.padding().name());
        ws.putMetadata("bn_eps", String.valueOf(Model.DEFAULT_BN_EPS));
        ws.putMetadata("seed", String.valueOf(seed));
        float[] x = new float[cal.inputLength()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (LayerDef l : cal.layers()) {
            ConvSpec s = l.conv();
            if (s == null) {
                continue;
            }
            if (l.type() == LayerType.FC) {
                ws.put(new Tensor("fc.weight", new int[] {s.outC(), s.inC()}, gaussian(rng, s.weightLength(), Math.sqrt(2.0 / s.inC()))));
                float[] b = new float[s.outC()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) (rng.nextDouble() * 0.2 - 0.1);
                }
                ws.put(new Tensor("fc.bias", new int[] {s.outC()}, b));
                continue;
            }
            int fanIn = s.kH() * s.kW() * s.inPerGroup(), c = s.outC();
            float[] oihw = gaussian(rng, s.weightLength(), Math.sqrt(2.0 / fanIn));
            ws.put(new Tensor(l.name() + ".weight", new int[] {c, s.inPerGroup(), s.kH(), s.kW()}, oihw));
            PreparedConv conv = ReferenceConv2d.INSTANCE.prepare(s, Model.toOhwi(oihw, s), null, Activation.NONE);
            float[] y = new float[s.outputLength(1)];
            conv.run(1, x, 0, y, 0);
            int pixels = y.length / c;
            float[] gamma = new float[c], beta = new float[c], mean = new float[c], var = new float[c];
            for (int ch = 0; ch < c; ch++) {
                double sum = 0, sq = 0;
                for (int p = 0; p < pixels; p++) {
                    double v = y[p * c + ch];
                    sum += v;
                    sq += v * v;
                }
                double m = sum / pixels, v = Math.max(sq / pixels - m * m, 1e-4);
                gamma[ch] = (float) (0.5 + rng.nextDouble());
                beta[ch] = (float) (rng.nextDouble() - 0.3);
                mean[ch] = (float) (m + 0.2 * Math.sqrt(v) * rng.nextGaussian());
                var[ch] = (float) (v * (0.7 + 0.7 * rng.nextDouble()));
            }
            String bn = l.name() + ".bn.";
            ws.put(new Tensor(bn + "weight", new int[] {c}, gamma));
            ws.put(new Tensor(bn + "bias", new int[] {c}, beta));
            ws.put(new Tensor(bn + "running_mean", new int[] {c}, mean));
            ws.put(new Tensor(bn + "running_var", new int[] {c}, var));
            // The next layer calibrates on this layer's real output: BN, then ReLU6.
            for (int i = 0; i < y.length; i++) {
                int ch = i % c;
                double z = gamma[ch] * (y[i] - mean[ch]) / Math.sqrt(var[ch] + Model.DEFAULT_BN_EPS) + beta[ch];
                y[i] = (float) Math.min(Math.max(z, 0), 6);
            }
            x = y;
        }
        return ws;
    }

    private static float[] gaussian(SplittableRandom rng, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
        return a;
    }
}
