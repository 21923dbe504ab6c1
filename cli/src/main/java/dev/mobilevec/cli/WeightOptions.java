package dev.mobilevec.cli;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Safetensors;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.WeightSet;
import dev.mobilevec.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the network comes from: an ONNX model, a safetensors weights file, or a seed. */
final class WeightOptions {
    @Option(names = "--model", paramLabel = "F.onnx",
            description = "An ONNX model (MobileNet v1, v2 or v3 style; README lists the supported ops). Replaces --arch, --alpha,"
                + " --resolution and --weights. Default: none (the built-in architecture).")
    Path model;

    @Option(names = "--weights", paramLabel = "FILE", description = "Weights file (safetensors, F32; README lists the tensor names). Default: none (seeded weights, see --seed).")
    Path weights;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for generated weights when no --weights is given. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The architecture and a way to build it on either backend. */
    record Loaded(Architecture arch, java.util.function.Function<Backend, Model> factory, String source) {
        Model model(Backend b) {
            return factory.apply(b);
        }
    }

    Loaded load(ModelOptions m) throws IOException {
        if (model != null) {
            if (weights != null) {
                throw new IllegalArgumentException("--model and --weights exclude each other (an ONNX file carries its weights)");
            }
            if (m.arch != null || m.alpha != null || !"224".equals(m.resolution)) {
                throw new IllegalArgumentException("--model takes its architecture and input size from the file; drop --arch, --alpha and --resolution");
            }
            OnnxImporter.Imported imp = OnnxImporter.read(model);
            return new Loaded(imp.arch(), imp::model, model + " (ONNX opset " + imp.opset() + ")");
        }
        if (weights == null) {
            Architecture arch = m.arch(null);
            WeightSet ws = SeededWeights.generate(arch, seed);
            return new Loaded(arch, b -> Model.create(arch, ws, b), "seeded weights (seed " + seed + ")");
        }
        if (!Files.isRegularFile(weights)) {
            throw new IllegalArgumentException("weights file " + weights + " does not exist or is not a file");
        }
        WeightSet ws = Safetensors.read(weights);
        Double fileAlpha = null;
        String a = ws.metadata().get("alpha");
        if (a != null) {
            try {
                fileAlpha = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(weights + ": metadata alpha '" + a + "' is not a number");
            }
        }
        Architecture arch = m.arch(fileAlpha, ws.metadata().get("arch"));
        return new Loaded(arch, b -> Model.create(arch, ws, b), weights.toString());
    }
}
