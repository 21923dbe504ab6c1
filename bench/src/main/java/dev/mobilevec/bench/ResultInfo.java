package dev.mobilevec.bench;

import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.MachineFingerprint;
import dev.mobilevec.network.internal.Json;
import dev.mobilevec.onnx.OnnxImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a result folder's {@code info.json}: the machine fingerprint (measured in this JVM, so run it
 * with the same JVM flags as the benchmarks), the suite's version, and the FLOPs of every model and layer
 * the folder's JMH files name, so the folder can be read anywhere without this repository
 * ({@code bench/compare.py}, {@code bench/report.py}).
 *
 * <p>{@code java -cp benchmarks.jar dev.mobilevec.bench.ResultInfo DIR [THREADS...]}
 */
public final class ResultInfo {
    public static final String SCHEMA = "mobilevec-results/1";

    private ResultInfo() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ResultInfo RESULT_DIR [THREAD_COUNTS...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Object> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            threads.add(args[i].matches("\\d+") ? (Object) Integer.parseInt(args[i]) : args[i]);
        }
        TreeSet<String> models = new TreeSet<>(), layers = new TreeSet<>();
        List<String[]> dw5 = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("info.json")).toList()) {
                // JMH result files are lists; ./mobilevec bench --json tables (network-*.json) are objects: skipped.
                if (!(Json.parse(Files.readString(f)) instanceof List<?> list)) {
                    continue;
                }
                for (Object o : list) {
                    Map<?, ?> r = (Map<?, ?>) o, params = (Map<?, ?>) ((Map<?, ?>) o).get("params");
                    if (params == null) {
                        continue;
                    }
                    String bench = String.valueOf(r.get("benchmark"));
                    if (params.get("model") != null) {
                        models.add(String.valueOf(params.get("model")));
                    }
                    if (params.get("layer") != null) {
                        layers.add(params.get("layer") + "@" + params.get("alpha") + "-" + params.get("resolution"));
                    }
                    if (bench.endsWith("Depthwise5x5Benchmark.run")) {
                        dw5.add(new String[] {String.valueOf(params.get("onnx")), String.valueOf(params.get("index"))});
                    }
                }
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("schema", SCHEMA);
        info.put("suite_version", MachineFingerprint.mobilevecVersion());
        info.put("fingerprint", MachineFingerprint.collect(threads.isEmpty() ? null : threads, true));
        Map<String, Object> m = new LinkedHashMap<>();
        for (String spec : models) {
            long flops = BenchModels.anyArch(spec).layers().stream().mapToLong(LayerDef::flops).sum();
            m.put(spec, Map.of("mflop_per_image", flops / 1e6));
        }
        info.put("models", m);
        Map<String, Object> l = new LinkedHashMap<>();
        for (String key : layers) {
            String layer = key.substring(0, key.indexOf('@')), variant = key.substring(key.indexOf('@') + 1);
            String arch = layer.substring(0, layer.indexOf('/')), name = layer.substring(layer.indexOf('/') + 1);
            String alpha = variant.substring(0, variant.indexOf('-')), res = variant.substring(variant.indexOf('-') + 1);
            BenchModels.arch(arch + "-" + alpha + "-" + res).layers().stream().filter(d -> d.name().equals(name)).findFirst()
                    .ifPresent(d -> l.put(layer, describe(d)));
        }
        for (String[] d : dw5) {
            try {
                List<LayerDef> five = OnnxImporter.read(Path.of(d[0])).arch().layers().stream()
                        .filter(x -> x.conv() != null && x.conv().isDepthwise() && x.conv().kH() == 5).toList();
                l.put("dw5x5#" + d[1], describe(five.get(Integer.parseInt(d[1]))));
            } catch (Exception e) {
                l.put("dw5x5#" + d[1], Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        info.put("layers", l);
        Files.writeString(dir.resolve("info.json"), Json.write(info) + "\n");
        System.err.println("wrote " + dir.resolve("info.json") + ": " + MachineFingerprint.summary(
                (Map<String, Object>) info.get("fingerprint")));
    }

    private static Map<String, Object> describe(LayerDef d) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", d.label());
        x.put("mflop", d.flops() / 1e6);
        x.put("in", d.inH() + "x" + d.inW() + "x" + d.inC());
        x.put("out", d.outShape());
        x.put("cin", d.inC());
        x.put("stride", d.conv() == null ? 1 : d.conv().strideH());
        return x;
    }
}
