package dev.mobilevec.cli;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Safetensors;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.WeightSet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "weights", mixinStandardHelpOptions = true,
        header = "Writes seeded MobileNet v1 or v2 weights to a safetensors file.",
        description = "Writes seeded MobileNet v1 or v2 weights (--arch) to a safetensors file: unfolded batch norm, PyTorch's"
            + " tensor names and layouts, so the file loads with --weights or in PyTorch.")
final class WeightsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "F.safetensors", description = "File to write. Required.")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Architecture arch = model.arch(null);
        WeightSet ws = SeededWeights.generate(arch, seed);
        Safetensors.write(output, ws);
        spec.commandLine().getOut().printf("wrote %d tensors of %s (seed %d) to %s%n", ws.tensors().size(), arch, seed, output);
        return 0;
    }
}
