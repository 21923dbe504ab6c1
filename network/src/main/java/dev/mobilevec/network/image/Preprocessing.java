package dev.mobilevec.network.image;

import dev.mobilevec.network.Layout;
import java.util.Arrays;

/**
 * torchvision's standard evaluation transform on PIL images, bit for bit:
 * {@code Resize(resize)} of the shorter side (Pillow's antialiased bilinear, {@link PillowResample}),
 * {@code CenterCrop(crop)}, {@code ToTensor()} and {@code Normalize(mean, std)}.
 *
 * <ul>
 *   <li>Resize: the shorter side becomes {@code resize}, the longer {@code (int) (resize * long / short)}
 *       (truncated, as torchvision's {@code int()}).
 *   <li>CenterCrop: offsets {@code round((size - crop) / 2)} with Python's round half to even; an image
 *       smaller than the crop is first padded with zeros, {@code (crop - size) / 2} before and the rest after.
 *   <li>ToTensor and Normalize: {@code (x / 255f - mean) / std}, three float32 operations, as torch does them.
 * </ul>
 *
 * @param resize the shorter side after resizing (0: no resize)
 * @param crop   the side of the center crop (0: no crop)
 * @param mean   per channel (R, G, B), subtracted after scaling to [0, 1]
 * @param std    per channel, divided by after that
 */
public record Preprocessing(int resize, int crop, float[] mean, float[] std) {
    /** ImageNet models (torchvision's weights): 256, 224, ImageNet mean and std. */
    public static final Preprocessing IMAGENET = new Preprocessing(256, 224,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    /** Inception-style models that take [-1, 1]: mean 0.5 and std 0.5, same sizes as IMAGENET. */
    public static final Preprocessing INCEPTION = new Preprocessing(256, 224,
            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    /** ToTensor only: [0, 1], same sizes as IMAGENET. */
    public static final Preprocessing NONE = new Preprocessing(256, 224, new float[] {0, 0, 0}, new float[] {1, 1, 1});

    public Preprocessing {
        if (resize < 0 || crop < 0) {
            throw new IllegalArgumentException("resize and crop must be >= 0 (0 = skip), got " + resize + ", " + crop);
        }
        if (mean == null || std == null || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (R, G, B), got "
                    + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
        }
        for (int c = 0; c < 3; c++) {
            if (!Float.isFinite(mean[c]) || !Float.isFinite(std[c]) || std[c] == 0) {
                throw new IllegalArgumentException("mean must be finite and std finite and non-zero, got mean "
                        + Arrays.toString(mean) + ", std " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The same normalisation with other sizes. */
    public Preprocessing withSizes(int resize, int crop) {
        return new Preprocessing(resize, crop, mean, std);
    }

    /** A preset by name: imagenet, inception or none. */
    public static Preprocessing preset(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "imagenet" -> IMAGENET;
            case "inception" -> INCEPTION;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown preprocessing preset '" + name + "' (expected imagenet, inception or none)");
        };
    }

    /**
     * Resize and crop: the uint8 pixels the tensor is made of (equal to Pillow's). Only the part of the
     * resized image that the crop keeps is computed ({@link PillowResample#region}).
     */
    public RgbImage resizeAndCrop(RgbImage img) {
        int w = img.width(), h = img.height(), rw = w, rh = h;
        if (resize > 0) {
            int shortSide = Math.min(w, h), longSide = Math.max(w, h);
            long newLong = (long) ((double) ((long) resize * longSide) / shortSide);
            if (newLong < 1 || newLong > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("resizing " + w + "x" + h + " to a shorter side of " + resize
                        + " gives a longer side of " + newLong);
            }
            rw = w <= h ? resize : (int) newLong;
            rh = w <= h ? (int) newLong : resize;
        }
        if (crop == 0) {
            return PillowResample.resize(img, rw, rh);
        }
        // torchvision's CenterCrop: zero padding when the (resized) image is smaller than the crop, then
        // offsets round((size - crop) / 2), Python's round half to even.
        int padL = crop > rw ? (crop - rw) / 2 : 0, padT = crop > rh ? (crop - rh) / 2 : 0;
        int pw = Math.max(rw, crop), ph = Math.max(rh, crop);
        int top = (int) Math.rint((ph - crop) / 2.0), left = (int) Math.rint((pw - crop) / 2.0);
        // The window of the resized image inside the crop.
        int xs = Math.max(0, left - padL), xe = Math.min(rw, left + crop - padL);
        int ys = Math.max(0, top - padT), ye = Math.min(rh, top + crop - padT);
        RgbImage part = PillowResample.region(img, rw, rh, xs, ys, xe - xs, ye - ys);
        if (part.width() == crop && part.height() == crop) {
            return part;
        }
        byte[] out = new byte[3 * crop * crop];
        int dx = xs + padL - left, dy = ys + padT - top;
        for (int y = 0; y < part.height(); y++) {
            System.arraycopy(part.rgb(), y * part.width() * 3, out, ((y + dy) * crop + dx) * 3, part.width() * 3);
        }
        return new RgbImage(crop, crop, out);
    }

    /** The float32 tensor of an already resized and cropped image, 1 x 3 x H x W (NCHW) or 1 x H x W x 3 (NHWC). */
    public float[] toTensor(RgbImage img, Layout layout) {
        int hw = img.width() * img.height();
        float[] t = new float[3 * hw];
        byte[] px = img.rgb();
        for (int p = 0; p < hw; p++) {
            for (int c = 0; c < 3; c++) {
                float v = ((px[p * 3 + c] & 0xff) / 255f - mean[c]) / std[c];
                t[layout == Layout.NCHW ? c * hw + p : p * 3 + c] = v;
            }
        }
        return t;
    }

    /** resizeAndCrop, then toTensor. */
    public float[] apply(RgbImage img, Layout layout) {
        return toTensor(resizeAndCrop(img), layout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.resize == resize && p.crop == crop && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * resize + crop) + 7 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Preprocessing[resize " + resize + ", crop " + crop + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
    }
}
