package dev.mobilevec.network.image;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The integer resampler against a direct double-precision evaluation of the same separable filter
 * (normalised triangle weights, no intermediate rounding). Bound: each pass rounds once (0.5) and its
 * 22-bit weights are off by at most 2^-23 each, a window of at most 2*ceil(scale)+1 of them times 255;
 * the second pass carries the first pass's error through weights that sum to 1. So |ours - exact| <=
 * 0.5 + (0.5 + e1) + e2 with e = 255 * window * 2^-23, below 1 + 1e-2 for windows under 160 taps.
 */
class PillowResampleTest {
    static final int EXAMPLES = Integer.getInteger("mobilevec.examples", 1000) / 5;

    static double[] exact(RgbImage in, int outW, int outH) {
        PillowResample.Coefficients cx = PillowResample.coefficients(in.width(), outW, 0, outW);
        PillowResample.Coefficients cy = PillowResample.coefficients(in.height(), outH, 0, outH);
        double[] mid = new double[in.height() * outW * 3];
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int i = 0; i < cx.length()[x]; i++) {
                        s += cx.exact()[x][i] * in.get(cx.start()[x] + i, y, c);
                    }
                    mid[(y * outW + x) * 3 + c] = outW == in.width() ? in.get(x, y, c) : s;
                }
            }
        }
        double[] out = new double[outH * outW * 3];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int i = 0; i < cy.length()[y]; i++) {
                        s += cy.exact()[y][i] * mid[((cy.start()[y] + i) * outW + x) * 3 + c];
                    }
                    out[(y * outW + x) * 3 + c] = outH == in.height() ? mid[(y * outW + x) * 3 + c] : s;
                }
            }
        }
        return out;
    }

    @Test
    void withinOneLevelOfTheExactFilterOnRandomImagesAndSizes() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 60).zip(integers().between(1, 60), (a, b) -> new int[] {a, b}),
                integers().between(1, 90).zip(integers().between(1, 90), (a, b) -> new int[] {a, b}), longs().all()).checkAssert((in0, out0, seed) -> {
            int w = in0[0], h = in0[1], ow = out0[0], oh = out0[1];
            SplittableRandom r = new SplittableRandom(seed);
            byte[] px = new byte[3 * w * h];
            boolean smooth = r.nextBoolean();
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) (smooth ? (i / 3 % w) * 255 / Math.max(1, w - 1) : r.nextInt(256));
            }
            RgbImage in = new RgbImage(w, h, px);
            RgbImage got = PillowResample.resize(in, ow, oh);
            double[] want = exact(in, ow, oh);
            int window = 2 * (int) Math.ceil(Math.max((double) w / ow, (double) h / oh)) + 1;
            double bound = 1.0 + 2 * 255.0 * window * Math.scalb(1.0, -23);
            for (int i = 0; i < want.length; i++) {
                double d = Math.abs((got.rgb()[i] & 0xff) - want[i]);
                if (d > bound) {
                    throw new AssertionError(w + "x" + h + " -> " + ow + "x" + oh + " byte " + i + ": " + (got.rgb()[i] & 0xff)
                            + " vs exact " + want[i] + " (bound " + bound + ")");
                }
            }
            // Any window of the resize is the same bytes as cutting it from the whole.
            int x0 = r.nextInt(ow), y0 = r.nextInt(oh), rw = 1 + r.nextInt(ow - x0), rh = 1 + r.nextInt(oh - y0);
            RgbImage part = PillowResample.region(in, ow, oh, x0, y0, rw, rh);
            for (int y = 0; y < rh; y++) {
                for (int x = 0; x < rw; x++) {
                    for (int c = 0; c < 3; c++) {
                        if (part.get(x, y, c) != got.get(x0 + x, y0 + y, c)) {
                            throw new AssertionError("window at (" + x0 + ", " + y0 + ") differs at (" + x + ", " + y + ")");
                        }
                    }
                }
            }
        });
    }
}
