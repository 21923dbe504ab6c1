package dev.mobilevec.cli;

import dev.mobilevec.network.Layout;
import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preprocess", mixinStandardHelpOptions = true,
        header = "Writes the float32 tensor the classifier would see for an image.",
        description = "Decodes an image (JPEG, PNG, BMP, GIF; converted to RGB as Pillow does), resizes and crops it as"
            + " torchvision's Resize and CenterCrop do on Pillow images, then ToTensor and Normalize, and writes the"
            + " tensor as little-endian float32 (1 x 3 x H x W, or 1 x H x W x 3 with --layout nhwc).")
final class PreprocessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image file. Required.")
    Path image;

    @Option(names = "--output", required = true, paramLabel = "x.f32", description = "Where to write the tensor. Required.")
    Path output;

    @Option(names = "--layout", defaultValue = "nchw", paramLabel = "nchw|nhwc", description = "Tensor layout. Default: ${DEFAULT-VALUE}.")
    String layout;

    @Mixin
    ImageOptions options = new ImageOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Layout l = switch (layout.toLowerCase(Locale.ROOT)) {
            case "nchw" -> Layout.NCHW;
            case "nhwc" -> Layout.NHWC;
            default -> throw new IllegalArgumentException("--layout must be nchw or nhwc, got '" + layout + "'");
        };
        Preprocessing p = options.preprocessing(0);
        dev.mobilevec.network.image.RgbImage img = p.resizeAndCrop(new ImageDecoder(options.maxPixels).decode(image));
        float[] t = p.toTensor(img, l);
        RawFloats.write(output, t);
        String dims = l == Layout.NCHW ? "1x3x" + img.height() + "x" + img.width() : "1x" + img.height() + "x" + img.width() + "x3";
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d floats (%s, %s) -> %s%n", image, t.length, dims, p, output);
        return 0;
    }
}
