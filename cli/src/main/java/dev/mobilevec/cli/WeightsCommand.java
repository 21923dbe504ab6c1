package dev.mobilevec.cli;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Safetensors;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.WeightSet;
import dev.mobilevec.onnx.OnnxExporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "weights", mixinStandardHelpOptions = true,
        header = "Writes seeded MobileNet v1 or v2 weights to a safetensors or ONNX file.",
        description = "Writes seeded MobileNet v1 or v2 weights (--arch) to a safetensors file: unfolded batch norm, PyTorch's"
            + " tensor names and layouts, so the file loads with --weights or in PyTorch. With an output name ending in .onnx,"
            + " writes the whole network as an ONNX graph instead (batch norm folded, opset 17), for classify, --model,"
            + " ONNX Runtime or the Spark job.")
final class WeightsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "F.safetensors|F.onnx", description = "File to write. Required.")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Architecture arch = model.arch(null);
        WeightSet ws = SeededWeights.generate(arch, seed);
        if (output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            java.nio.file.Files.write(output, OnnxExporter.export(Model.create(arch, ws, Backend.REFERENCE)));
            spec.commandLine().getOut().printf("wrote %s (seed %d) as ONNX to %s%n", arch, seed, output);
            return 0;
        }
        Safetensors.write(output, ws);
        spec.commandLine().getOut().printf("wrote %d tensors of %s (seed %d) to %s%n", ws.tensors().size(), arch, seed, output);
        return 0;
    }
}
