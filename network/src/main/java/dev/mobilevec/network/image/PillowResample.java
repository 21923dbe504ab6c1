package dev.mobilevec.network.image;

/**
 * Pillow's antialiased bilinear resize ({@code Image.resize(size, BILINEAR)}, which torchvision's
 * {@code Resize} calls on PIL images), computed with the same integer arithmetic so the bytes are equal:
 * separable passes, horizontal first; per output pixel a window of the triangle filter whose support
 * is scaled by the downscale factor (so shrinking averages every input pixel, upscaling interpolates),
 * weights normalised to sum 1 in double, then rounded to fixed point with 22 fractional bits; each pass
 * accumulates from 0.5 (in fixed point), shifts and clips to 0..255. Written from the algorithm as
 * Pillow's documentation and source describe it (Resample.c: precompute_coeffs, normalize_coeffs_8bpc).
 */
public final class PillowResample {
    /** 32 bits - 8 bits of pixel - 2 bits of headroom. */
    static final int PRECISION_BITS = 32 - 8 - 2;

    private PillowResample() {}

    /** The triangle (bilinear) filter, support 1. */
    static double bilinear(double x) {
        x = Math.abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    /** Per output index: the first input index, the window length and the fixed-point weights. */
    record Coefficients(int[] start, int[] length, int[][] weights, double[][] exact) {}

    /** Pillow's coefficients for resampling {@code inSize} samples to {@code outSize}, for outputs [from, from + count). */
    static Coefficients coefficients(int inSize, int outSize, int from, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = 1.0 * filterScale;
        int[] start = new int[count], length = new int[count];
        int[][] weights = new int[count][];
        double[][] exact = new double[count][];
        for (int xx = from; xx < from + count; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = (int) (center - support + 0.5); // truncation toward zero, as C's (int) cast
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            double[] k = new double[xmax];
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double w = bilinear((x + xmin - center + 0.5) * ss);
                k[x] = w;
                ww += w;
            }
            int[] fixed = new int[xmax];
            for (int x = 0; x < xmax; x++) {
                if (ww != 0.0) {
                    k[x] /= ww;
                }
                // Rounded half away from zero, as Pillow's (int)(0.5 + k * 2^22) and (int)(-0.5 + ...).
                double f = k[x] * (1 << PRECISION_BITS);
                fixed[x] = (int) (f < 0 ? -0.5 + f : 0.5 + f);
            }
            start[xx - from] = xmin;
            length[xx - from] = xmax;
            weights[xx - from] = fixed;
            exact[xx - from] = k;
        }
        return new Coefficients(start, length, weights, exact);
    }

    private static int clip8(long v) {
        if (v >= (1L << PRECISION_BITS << 8)) {
            return 255;
        }
        if (v <= 0) {
            return 0;
        }
        return (int) (v >> PRECISION_BITS);
    }

    /** The image resized to {@code width} x {@code height}; a pass whose size does not change is skipped, as in Pillow. */
    public static RgbImage resize(RgbImage in, int width, int height) {
        return region(in, width, height, 0, 0, width, height);
    }

    /**
     * The {@code w} x {@code h} window at ({@code x0}, {@code y0}) of the image resized to {@code outW} x
     * {@code outH}: the same bytes as cutting it from {@link #resize}'s result, since every output pixel
     * depends only on its own coefficients, but without building the rest (the shorter side of a 1x5000
     * strip resized to 256 makes a 1,280,000 x 256 image, which a center crop then throws away).
     */
    public static RgbImage region(RgbImage in, int outW, int outH, int x0, int y0, int w, int h) {
        if (outW < 1 || outH < 1) {
            throw new IllegalArgumentException("resize target must be at least 1x1, got " + outW + "x" + outH);
        }
        if (x0 < 0 || y0 < 0 || w < 1 || h < 1 || (long) x0 + w > outW || (long) y0 + h > outH) {
            throw new IllegalArgumentException("window " + w + "x" + h + " at (" + x0 + ", " + y0 + ") is not inside " + outW + "x" + outH);
        }
        if ((long) w * Math.max(h, in.height()) > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("resize window " + w + "x" + h + " of a " + in.width() + "x" + in.height() + " image is too large");
        }
        // Horizontal pass over every input row (Pillow's order), only the window's columns.
        RgbImage cur = outW == in.width() ? columns(in, x0, w) : horizontal(in, outW, x0, w);
        // Vertical pass, only the window's rows.
        return outH == in.height() ? rows(cur, y0, h) : vertical(cur, outH, y0, h);
    }

    private static RgbImage columns(RgbImage in, int x0, int w) {
        byte[] dst = new byte[3 * w * in.height()];
        for (int y = 0; y < in.height(); y++) {
            System.arraycopy(in.rgb(), (y * in.width() + x0) * 3, dst, y * w * 3, w * 3);
        }
        return new RgbImage(w, in.height(), dst);
    }

    private static RgbImage rows(RgbImage in, int y0, int h) {
        byte[] dst = new byte[3 * in.width() * h];
        System.arraycopy(in.rgb(), y0 * in.width() * 3, dst, 0, dst.length);
        return new RgbImage(in.width(), h, dst);
    }

    private static RgbImage horizontal(RgbImage in, int outW, int x0, int w) {
        Coefficients co = coefficients(in.width(), outW, x0, w);
        int h = in.height(), inW = in.width();
        byte[] src = in.rgb(), dst = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            int row = y * inW * 3;
            for (int xx = x0; xx < x0 + w; xx++) {
                int[] k = co.weights()[xx - x0];
                int first = co.start()[xx - x0];
                for (int c = 0; c < 3; c++) {
                    long ss = 1L << (PRECISION_BITS - 1);
                    for (int x = 0; x < k.length; x++) {
                        ss += (long) (src[row + (first + x) * 3 + c] & 0xff) * k[x];
                    }
                    dst[(y * w + xx - x0) * 3 + c] = (byte) clip8(ss);
                }
            }
        }
        return new RgbImage(w, h, dst);
    }

    private static RgbImage vertical(RgbImage in, int outH, int y0, int h) {
        Coefficients co = coefficients(in.height(), outH, y0, h);
        int w = in.width();
        byte[] src = in.rgb(), dst = new byte[3 * w * h];
        for (int yy = y0; yy < y0 + h; yy++) {
            int[] k = co.weights()[yy - y0];
            int first = co.start()[yy - y0];
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    long ss = 1L << (PRECISION_BITS - 1);
                    for (int y = 0; y < k.length; y++) {
                        ss += (long) (src[((first + y) * w + x) * 3 + c] & 0xff) * k[y];
                    }
                    dst[((yy - y0) * w + x) * 3 + c] = (byte) clip8(ss);
                }
            }
        }
        return new RgbImage(w, h, dst);
    }
}
