import jdk.incubator.vector.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

/**
 * Stride-2 3x3 depthwise, 16 registers, interior rows only (rows whose three input rows lie inside the image), all full
 * channel blocks, ReLU6. The baseline is the kernel's one-row sweep (singleFrom: DepthwiseConv3x3Nhwc.sweepS2In with its
 * first output a parameter, nine weights held). Modes:
 *   pairs     two output rows per sweep (input rows 0-4, row 2 shared), weights reloaded block-major, each load
 *             feeding both rows' FMAs;
 *   segments  the rows in segments of -Dseg outputs (default 8), every channel block per segment;
 *   diag      one change at a time: noClamp, split (the finishing output's second column summed apart: other bits),
 *             still (inputs not moving), oneRow (the three kernel rows read one input row), twoBlocks (two channel
 *             blocks per sweep, weights reloaded block-major; an odd last block runs alone).
 * pairs, segments and twoBlocks are checked bit for bit against the baseline. Usage:
 * java --add-modules jdk.incubator.vector -XX:+UseG1GC -XX:ObjectAlignmentInBytes=64 -cp . Dw3s2 MODE 'H,W,C;...'
 */
public class Dw3s2 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;

    final int c, cPad, wOff, wbo, padLeft = 1, oxLo, oxHi, outW, inW, inH, outH, rowLen;
    final float[] w, wb, bias;
    final float tileLo = 0f, tileHi = 6f;
    final int clampKind = 2;
    final boolean leftEdge = true;

    Dw3s2(int h, int wd, int ch, Random r) {
        c = ch; cPad = ch; inH = h; inW = wd; outH = h / 2; outW = wd / 2; rowLen = wd * ch;
        oxLo = 1; oxHi = outW - 1;
        wOff = 16; wbo = 16;
        w = new float[wOff + 9 * cPad + 64]; wb = new float[wbo + 9 * cPad + 64]; bias = new float[cPad + 64];
        for (int k = 0; k < ch; k++) {
            for (int t = 0; t < 9; t++) {
                float v = r.nextFloat() - 0.5f;
                w[wOff + t * cPad + k] = v;
                wb[wbo + (k / L * 9 + t) * L + k % L] = v;
            }
            bias[k] = r.nextFloat() * 0.1f;
        }
    }

    /** Two output rows: A from input rows 0-2 (o0 + k*rs), B from rows 2-4. */
    void pair(float[] a, int o0, int rs, float[] out, int outA, int outB, int ch, int oxTo) {
        final int cc = c, cc2 = 2 * cc, rs2 = 2 * rs, rs3 = 3 * rs, rs4 = 4 * rs, wo = wbo + ch * 9;
        final float[] ww = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch), v;
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxLo * 2 - padLeft) * cc + ch;
        int q = oxLo * cc + ch;
        if (leftEdge) {
            FloatVector x0 = FloatVector.fromArray(S, a, i - cc), x1 = FloatVector.fromArray(S, a, i + rs - cc),
                    x2 = FloatVector.fromArray(S, a, i + rs2 - cc), x3 = FloatVector.fromArray(S, a, i + rs3 - cc),
                    x4 = FloatVector.fromArray(S, a, i + rs4 - cc);
            v = FloatVector.fromArray(S, ww, wo + L); FloatVector e = x0.fma(v, b), f = x2.fma(v, b);
            v = FloatVector.fromArray(S, ww, wo + 4 * L); e = x1.fma(v, e); f = x3.fma(v, f);
            v = FloatVector.fromArray(S, ww, wo + 7 * L); e = x2.fma(v, e); f = x4.fma(v, f);
            x0 = FloatVector.fromArray(S, a, i); x1 = FloatVector.fromArray(S, a, i + rs);
            x2 = FloatVector.fromArray(S, a, i + rs2); x3 = FloatVector.fromArray(S, a, i + rs3);
            x4 = FloatVector.fromArray(S, a, i + rs4);
            v = FloatVector.fromArray(S, ww, wo + 2 * L); e = x0.fma(v, e); f = x2.fma(v, f);
            v = FloatVector.fromArray(S, ww, wo + 5 * L); e = x1.fma(v, e); f = x3.fma(v, f);
            v = FloatVector.fromArray(S, ww, wo + 8 * L); e = x2.fma(v, e); f = x4.fma(v, f);
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, outA + q - cc);
            f.blend(lo, f.compare(LE, lo)).blend(hi, f.compare(GE, hi)).intoArray(out, outB + q - cc);
        }
        FloatVector sa, ta;
        {
            FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                    x2 = FloatVector.fromArray(S, a, i + rs2), x3 = FloatVector.fromArray(S, a, i + rs3),
                    x4 = FloatVector.fromArray(S, a, i + rs4);
            v = FloatVector.fromArray(S, ww, wo); sa = x0.fma(v, b); ta = x2.fma(v, b);
            v = FloatVector.fromArray(S, ww, wo + 3 * L); sa = x1.fma(v, sa); ta = x3.fma(v, ta);
            v = FloatVector.fromArray(S, ww, wo + 6 * L); sa = x2.fma(v, sa); ta = x4.fma(v, ta);
        }
        for (int t = oxTo - oxLo; t >= 0; t--, q += cc) {
            FloatVector x0 = FloatVector.fromArray(S, a, i + cc), x1 = FloatVector.fromArray(S, a, i + rs + cc),
                    x2 = FloatVector.fromArray(S, a, i + rs2 + cc), x3 = FloatVector.fromArray(S, a, i + rs3 + cc),
                    x4 = FloatVector.fromArray(S, a, i + rs4 + cc);
            v = FloatVector.fromArray(S, ww, wo + L); FloatVector r = x0.fma(v, sa), u = x2.fma(v, ta);
            v = FloatVector.fromArray(S, ww, wo + 4 * L); r = x1.fma(v, r); u = x3.fma(v, u);
            v = FloatVector.fromArray(S, ww, wo + 7 * L); r = x2.fma(v, r); u = x4.fma(v, u);
            i += cc2;
            x0 = FloatVector.fromArray(S, a, i); x1 = FloatVector.fromArray(S, a, i + rs);
            x2 = FloatVector.fromArray(S, a, i + rs2); x3 = FloatVector.fromArray(S, a, i + rs3);
            x4 = FloatVector.fromArray(S, a, i + rs4);
            v = FloatVector.fromArray(S, ww, wo + 2 * L); r = x0.fma(v, r); u = x2.fma(v, u);
            v = FloatVector.fromArray(S, ww, wo + 5 * L); r = x1.fma(v, r); u = x3.fma(v, u);
            v = FloatVector.fromArray(S, ww, wo + 8 * L); r = x2.fma(v, r); u = x4.fma(v, u);
            r = r.blend(lo, r.compare(LE, lo));
            u = u.blend(lo, u.compare(LE, lo));
            if (upper) {
                r = r.blend(hi, r.compare(GE, hi));
                u = u.blend(hi, u.compare(GE, hi));
            }
            r.intoArray(out, outA + q);
            u.intoArray(out, outB + q);
            v = FloatVector.fromArray(S, ww, wo); sa = x0.fma(v, b); ta = x2.fma(v, b);
            v = FloatVector.fromArray(S, ww, wo + 3 * L); sa = x1.fma(v, sa); ta = x3.fma(v, ta);
            v = FloatVector.fromArray(S, ww, wo + 6 * L); sa = x2.fma(v, sa); ta = x4.fma(v, ta);
        }
    }


    void singleFrom(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxFrom, int oxTo) {
        final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
        FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxFrom * 2 - padLeft) * cc + ch;
        int q = outRow + oxFrom * cc + ch;
        if (leftEdge && oxFrom == oxLo) {
            FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                    .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
            e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                    .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
        }
        FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                x2 = FloatVector.fromArray(S, a, i + rs2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        for (int t = oxTo - oxFrom; t >= 0; t--, q += cc) {
            x0 = FloatVector.fromArray(S, a, i + cc);
            x1 = FloatVector.fromArray(S, a, i + rs + cc);
            x2 = FloatVector.fromArray(S, a, i + rs2 + cc);
            FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            i += cc2;
            x0 = FloatVector.fromArray(S, a, i);
            r = x0.fma(w02, r);
            sa = x0.fma(w00, b);
            x1 = FloatVector.fromArray(S, a, i + rs);
            r = x1.fma(w12, r);
            sa = x1.fma(w10, sa);
            x2 = FloatVector.fromArray(S, a, i + rs2);
            r = x2.fma(w22, r);
            sa = x2.fma(w20, sa);
            r = r.blend(lo, r.compare(LE, lo));
            if (upper) {
                r = r.blend(hi, r.compare(GE, hi));
            }
            r.intoArray(out, q);
        }
    }

    void noClamp(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxFrom, int oxTo) {
        final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
        FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxFrom * 2 - padLeft) * cc + ch;
        int q = outRow + oxFrom * cc + ch;
        if (leftEdge && oxFrom == oxLo) {
            FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                    .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
            e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                    .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
        }
        FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                x2 = FloatVector.fromArray(S, a, i + rs2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        for (int t = oxTo - oxFrom; t >= 0; t--, q += cc) {
            x0 = FloatVector.fromArray(S, a, i + cc);
            x1 = FloatVector.fromArray(S, a, i + rs + cc);
            x2 = FloatVector.fromArray(S, a, i + rs2 + cc);
            FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            i += cc2;
            x0 = FloatVector.fromArray(S, a, i);
            r = x0.fma(w02, r);
            sa = x0.fma(w00, b);
            x1 = FloatVector.fromArray(S, a, i + rs);
            r = x1.fma(w12, r);
            sa = x1.fma(w10, sa);
            x2 = FloatVector.fromArray(S, a, i + rs2);
            r = x2.fma(w22, r);
            sa = x2.fma(w20, sa);
            r.intoArray(out, q);
        }
    }

    void split(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxFrom, int oxTo) {
        final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
        FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxFrom * 2 - padLeft) * cc + ch;
        int q = outRow + oxFrom * cc + ch;
        if (leftEdge && oxFrom == oxLo) {
            FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                    .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
            e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                    .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
        }
        FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                x2 = FloatVector.fromArray(S, a, i + rs2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        for (int t = oxTo - oxFrom; t >= 0; t--, q += cc) {
            x0 = FloatVector.fromArray(S, a, i + cc);
            x1 = FloatVector.fromArray(S, a, i + rs + cc);
            x2 = FloatVector.fromArray(S, a, i + rs2 + cc);
            FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            i += cc2;
            x0 = FloatVector.fromArray(S, a, i);
            FloatVector r2 = x0.mul(w02);
            sa = x0.fma(w00, b);
            x1 = FloatVector.fromArray(S, a, i + rs);
            r2 = x1.fma(w12, r2);
            sa = x1.fma(w10, sa);
            x2 = FloatVector.fromArray(S, a, i + rs2);
            r2 = x2.fma(w22, r2);
            r = r.add(r2);
            sa = x2.fma(w20, sa);
            r = r.blend(lo, r.compare(LE, lo));
            if (upper) {
                r = r.blend(hi, r.compare(GE, hi));
            }
            r.intoArray(out, q);
        }
    }

    void still(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxFrom, int oxTo) {
        final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
        FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxFrom * 2 - padLeft) * cc + ch;
        int q = outRow + oxFrom * cc + ch;
        if (leftEdge && oxFrom == oxLo) {
            FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                    .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
            e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                    .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
        }
        FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                x2 = FloatVector.fromArray(S, a, i + rs2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        for (int t = oxTo - oxFrom; t >= 0; t--, q += cc) {
            x0 = FloatVector.fromArray(S, a, i + cc);
            x1 = FloatVector.fromArray(S, a, i + rs + cc);
            x2 = FloatVector.fromArray(S, a, i + rs2 + cc);
            FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            x0 = FloatVector.fromArray(S, a, i);
            r = x0.fma(w02, r);
            sa = x0.fma(w00, b);
            x1 = FloatVector.fromArray(S, a, i + rs);
            r = x1.fma(w12, r);
            sa = x1.fma(w10, sa);
            x2 = FloatVector.fromArray(S, a, i + rs2);
            r = x2.fma(w22, r);
            sa = x2.fma(w20, sa);
            r = r.blend(lo, r.compare(LE, lo));
            if (upper) {
                r = r.blend(hi, r.compare(GE, hi));
            }
            r.intoArray(out, q);
        }
    }



    /** Two channel blocks (16 channels, one 64-byte line when aligned) per sweep, weights reloaded block-major. */
    void twoBlocks(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxFrom, int oxTo) {
        final int cc = c, cc2 = 2 * cc, rs2 = 2 * rs, wo = wbo + ch * 9, wq = wo + 9 * L;
        final float[] ww = wb;
        FloatVector bA = FloatVector.fromArray(S, bias, ch), bB = FloatVector.fromArray(S, bias, ch + L), v;
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxFrom * 2 - padLeft) * cc + ch;
        int q = outRow + oxFrom * cc + ch;
        FloatVector sA, sB;
        {
            FloatVector xA = FloatVector.fromArray(S, a, i), xB = FloatVector.fromArray(S, a, i + L);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo), bA); sB = xB.fma(FloatVector.fromArray(S, ww, wq), bB);
            xA = FloatVector.fromArray(S, a, i + rs); xB = FloatVector.fromArray(S, a, i + rs + L);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo + 3 * L), sA); sB = xB.fma(FloatVector.fromArray(S, ww, wq + 3 * L), sB);
            xA = FloatVector.fromArray(S, a, i + rs2); xB = FloatVector.fromArray(S, a, i + rs2 + L);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo + 6 * L), sA); sB = xB.fma(FloatVector.fromArray(S, ww, wq + 6 * L), sB);
        }
        for (int t = oxTo - oxFrom; t >= 0; t--, q += cc) {
            FloatVector xA = FloatVector.fromArray(S, a, i + cc), xB = FloatVector.fromArray(S, a, i + cc + L);
            FloatVector rA = xA.fma(FloatVector.fromArray(S, ww, wo + L), sA), rB = xB.fma(FloatVector.fromArray(S, ww, wq + L), sB);
            xA = FloatVector.fromArray(S, a, i + rs + cc); xB = FloatVector.fromArray(S, a, i + rs + cc + L);
            rA = xA.fma(FloatVector.fromArray(S, ww, wo + 4 * L), rA); rB = xB.fma(FloatVector.fromArray(S, ww, wq + 4 * L), rB);
            xA = FloatVector.fromArray(S, a, i + rs2 + cc); xB = FloatVector.fromArray(S, a, i + rs2 + cc + L);
            rA = xA.fma(FloatVector.fromArray(S, ww, wo + 7 * L), rA); rB = xB.fma(FloatVector.fromArray(S, ww, wq + 7 * L), rB);
            i += cc2;
            xA = FloatVector.fromArray(S, a, i); xB = FloatVector.fromArray(S, a, i + L);
            rA = xA.fma(FloatVector.fromArray(S, ww, wo + 2 * L), rA); rB = xB.fma(FloatVector.fromArray(S, ww, wq + 2 * L), rB);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo), bA); sB = xB.fma(FloatVector.fromArray(S, ww, wq), bB);
            xA = FloatVector.fromArray(S, a, i + rs); xB = FloatVector.fromArray(S, a, i + rs + L);
            rA = xA.fma(FloatVector.fromArray(S, ww, wo + 5 * L), rA); rB = xB.fma(FloatVector.fromArray(S, ww, wq + 5 * L), rB);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo + 3 * L), sA); sB = xB.fma(FloatVector.fromArray(S, ww, wq + 3 * L), sB);
            xA = FloatVector.fromArray(S, a, i + rs2); xB = FloatVector.fromArray(S, a, i + rs2 + L);
            rA = xA.fma(FloatVector.fromArray(S, ww, wo + 8 * L), rA); rB = xB.fma(FloatVector.fromArray(S, ww, wq + 8 * L), rB);
            sA = xA.fma(FloatVector.fromArray(S, ww, wo + 6 * L), sA); sB = xB.fma(FloatVector.fromArray(S, ww, wq + 6 * L), sB);
            rA = rA.blend(lo, rA.compare(LE, lo));
            rB = rB.blend(lo, rB.compare(LE, lo));
            if (upper) {
                rA = rA.blend(hi, rA.compare(GE, hi));
                rB = rB.blend(hi, rB.compare(GE, hi));
            }
            rA.intoArray(out, q);
            rB.intoArray(out, q + L);
        }
    }

    static final String[] NAMES = {"single", "pairs", "segments", "noClamp", "split", "still", "oneRow", "twoBlocks"};

    /** Every interior row through variant v (see NAMES). */
    void runV(float[] in, int off, float[] out, int outOff, int v) {
        if (v == 1) {
            run(in, off, out, outOff, true);
            return;
        }
        if (v == 2) {
            runSeg(in, off, out, outOff);
            return;
        }
        int rs = rowLen;
        for (int oy = 1; oy < outH; oy++) {
            int iy = 2 * oy - 1, o0 = off + iy * rs, outRow = outOff + oy * outW * c;
            for (int ch = 0; ch < c; ch += L) {
                if (v == 0) singleFrom(in, o0, rs, out, outRow, ch, oxLo, oxHi);
                else if (v == 3) noClamp(in, o0, rs, out, outRow, ch, oxLo, oxHi);
                else if (v == 4) split(in, o0, rs, out, outRow, ch, oxLo, oxHi);
                else if (v == 5) still(in, o0, rs, out, outRow, ch, oxLo, oxHi);
                else if (v == 6) singleFrom(in, o0, 0, out, outRow, ch, oxLo, oxHi);
                else if (ch + 2 * L <= c) { twoBlocks(in, o0, rs, out, outRow, ch, oxLo, oxHi); ch += L; }
                else singleFrom(in, o0, rs, out, outRow, ch, oxLo, oxHi);
            }
        }
    }
    static final int SEG = Integer.getInteger("seg", 8);
    void runSeg(float[] in, int off, float[] out, int outOff) {
        int rs = rowLen, seg = SEG;
        for (int oy = 1; oy < outH; oy++) {
            int iy = 2 * oy - 1, o0 = off + iy * rs, outRow = outOff + oy * outW * c;
            for (int from = oxLo; from <= oxHi; from += seg) {
                int to = Math.min(oxHi, from + seg - 1);
                for (int ch = 0; ch < c; ch += L) singleFrom(in, o0, rs, out, outRow, ch, from, to);
            }
        }
    }

    /** All interior output rows (1 .. outH-1), every channel block; pairs where rows 1..: (1,2), (3,4), ... */
    void run(float[] in, int off, float[] out, int outOff, boolean pairs) {
        int rs = rowLen;
        for (int oy = 1; oy < outH; oy++) {
            int iy = 2 * oy - 1, o0 = off + iy * rs, outRow = outOff + oy * outW * c;
            if (pairs && oy + 1 < outH && iy + 4 < inH) {
                for (int ch = 0; ch < c; ch += L) pair(in, o0, rs, out, outRow, outRow + outW * c, ch, oxHi);
                oy++;
            } else {
                for (int ch = 0; ch < c; ch += L) singleFrom(in, o0, rs, out, outRow, ch, oxLo, oxHi);
            }
        }
    }

    public static void main(String[] args) {
        String mode = args[0];
        int[] vs = switch (mode) {
            case "diag" -> new int[] {0, 3, 4, 5, 6, 7};
            case "pairs" -> new int[] {0, 1};
            case "segments" -> new int[] {0, 2};
            default -> throw new IllegalArgumentException("mode must be diag, pairs or segments, got " + mode);
        };
        int base = Integer.getInteger("base", 12), rounds = Integer.getInteger("rounds", 7);
        Random r = new Random(1);
        for (String sh : args[1].split(";")) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            Dw3s2 k = new Dw3s2(s[0], s[1], s[2], r);
            float[] in = new float[base + s[0] * s[1] * s[2] + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] ref = new float[base + k.outH * k.outW * k.c + 64], out = ref.clone();
            k.runV(in, base, ref, base, 0);
            // Same bits as the single-row sweep: whole rows for pairs and segments, the interior outputs for two blocks
            // (it has no left-edge output); the diagnostic variants compute other things.
            for (int v : new int[] {1, 2, 7}) {
                Arrays.fill(out, 0f);
                k.runV(in, base, out, base, v);
                for (int oy = 1; oy < k.outH; oy++) {
                    for (int x = (v == 7 ? k.oxLo : 0) * k.c; x < k.outW * k.c; x++) {
                        int p = base + oy * k.outW * k.c + x;
                        if (Float.floatToRawIntBits(ref[p]) != Float.floatToRawIntBits(out[p])) {
                            throw new AssertionError(NAMES[v] + ": other bits at " + sh + ", index " + p);
                        }
                    }
                }
            }
            double flops = 2.0 * 9 * (k.outH - 1) * k.outW * k.c;
            int reps = (int) Math.max(20, 3e9 / flops);
            double[] best = new double[NAMES.length];
            List<List<Double>> ratios = new ArrayList<>();
            for (int v = 0; v < NAMES.length; v++) ratios.add(new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                double[] g = new double[NAMES.length];
                for (int v : vs) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) k.runV(in, base, out, base, v);
                    g[v] = flops * reps / (System.nanoTime() - t0);
                    if (round >= 2) best[v] = Math.max(best[v], g[v]);
                }
                for (int v : vs) if (round >= 2 && v != 0) ratios.get(v).add(g[v] / g[0]);
            }
            StringBuilder sb = new StringBuilder(String.format("%-14s single %5.1f GFLOPS (best)", sh, best[0]));
            for (int v : vs) {
                if (v == 0) continue;
                List<Double> q = ratios.get(v);
                Collections.sort(q);
                sb.append(String.format("  %s %.2fx (best), per round %.2f..%.2f median %.2f", NAMES[v], best[v] / best[0], q.get(0), q.get(q.size() - 1), q.get(q.size() / 2)));
            }
            System.out.println(sb);
        }
    }
}
