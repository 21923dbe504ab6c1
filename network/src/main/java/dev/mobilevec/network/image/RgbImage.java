package dev.mobilevec.network.image;

/**
 * An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B: what Pillow's
 * {@code convert("RGB")} holds, and what the preprocessing steps read and write.
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        if (rgb == null || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs " + 3L * width * height
                    + " bytes, got " + (rgb == null ? "null" : rgb.length));
        }
    }

    /** Channel c (0 R, 1 G, 2 B) of pixel (x, y), 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }
}
