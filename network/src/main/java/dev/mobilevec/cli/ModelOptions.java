package dev.mobilevec.cli;

import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.Padding;
import picocli.CommandLine.Option;

/** The options that pick an architecture, shared by every subcommand. */
final class ModelOptions {
    @Option(names = "--alpha", description = "Width multiplier alpha > 0 (default: ${DEFAULT-VALUE}, or the weights file's).")
    Double alpha;

    @Option(names = "--resolution", defaultValue = "224", description = "Input size: R for R x R, or HxW (at least 32). Default: ${DEFAULT-VALUE}.")
    String resolution;

    @Option(names = "--classes", defaultValue = "1000", description = "Classifier outputs. Default: ${DEFAULT-VALUE}.")
    int classes;

    @Option(names = "--padding", defaultValue = "SYMMETRIC", description = "SYMMETRIC (PyTorch) or TF_SAME. Default: ${DEFAULT-VALUE}.")
    Padding padding;

    MobileNetV1 arch(Double fileAlpha) {
        double a = alpha != null ? alpha : fileAlpha != null ? fileAlpha : 1.0;
        int h, w;
        try {
            String r = resolution.trim().toLowerCase(java.util.Locale.ROOT);
            int x = r.indexOf('x');
            h = Integer.parseInt(x < 0 ? r : r.substring(0, x));
            w = Integer.parseInt(x < 0 ? r : r.substring(x + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--resolution must be R or HxW, got '" + resolution + "'");
        }
        return new MobileNetV1(a, h, w, classes, padding);
    }
}
