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
 * the same numbers; or one of {@link #TORCHVISION}, torchvision models that {@code bench/export_peers.py}
 * exports to {@code bench/models/NAME.onnx}, which both run from that file.
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

    /** torchvision models (224x224, 1000 classes, random weights, calibrated batch norm), from bench/export_peers.py. */
    static final java.util.Set<String> TORCHVISION = java.util.Set.of("mobilenet_v3_small", "mobilenet_v3_large", "mnasnet0_5", "mnasnet1_0");

    static Model model(String spec) {
        if (TORCHVISION.contains(spec)) {
            try {
                return dev.mobilevec.onnx.OnnxImporter.read(file(spec)).model(Backend.FAST);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Architecture a = arch(spec);
        return Model.create(a, SeededWeights.generate(a, WEIGHT_SEED), Backend.FAST);
    }

    /** The layer table of any model name the benchmarks take: a v1/v2 spec, or a torchvision file's (imported). */
    static Architecture anyArch(String spec) {
        return TORCHVISION.contains(spec) ? model(spec).arch() : arch(spec);
    }

    /**
     * The peer's settings in every benchmark that runs it: graph optimisation ALL, sequential execution, intra-op
     * threads as ours, one inter-op thread (the caller closes the options).
     */
    static ai.onnxruntime.OrtSession.SessionOptions ortOptions(int threads) throws ai.onnxruntime.OrtException {
        var o = new ai.onnxruntime.OrtSession.SessionOptions();
        o.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setExecutionMode(ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setIntraOpNumThreads(threads);
        o.setInterOpNumThreads(1);
        return o;
    }

    /** The ONNX graph ONNX Runtime runs: the exported file for torchvision models, else our seeded model exported. */
    static byte[] onnx(String spec, Model m) throws java.io.IOException {
        return TORCHVISION.contains(spec) ? java.nio.file.Files.readAllBytes(file(spec)) : dev.mobilevec.onnx.OnnxExporter.export(m);
    }

    /** bench/models/NAME.onnx from the repository root or from bench/ (JMH forks run where they were started). */
    static java.nio.file.Path file(String spec) {
        for (String dir : new String[] {"bench/models", "models", "../bench/models"}) {
            java.nio.file.Path p = java.nio.file.Path.of(dir, spec + ".onnx");
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException(spec + ".onnx not found in bench/models: run /usr/bin/python3 bench/export_peers.py first");
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
