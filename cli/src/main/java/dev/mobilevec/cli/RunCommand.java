package dev.mobilevec.cli;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs a network on raw float32 input and writes its raw float32 output.",
        description = "Reads little-endian float32 images from a file, runs the network and writes its little-endian float32"
            + " output: softmax probabilities (batch x classes) for the built-in v1 and v2; with --model, exactly the graph's"
            + " declared output (logits if it ends in Gemm, probabilities if it ends in Softmax).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    WeightOptions weightOptions = new WeightOptions();

    @Option(names = "--input", required = true, paramLabel = "in.raw", description = "The input file: batch images of C x H x W float32, little-endian, in the --layout order. Required.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "out.raw", description = "Where to write batch x outputs float32, little-endian. Required.")
    Path output;

    @Option(names = "--layout", description = "Layout of the input file: nhwc or nchw. Default: nchw with --model (as ONNX declares), else nhwc.")
    String layout;

    @Option(names = "--batch", defaultValue = "1", description = "Images in the input file. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--threads", defaultValue = "0", description = "Threads, the caller's included. Default: 0, meaning all available processors.")
    int threads;

    @Option(names = "--backend", defaultValue = "FAST", description = "FAST (vector kernels) or REFERENCE (scalar, double). Default: ${DEFAULT-VALUE}.")
    Backend backend;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String layoutName = layout != null ? layout : weightOptions.model != null ? "nchw" : "nhwc";
        Layout lay = switch (layoutName.toLowerCase(java.util.Locale.ROOT)) {
            case "nhwc" -> Layout.NHWC;
            case "nchw" -> Layout.NCHW;
            default -> throw new IllegalArgumentException("--layout must be nhwc or nchw, got '" + layout + "'");
        };
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file " + input + " does not exist or is not a file");
        }
        WeightOptions.Loaded loaded = weightOptions.load(model);
        Model m = loaded.model(backend);
        long expectedBytes = 4L * batch * m.arch().inputLength();
        long actual = Files.size(input);
        if (actual != expectedBytes) {
            String shape = lay == Layout.NCHW ? m.arch().inputChannels() + "x" + m.arch().height() + "x" + m.arch().width()
                    : m.arch().height() + "x" + m.arch().width() + "x" + m.arch().inputChannels();
            throw new IllegalArgumentException("input " + input + " has " + actual + " bytes; batch " + batch + " x "
                    + shape + " (" + layoutName + ") float32 needs " + expectedBytes + " bytes");
        }
        float[] in = BatchBuffers.floats("the input", batch, m.arch().inputLength());
        RawFloats.read(input, in);
        float[] probs = BatchBuffers.floats("the output", batch, m.outputLength());
        try (Session s = m.newSession(batch, t)) {
            s.run(in, 0, lay, probs, 0, null);
        }
        RawFloats.write(output, probs);
        spec.commandLine().getOut().printf("wrote %d x %d float32 outputs to %s (%s, %s)%n", batch, m.outputLength(), output, m.arch(), loaded.source());
        return 0;
    }
}
