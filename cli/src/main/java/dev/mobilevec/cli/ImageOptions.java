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

    @Option(names = "--mean", paramLabel = "R,G,B", description = "Per-channel mean subtracted after ToTensor,"
            + " instead of the preset's. Default: the preset's (imagenet: 0.485,0.456,0.406).")
    String mean;

    @Option(names = "--std", paramLabel = "R,G,B", description = "Per-channel std divided by after that, instead"
            + " of the preset's. Default: the preset's (imagenet: 0.229,0.224,0.225).")
    String std;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Refuse images whose header declares more pixels, before decoding. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    /** The preprocessing for a model taking side x side images (0 when unknown). */
    Preprocessing preprocessing(int side) {
        int c = crop != null ? crop : side > 0 ? side : 224;
        int r = resize != null ? resize : (int) Math.round(c * 256.0 / 224);
        Preprocessing p = Preprocessing.preset(preset);
        return new Preprocessing(r, c, mean != null ? triple("--mean", mean) : p.mean(), std != null ? triple("--std", std) : p.std());
    }

    private static float[] triple(String flag, String v) {
        String[] parts = v.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(flag + " needs three comma-separated values (R,G,B), got '" + v + "'");
        }
        float[] f = new float[3];
        for (int i = 0; i < 3; i++) {
            try {
                f[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " value '" + parts[i].trim() + "' is not a number");
            }
        }
        return f;
    }
}
