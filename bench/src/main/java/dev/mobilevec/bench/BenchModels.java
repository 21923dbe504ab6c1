package dev.mobilevec.bench;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.MobileNetV2;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.SeededWeights;
import java.util.SplittableRandom;

/**
 * The models the end-to-end benchmarks run, named "v1-ALPHA-RES" or "v2-ALPHA-RES", with seeded
 * weights (seed 42) and a seeded input (seed 7), so ours and ONNX Runtime see the same network and
 * the same numbers.
 */
final class BenchModels {
    static final long WEIGHT_SEED = 42, INPUT_SEED = 7;

    private BenchModels() {}

    static Architecture arch(String spec) {
        String[] p = spec.split("-");
        if (p.length != 3) {
            throw new IllegalArgumentException("model must be v1-ALPHA-RES or v2-ALPHA-RES, got '" + spec + "'");
        }
        double alpha = Double.parseDouble(p[1]);
        int res = Integer.parseInt(p[2]);
        return switch (p[0]) {
            case "v1" -> MobileNetV1.standard(alpha, res);
            case "v2" -> MobileNetV2.standard(alpha, res);
            default -> throw new IllegalArgumentException("unknown architecture '" + p[0] + "' in '" + spec + "'");
        };
    }

    static Model model(String spec) {
        Architecture a = arch(spec);
        return Model.create(a, SeededWeights.generate(a, WEIGHT_SEED), Backend.FAST);
    }

    /** batch x the input, uniform in [-1, 1); the same values read as NHWC (ours) or NCHW (ONNX Runtime). */
    static float[] input(Architecture a, int batch) {
        float[] x = new float[batch * a.inputLength()];
        SplittableRandom r = new SplittableRandom(INPUT_SEED);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** "all" means every available processor. */
    static int threads(String t) {
        return t.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(t);
    }
}
