package dev.mobilevec.network.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files (JPEG, PNG, BMP, GIF: what the JDK's ImageIO reads) into {@link RgbImage}, converting
 * modes as Pillow's {@code convert("RGB")} does: grey replicated to R, G and B; palettes expanded; alpha
 * dropped (not composited); CMYK by Pillow's formula; 16-bit samples as Pillow reads them (RGB: the high
 * byte; grey: clipped to 255, Pillow's "I" mode conversion). EXIF orientation is not applied, as
 * torchvision does not apply it. On test-data/images every file decodes to Pillow's bytes exactly,
 * JPEGs included (the JDK's libjpeg and Pillow's libjpeg-turbo agree there).
 *
 * <p>The header's size is checked against a pixel limit before any pixel is decoded, so a decompression
 * bomb fails with its size instead of an OutOfMemoryError. Every failure is an {@link IOException} whose
 * message names the problem (not an image, truncated, unsupported, too large).
 */
public final class ImageDecoder {
    /** The default limit: 100 megapixels (a 10,000 x 10,000 photo). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the pixel limit must be >= 1, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public RgbImage decode(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    public RgbImage decode(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length == 0) {
            throw new IOException("empty file: not an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image this decoder reads (JPEG, PNG, BMP, GIF); " + bytes.length + " bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
                int w, h;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new IOException(format + " header unreadable: " + message(e), e);
                }
                if (w < 1 || h < 1) {
                    throw new IOException(format + " header declares " + w + "x" + h + " pixels");
                }
                if ((long) w * h > maxPixels) {
                    throw new IOException(format + " header declares " + w + "x" + h + " = " + (long) w * h
                            + " pixels, more than the limit of " + maxPixels + " (refused before decoding)");
                }
                BufferedImage img;
                // The JPEG reader fills a truncated file's missing rows and only warns; Pillow refuses such a
                // file ("image file is truncated"), and so do we. Other warnings (e.g. extraneous bytes) pass.
                java.util.List<String> warnings = new java.util.ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                try {
                    img = reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw new IOException(format + " " + w + "x" + h + " could not be decoded: " + message(e), e);
                }
                for (String warning : warnings) {
                    String lw = warning.toLowerCase(java.util.Locale.ROOT);
                    if (lw.contains("premature end") || lw.contains("truncat")) {
                        throw new IOException(format + " " + w + "x" + h + " is truncated: " + warning);
                    }
                }
                return toRgb(img);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Pillow's convert("RGB") of a decoded image (what {@link #decode} does after reading the file). */
    public static RgbImage toRgb(BufferedImage img) throws IOException {
        int w = img.getWidth(), h = img.getHeight();
        byte[] out = new byte[Math.multiplyExact(3, Math.multiplyExact(w, h))];
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        int bands = r.getNumBands();
        boolean sixteen = r.getTransferType() == DataBuffer.TYPE_USHORT;
        boolean grey = cm.getNumColorComponents() == 1 && !(cm instanceof java.awt.image.IndexColorModel);
        boolean cmyk = cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_CMYK && bands == 4 && !sixteen;
        if (!cmyk && !grey && cm.getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_RGB) {
            throw new IOException("colour space type " + cm.getColorSpace().getType() + " is not supported; convert the image to RGB");
        }
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && r.getDataBuffer() instanceof java.awt.image.DataBufferByte db
                && db.getNumBanks() == 1 && db.getData().length == out.length) {
            // What JPEGs decode to: the bytes are B, G, R per pixel; getRGB per pixel took as long as the decoding.
            byte[] bgr = db.getData();
            for (int i = 0; i < out.length; i += 3) {
                out[i] = bgr[i + 2];
                out[i + 1] = bgr[i + 1];
                out[i + 2] = bgr[i];
            }
            return new RgbImage(w, h, out);
        }
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            if (cmyk) {
                // Pillow's cmyk2rgb: nk = 255 - k, channel = nk - c * nk / 255 (its MULDIV255 rounding). The
                // JDK's raster holds the samples as Pillow sees them (Adobe's inverted storage already undone):
                // checked byte for byte against Pillow on test-data/images/src/cmyk_40x60.jpg.
                r.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    int nk = 255 - row[x * 4 + 3];
                    for (int c = 0; c < 3; c++) {
                        int t = row[x * 4 + c] * nk + 128;
                        int v = nk - (((t >> 8) + t) >> 8);
                        out[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            } else if (grey || sixteen) {
                r.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int v = row[x * bands + (grey ? 0 : c)];
                        // 16-bit: Pillow reads RGB;16 as its high bytes, and 16-bit grey ("I") converts by clipping.
                        out[(y * w + x) * 3 + c] = (byte) (sixteen ? (grey ? Math.min(v, 255) : v >>> 8) : v);
                    }
                }
            } else {
                // 8-bit colour, palettes, alpha: the colour model gives non-premultiplied sRGB samples; alpha is dropped.
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    int o = (y * w + x) * 3;
                    out[o] = (byte) (argb >> 16);
                    out[o + 1] = (byte) (argb >> 8);
                    out[o + 2] = (byte) argb;
                }
            }
        }
        return new RgbImage(w, h, out);
    }
}
