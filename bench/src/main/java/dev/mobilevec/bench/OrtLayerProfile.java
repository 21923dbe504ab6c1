package dev.mobilevec.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.internal.Json;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ONNX Runtime's own time per graph node, to set beside the per-layer table of {@code ./mobilevec bench --model F}:
 * runs a model (a {@link BenchModels} name such as {@code v1-1.0-224} or {@code mnasnet1_0}) with ORT's profiler on
 * (same options as {@link OnnxRuntimeBenchmark}), and prints the median microseconds of every node over the runs,
 * in graph order, and their sum. The profiler adds its own overhead to every node, so these times flatter ORT's
 * side a little; compare shapes of the two tables, not single microseconds. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.mobilevec.bench.OrtLayerProfile MODEL [THREADS] [RUNS]}.
 */
public final class OrtLayerProfile {
    private OrtLayerProfile() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: OrtLayerProfile MODEL [THREADS] [RUNS]  (MODEL: v1-1.0-224, v2-1.0-224 or a bench/models name)");
            System.exit(2);
        }
        String spec = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1, runs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        if (threads < 1 || runs < 1) {
            throw new IllegalArgumentException("threads and runs must be >= 1, got " + threads + " and " + runs);
        }
        Model m = BenchModels.model(spec);
        Path dir = Files.createTempDirectory("ort-profile");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String file;
        try (OrtSession.SessionOptions o = BenchModels.ortOptions(threads)) {
            o.enableProfiling(dir.resolve("ort").toString());
            try (OrtSession s = env.createSession(BenchModels.onnx(spec, m), o)) {
                var a = m.arch();
                try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(BenchModels.input(a, 1)),
                        new long[] {1, a.inputChannels(), a.height(), a.width()})) {
                    Map<String, OnnxTensor> feed = Map.of(s.getInputNames().iterator().next(), x);
                    for (int i = 0; i < runs; i++) {
                        if (i % Math.max(1, runs / 10) == 0) {
                            System.err.printf(Locale.ROOT, "\rrun %d/%d", i + 1, runs);
                        }
                        s.run(feed).close();
                    }
                    System.err.println();
                }
                file = s.endProfiling();
            }
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, String> ops = new LinkedHashMap<>();
        for (Object e : (List<?>) Json.parse(Files.readString(Path.of(file)))) {
            Map<?, ?> ev = (Map<?, ?>) e;
            String name = String.valueOf(ev.get("name"));
            if (!"Node".equals(ev.get("cat")) || !name.endsWith("_kernel_time")) {
                continue;
            }
            String node = name.substring(0, name.length() - "_kernel_time".length());
            times.computeIfAbsent(node, k -> new ArrayList<>()).add(((Number) ev.get("dur")).longValue());
            Object args0 = ev.get("args");
            ops.putIfAbsent(node, args0 instanceof Map<?, ?> am ? String.valueOf(am.get("op_name")) : "?");
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime, %s, %d thread(s), median of %d runs per node (us):%n", spec, threads, runs);
        long sum = 0;
        for (var en : times.entrySet()) {
            List<Long> t = en.getValue();
            Collections.sort(t);
            long med = t.get(t.size() / 2);
            sum += med;
            System.out.printf(Locale.ROOT, "%8d  %-18s %s%n", med, ops.get(en.getKey()), en.getKey());
        }
        System.out.printf(Locale.ROOT, "%8d  sum of node medians (profiler overhead included)%n", sum);
        Files.deleteIfExists(Path.of(file));
        Files.deleteIfExists(dir);
    }
}
