package dev.mobilevec.spark;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.MobileNetV2;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Safetensors;
import dev.mobilevec.network.WeightSet;
import dev.mobilevec.onnx.OnnxImporter;
import java.io.Serializable;
import java.util.Locale;

/**
 * What a task needs to rebuild the model from its bytes: the file name (its extension picks ONNX or safetensors), the
 * bytes' SHA-256 (the cache key) and, for safetensors, the architecture. Small enough to travel in every closure; the
 * bytes themselves travel once per executor, in a broadcast.
 */
record ModelSpec(String name, String sha256, String architecture, double alpha, int resolution, int classes) implements Serializable {

    boolean isOnnx() {
        return !name.toLowerCase(Locale.ROOT).endsWith(".safetensors");
    }

    /** The content hash, and for safetensors the architecture the bytes are read with; not the file name. */
    String cacheKey() {
        return isOnnx() ? "onnx/" + sha256 : "safetensors/" + sha256 + "/" + architecture + "/" + alpha + "/" + resolution + "/" + classes;
    }

    /** Parses the bytes into a model on the fast backend; errors name the file. */
    Model build(byte[] bytes) {
        if (isOnnx()) {
            return OnnxImporter.parse(bytes, name).model(Backend.FAST);
        }
        WeightSet ws = Safetensors.parse(bytes, name);
        return Model.create(architecture(ws), ws, Backend.FAST);
    }

    /** The architecture of a safetensors file: the param, else the file's metadata, else v1; alpha likewise, else 1.0. */
    Architecture architecture(WeightSet ws) {
        String family = !architecture.isBlank() ? architecture.trim().toLowerCase(Locale.ROOT)
                : "mobilenet_v2".equals(ws.metadata().get("arch")) ? "v2" : "v1";
        double a = alpha;
        if (a <= 0) {
            String meta = ws.metadata().get("alpha");
            try {
                a = meta == null ? 1.0 : Double.parseDouble(meta);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": metadata alpha '" + meta + "' is not a number");
            }
        }
        return switch (family) {
            case "v1", "mobilenet_v1" -> new MobileNetV1(a, resolution, resolution, classes, dev.mobilevec.network.Padding.SYMMETRIC);
            case "v2", "mobilenet_v2" -> new MobileNetV2(a, resolution, resolution, classes);
            default -> throw new IllegalArgumentException("architecture must be v1 or v2 for a safetensors model, got '" + architecture + "'");
        };
    }
}
