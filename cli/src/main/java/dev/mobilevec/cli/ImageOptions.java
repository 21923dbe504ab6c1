package dev.mobilevec.cli;

import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import picocli.CommandLine.Option;

/** Preprocessing flags shared by classify and preprocess. */
final class ImageOptions {
    @Option(names = "--preprocess", paramLabel = "imagenet|inception|none", defaultValue = "imagenet",
            description = "Normalisation after ToTensor: imagenet (ImageNet mean and std), inception ([-1, 1]) or none ([0, 1]). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--resize", paramLabel = "N", description = "Resize the shorter side to N (Pillow's antialiased bilinear),"
            + " 0 to skip. Default: 256, or 256/224 of the model's input size for other sizes.")
    Integer resize;

    @Option(names = "--crop", paramLabel = "N", description = "Center crop to N x N, 0 to skip. Default: 224, or the model's input size.")
    Integer crop;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Refuse images whose header declares more pixels, before decoding. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    /** The preprocessing for a model taking side x side images (0 when unknown). */
    Preprocessing preprocessing(int side) {
        int c = crop != null ? crop : side > 0 ? side : 224;
        int r = resize != null ? resize : (int) Math.round(c * 256.0 / 224);
        return Preprocessing.preset(preset).withSizes(r, c);
    }
}
