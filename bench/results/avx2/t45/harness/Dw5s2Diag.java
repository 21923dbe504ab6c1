import jdk.incubator.vector.*;
import java.util.*;

/** Diagnostics for the 16-register 5x5 stride-2 rows 0-2 pass: what makes it slow. */
public class Dw5s2Diag {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    static final int B = Integer.getInteger("base", 0);
    final int h, w, c, oh, ow;
    final float[] in, wb, bias, out, sink = new float[64];
    Dw5s2Diag(int h, int w, int c, Random r) {
        this.h = h; this.w = w; this.c = c; oh = h / 2; ow = w / 2;
        in = new float[h * w * c + 64]; wb = new float[c * 25 + 64]; bias = new float[c + 16];
        out = new float[oh * ow * c + 64];
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < wb.length; i++) wb[i] = r.nextFloat() - 0.5f;
    }
    void run(int mode) {
        for (int oy = 1; oy < oh - 2; oy++) {
            int iy = 2 * oy - 2, outRow = B + oy * ow * c;
            int o0 = B + iy * w * c, o1 = o0 + w * c, o2 = o1 + w * c;
            if (mode == 8) {
                for (int ch = 0; ch < c; ch += L) { r012(o0, o1, o2, out, outRow, ch); r34(o2 + w * c, o2 + 2 * w * c, out, outRow, ch); }
                continue;
            }
            if (mode == 9) {
                if ((oy & 1) == 0) continue;
                int rl = w * c; float[] x = in;
                if (oy + 1 < oh - 2) {
                    for (int ch = 0; ch < c; ch += L) {
                        r012Rows2A(x, o0, x, o1, x, o2, x, o2 + rl, x, o2 + 2 * rl, out, outRow, outRow + ow * c, ch);
                        r34Rows2A(x, o2 + rl, x, o2 + 2 * rl, x, o2 + 3 * rl, x, o2 + 4 * rl, out, outRow, outRow + ow * c, ch);
                    }
                } else {
                    for (int ch = 0; ch < c; ch += L) { r012(o0, o1, o2, out, outRow, ch); r34(o2 + rl, o2 + 2 * rl, out, outRow, ch); }
                }
                continue;
            }
            if (mode == 7) {
                if ((oy & 1) == 0) continue;
                int rl = w * c;
                if (oy + 1 < oh - 2) {
                    for (int ch = 0; ch < c; ch += L) {
                        r012Rows2(o0, o1, o2, o2 + rl, o2 + 2 * rl, out, outRow, outRow + ow * c, ch);
                        r34Rows2(o2 + rl, o2 + 2 * rl, o2 + 3 * rl, o2 + 4 * rl, out, outRow, outRow + ow * c, ch);
                    }
                } else {
                    for (int ch = 0; ch < c; ch += L) { r012(o0, o1, o2, out, outRow, ch); r34(o2 + rl, o2 + 2 * rl, out, outRow, ch); }
                }
                continue;
            }
            if (mode == 6) {
                if ((oy & 1) == 0) continue; // pairs (oy, oy + 1) from odd oy
                if (oy + 1 < oh - 2) {
                    int p0 = o2 + 2 * w * c; // pair's row B uses input rows o2 .. o2 + 2 rows... (2oy, 2oy+1, 2oy+2)
                    for (int ch = 0; ch < c; ch += L) r012Rows2(o0, o1, o2, o2 + w * c, o2 + 2 * w * c, out, outRow, outRow + ow * c, ch);
                } else {
                    for (int ch = 0; ch < c; ch += L) r012(o0, o1, o2, out, outRow, ch);
                }
                continue;
            }
            if (mode == 5) {
                int ch = 0;
                for (; ch + 2 * L <= c; ch += 2 * L) r012x2(o0, o1, o2, out, outRow, ch);
                for (; ch < c; ch += L) r012(o0, o1, o2, out, outRow, ch);
                continue;
            }
            for (int ch = 0; ch < c; ch += L) {
                switch (mode) {
                    case 0 -> r012(o0, o1, o2, out, outRow, ch);
                    case 1 -> r012NoStore(o0, o1, o2, outRow, ch);
                    case 2 -> r012FixedIn(o0, o1, o2, out, outRow, ch);
                    case 3 -> r012Indep(o0, o1, o2, out, outRow, ch);
                    case 4 -> r012NoWeightLoads(o0, o1, o2, out, outRow, ch);
                    default -> throw new IllegalArgumentException();
                }
            }
        }
    }
    static final String[] NAMES = {"chain", "no store in loop", "inputs not moving", "no cross-iteration chains", "6 weights (no reloads)", "two blocks per sweep", "two output rows per sweep", "FULL pairs", "FULL chain", "FULL pairs, 5 arrays"};

    FloatVector wv(int wo, int t) { return FloatVector.fromArray(S, wb, wo + t * L); }

    void r012(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch;
        FloatVector x0 = FloatVector.fromArray(S, a, o0 + i), x1 = FloatVector.fromArray(S, a, o1 + i), x2 = FloatVector.fromArray(S, a, o2 + i);
        FloatVector pa = b, pb = b;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            r.intoArray(out, q);
        }
    }
    /** r012 for channel blocks ch and ch + L in one sweep (same chains, same order per output). */
    void r012x2(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25, wq = wo + 25 * L; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch), d = FloatVector.fromArray(S, bias, ch + L);
        int q = outRow + cc + ch, i = ch;
        FloatVector x0, x1, x2, y0, y1, y2, pa = b, pb = b, qa = d, qb = d;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            y0 = FloatVector.fromArray(S, a, o0 + i + cc + L); y1 = FloatVector.fromArray(S, a, o1 + i + cc + L); y2 = FloatVector.fromArray(S, a, o2 + i + cc + L);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            qa = y2.fma(FloatVector.fromArray(S, wbb, wq + 13 * L), y1.fma(FloatVector.fromArray(S, wbb, wq + 8 * L), y0.fma(FloatVector.fromArray(S, wbb, wq + 3 * L), qa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            qb = y2.fma(FloatVector.fromArray(S, wbb, wq + 11 * L), y1.fma(FloatVector.fromArray(S, wbb, wq + 6 * L), y0.fma(FloatVector.fromArray(S, wbb, wq + 1 * L), qb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            y0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc + L); y1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc + L); y2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc + L);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            FloatVector s = y2.fma(FloatVector.fromArray(S, wbb, wq + 14 * L), y1.fma(FloatVector.fromArray(S, wbb, wq + 9 * L), y0.fma(FloatVector.fromArray(S, wbb, wq + 4 * L), qa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            qa = y2.fma(FloatVector.fromArray(S, wbb, wq + 12 * L), y1.fma(FloatVector.fromArray(S, wbb, wq + 7 * L), y0.fma(FloatVector.fromArray(S, wbb, wq + 2 * L), qb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            qb = y2.fma(FloatVector.fromArray(S, wbb, wq + 10 * L), y1.fma(FloatVector.fromArray(S, wbb, wq + 5 * L), y0.fma(FloatVector.fromArray(S, wbb, wq), d)));
            r.intoArray(out, q);
            s.intoArray(out, q + L);
        }
    }
    /** r012 for output rows oy (input rows o0, o1, o2) and oy + 1 (o2, o3, o4): each weight loaded once for both. */
    void r012Rows2(int o0, int o1, int o2, int o3, int o4, float[] out, int outA, int outB, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = cc + ch, i = ch;
        FloatVector x0, x1, x2, x3, x4, pa = b, pb = b, qa = b, qb = b, v;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
            v = FloatVector.fromArray(S, wbb, wo + 3 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 8 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 13 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 1 * L); pb = x0.fma(v, pb); qb = x2.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 6 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 11 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 4 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 9 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 14 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            pa.intoArray(out, outA + q); qa.intoArray(out, outB + q);
            v = FloatVector.fromArray(S, wbb, wo + 2 * L); pa = x0.fma(v, pb); qa = x2.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 7 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 12 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo); pb = x0.fma(v, b); qb = x2.fma(v, b);
            v = FloatVector.fromArray(S, wbb, wo + 5 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 10 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
        }
    }
    void r34(int o3, int o4, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        int q = outRow + cc + ch, i = ch;
        FloatVector x3, x4, pa = FloatVector.fromArray(S, out, q), pb = FloatVector.fromArray(S, out, q + cc);
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
            pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 18 * L), pa));
            pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 16 * L), pb));
            x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
            FloatVector r = x4.fma(FloatVector.fromArray(S, wbb, wo + 24 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 19 * L), pa));
            pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 17 * L), pb));
            pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q + 2 * cc)));
            r.intoArray(out, q);
        }
    }
    void r34Rows2(int o3, int o4, int o5, int o6, float[] out, int outA, int outB, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        int q = cc + ch, i = ch;
        FloatVector x3, x4, x5, x6, v;
        FloatVector pa = FloatVector.fromArray(S, out, outA + q), pb = FloatVector.fromArray(S, out, outA + q + cc);
        FloatVector qa = FloatVector.fromArray(S, out, outB + q), qb = FloatVector.fromArray(S, out, outB + q + cc);
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
            x5 = FloatVector.fromArray(S, a, o5 + i + cc); x6 = FloatVector.fromArray(S, a, o6 + i + cc);
            v = FloatVector.fromArray(S, wbb, wo + 18 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 23 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 16 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 21 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
            x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
            x5 = FloatVector.fromArray(S, a, o5 + i + 2 * cc); x6 = FloatVector.fromArray(S, a, o6 + i + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 19 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 24 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            pa.intoArray(out, outA + q); qa.intoArray(out, outB + q);
            v = FloatVector.fromArray(S, wbb, wo + 17 * L); pa = x3.fma(v, pb); qa = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 22 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            pb = FloatVector.fromArray(S, out, outA + q + 2 * cc); qb = FloatVector.fromArray(S, out, outB + q + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 15 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 20 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
        }
    }
    void r012Rows2A(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] a3, int o3, float[] a4, int o4, float[] out, int outA, int outB, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = cc + ch, i = ch;
        FloatVector x0, x1, x2, x3, x4, pa = b, pb = b, qa = b, qb = b, v;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a0, o0 + i + cc); x1 = FloatVector.fromArray(S, a1, o1 + i + cc); x2 = FloatVector.fromArray(S, a2, o2 + i + cc);
            x3 = FloatVector.fromArray(S, a3, o3 + i + cc); x4 = FloatVector.fromArray(S, a4, o4 + i + cc);
            v = FloatVector.fromArray(S, wbb, wo + 3 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 8 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 13 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 1 * L); pb = x0.fma(v, pb); qb = x2.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 6 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 11 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
            x0 = FloatVector.fromArray(S, a0, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a1, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a2, o2 + i + 2 * cc);
            x3 = FloatVector.fromArray(S, a3, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a4, o4 + i + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 4 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 9 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 14 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            pa.intoArray(out, outA + q); qa.intoArray(out, outB + q);
            v = FloatVector.fromArray(S, wbb, wo + 2 * L); pa = x0.fma(v, pb); qa = x2.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 7 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 12 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo); pb = x0.fma(v, b); qb = x2.fma(v, b);
            v = FloatVector.fromArray(S, wbb, wo + 5 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 10 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
        }
    }
    void r34Rows2A(float[] a3, int o3, float[] a4, int o4, float[] a5, int o5, float[] a6, int o6, float[] out, int outA, int outB, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] wbb = wb;
        int q = cc + ch, i = ch;
        FloatVector x3, x4, x5, x6, v;
        FloatVector pa = FloatVector.fromArray(S, out, outA + q), pb = FloatVector.fromArray(S, out, outA + q + cc);
        FloatVector qa = FloatVector.fromArray(S, out, outB + q), qb = FloatVector.fromArray(S, out, outB + q + cc);
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x3 = FloatVector.fromArray(S, a3, o3 + i + cc); x4 = FloatVector.fromArray(S, a4, o4 + i + cc);
            x5 = FloatVector.fromArray(S, a5, o5 + i + cc); x6 = FloatVector.fromArray(S, a6, o6 + i + cc);
            v = FloatVector.fromArray(S, wbb, wo + 18 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 23 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 16 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 21 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
            x3 = FloatVector.fromArray(S, a3, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a4, o4 + i + 2 * cc);
            x5 = FloatVector.fromArray(S, a5, o5 + i + 2 * cc); x6 = FloatVector.fromArray(S, a6, o6 + i + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 19 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
            v = FloatVector.fromArray(S, wbb, wo + 24 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            pa.intoArray(out, outA + q); qa.intoArray(out, outB + q);
            v = FloatVector.fromArray(S, wbb, wo + 17 * L); pa = x3.fma(v, pb); qa = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 22 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            pb = FloatVector.fromArray(S, out, outA + q + 2 * cc); qb = FloatVector.fromArray(S, out, outB + q + 2 * cc);
            v = FloatVector.fromArray(S, wbb, wo + 15 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
            v = FloatVector.fromArray(S, wbb, wo + 20 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
        }
    }
    void r012NoStore(int o0, int o1, int o2, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int i = ch;
        FloatVector x0, x1, x2, pa = b, pb = b, acc = b;
        for (int ox = 1; ox < ow - 2; ox++) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            acc = acc.max(r);
        }
        acc.intoArray(sink, 0);
    }
    void r012FixedIn(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch + 2 * cc;
        FloatVector x0, x1, x2, pa = b, pb = b;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            r.intoArray(out, q);
        }
    }
    /** Same loads, FMAs and store; every chain restarts from b each iteration. */
    void r012Indep(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch;
        FloatVector x0, x1, x2, pa, pb;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), b)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), b)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), b)));
            FloatVector s = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), b)));
            FloatVector t = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            r.add(s).add(t).add(pa).add(pb).intoArray(out, q);
        }
    }
    /** Six weight vectors held in registers, reused for all 15 FMAs (wrong result, right instruction mix minus the weight loads). */
    void r012NoWeightLoads(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = B + ch * 25; final float[] a = in;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector wA = wv(wo, 0), wB = wv(wo, 1), wC = wv(wo, 2);
        int q = outRow + cc + ch, i = ch;
        FloatVector x0, x1, x2, pa = b, pb = b;
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(wA, x1.fma(wB, x0.fma(wC, pa)));
            pb = x2.fma(wB, x1.fma(wC, x0.fma(wA, pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = x2.fma(wC, x1.fma(wA, x0.fma(wB, pa)));
            pa = x2.fma(wA, x1.fma(wC, x0.fma(wB, pb)));
            pb = x2.fma(wB, x1.fma(wA, x0.fma(wC, b)));
            r.intoArray(out, q);
        }
    }
    public static void main(String[] args) {
        String[] shapes = System.getProperty("shapes", "56,56,72;28,28,240;14,14,576;56,56,8").split(";");
        int[] modes = Arrays.stream(System.getProperty("modes", "0,1,2,3,4").split(",")).mapToInt(Integer::parseInt).toArray();
        Random r = new Random(3);
        for (String sh : shapes) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            Dw5s2Diag d = new Dw5s2Diag(s[0], s[1], s[2], r);
            double flops15 = 2.0 * 15 * (d.oh - 3) * (d.ow - 3) * d.c;
            double[] best = new double[10];
            for (int round = 0; round < 12; round++) {
                for (int v : modes) {
                    long bt = Long.MAX_VALUE;
                    for (int rep = 0; rep < 300; rep++) {
                        long t0 = System.nanoTime();
                        d.run(v);
                        bt = Math.min(bt, System.nanoTime() - t0);
                    }
                    if (round >= 3) best[v] = Math.max(best[v], flops15 * (v >= 7 ? 25.0 / 15 : 1) / bt);
                }
            }
            if (Boolean.getBoolean("check")) {
                Arrays.fill(d.out, 0); d.run(8); float[] o8 = d.out.clone(); Arrays.fill(d.out, 0); d.run(7);
                System.out.println(sh + " pairs == chain bitwise: " + Arrays.equals(o8, d.out));
            }
            StringBuilder sb = new StringBuilder(String.format("%-11s", sh));
            for (int v : modes) sb.append(String.format("  %s %5.1f", NAMES[v], best[v]));
            System.out.println(sb);
        }
    }
}
