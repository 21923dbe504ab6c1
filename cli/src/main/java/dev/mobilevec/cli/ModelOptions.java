package dev.mobilevec.cli;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.MobileNetV2;
import dev.mobilevec.network.Padding;
import picocli.CommandLine.Option;

/** The options that pick an architecture, shared by every subcommand. */
final class ModelOptions {
    @Option(names = "--alpha", description = "Width multiplier alpha > 0. Default: 1.0, or the weights file's.")
    Double alpha;

    @Option(names = "--resolution", defaultValue = "224", description = "Input size: R for R x R, or HxW (at least 32). Default: ${DEFAULT-VALUE}.")
    String resolution;

    @Option(names = "--classes", defaultValue = "1000", description = "Classifier outputs. Default: ${DEFAULT-VALUE}.")
    int classes;

    @Option(names = "--padding", defaultValue = "SYMMETRIC", description = "SYMMETRIC (PyTorch) or TF_SAME. Default: ${DEFAULT-VALUE}.")
    Padding padding;

    @Option(names = "--arch", description = "v1 (MobileNet v1) or v2 (MobileNetV2). Default: v1, or the weights file's.")
    String arch;

    Architecture arch(Double fileAlpha) {
        return arch(fileAlpha, null);
    }

    /** The architecture from the flags, falling back to a weights file's metadata, then to v1 1.0. */
    Architecture arch(Double fileAlpha, String fileArch) {
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
        String family = arch != null ? arch.trim().toLowerCase(java.util.Locale.ROOT)
                : "mobilenet_v2".equals(fileArch) ? "v2" : "v1";
        return switch (family) {
            case "v1", "mobilenet_v1" -> new MobileNetV1(a, h, w, classes, padding);
            case "v2", "mobilenet_v2" -> {
                if (padding != Padding.SYMMETRIC) {
                    throw new IllegalArgumentException("--padding " + padding + " applies to v1 only; MobileNetV2 pads symmetrically");
                }
                yield new MobileNetV2(a, h, w, classes);
            }
            default -> throw new IllegalArgumentException("--arch must be v1 or v2, got '" + arch + "'");
        };
    }
}
