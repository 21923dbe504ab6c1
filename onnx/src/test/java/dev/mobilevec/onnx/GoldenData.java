package dev.mobilevec.onnx;

import dev.mobilevec.network.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The models, inputs and PyTorch outputs in test-data/ (made by test-data/generate.py; see manifest.json). */
final class GoldenData {
    static final Path DIR = locate();

    record Case(String name, Path model, float[] inputNchw, int[] inputShape, float[] expected32, double[] expected64,
                int outputLength, List<Integer> top5, int opset) {
        @Override
        public String toString() {
            return name;
        }
    }

    private GoldenData() {}

    private static Path locate() {
        for (Path p : new Path[] {Path.of("test-data"), Path.of("../test-data")}) {
            if (Files.isRegularFile(p.resolve("manifest.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("test-data/manifest.json not found from " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        try {
            Map<String, Object> manifest = (Map<String, Object>) Json.parse(Files.readString(DIR.resolve("manifest.json")));
            Map<String, Object> models = (Map<String, Object>) manifest.get("models");
            List<Case> out = new ArrayList<>();
            for (var e : models.entrySet()) {
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                int[] shape = ((List<Object>) m.get("input_shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
                int outLen = ((List<Object>) m.get("output_shape")).stream().mapToInt(o -> ((Number) o).intValue()).reduce(1, (a, b) -> a * b);
                List<Integer> top5 = ((List<Object>) m.get("top5")).stream().map(o -> ((Number) o).intValue()).toList();
                out.add(new Case(e.getKey(), DIR.resolve((String) m.get("file")), floats(DIR.resolve((String) m.get("input"))), shape,
                        floats(DIR.resolve((String) m.get("expected_f32"))), doubles(DIR.resolve((String) m.get("expected_f64"))),
                        outLen, top5, ((Number) m.get("opset")).intValue()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    static double[] doubles(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(d);
        return d;
    }

    static float[] nchwToNhwc(float[] x, int n, int c, int h, int w) {
        float[] r = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < h * w; p++) {
                    r[(i * h * w + p) * c + ch] = x[(i * c + ch) * h * w + p];
                }
            }
        }
        return r;
    }

    /** Indices of the k largest values, largest first. */
    static List<Integer> topK(float[] v, int k) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Float.compare(v[b], v[a]));
        return idx.subList(0, k);
    }
}
