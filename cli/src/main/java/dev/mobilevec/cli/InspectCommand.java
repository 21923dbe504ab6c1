package dev.mobilevec.cli;

import dev.mobilevec.network.CostModel;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.onnx.OnnxImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Imports an ONNX model and prints the layer table it maps to.",
        description = "Imports an ONNX model and prints the layer table it maps to (fused batch norm and activations, kernels,"
            + " shapes) with multiply-adds and parameters per layer. An unsupported graph fails naming the node, op and reason.")
final class InspectCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "F.onnx", description = "The ONNX model. Required.")
    Path model;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OnnxImporter.Imported imp = OnnxImporter.read(model);
        var out = spec.commandLine().getOut();
        out.print(OnnxImporter.describe(imp));
        List<LayerDef> layers = imp.arch().layers();
        out.print(CostModel.table(layers));
        out.printf(Locale.ROOT, "%nlayer   reads            activation%n");
        for (LayerDef l : layers) {
            String reads = (l.input() < 0 ? "input" : "#" + l.input()) + (l.input2() >= 0 ? ", #" + l.input2() : "");
            out.printf(Locale.ROOT, "#%-6d %-16s %s%n", l.index(), reads, l.activation());
        }
        return 0;
    }
}
