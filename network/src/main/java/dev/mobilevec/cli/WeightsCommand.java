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
        description = "Writes seeded MobileNet v1 or v2 weights (--arch; unfolded, PyTorch names and layouts) to a safetensors file.")
final class WeightsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "F.safetensors", description = "File to write.")
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
