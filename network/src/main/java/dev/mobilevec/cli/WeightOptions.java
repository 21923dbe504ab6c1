package dev.mobilevec.cli;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Safetensors;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.WeightSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the weights come from: a safetensors file, or a seed. */
final class WeightOptions {
    @Option(names = "--weights", paramLabel = "F.safetensors", description = "Weights file (safetensors, F32; names in README).")
    Path weights;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for generated weights when no --weights is given. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Loaded weights and the architecture they fit. */
    record Loaded(Architecture arch, WeightSet weights, String source) {
        Model model(Backend b) {
            return Model.create(arch, weights, b);
        }
    }

    Loaded load(ModelOptions m) throws IOException {
        if (weights == null) {
            Architecture arch = m.arch(null);
            return new Loaded(arch, SeededWeights.generate(arch, seed), "seeded weights (seed " + seed + ")");
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
        return new Loaded(m.arch(fileAlpha, ws.metadata().get("arch")), ws, weights.toString());
    }
}
