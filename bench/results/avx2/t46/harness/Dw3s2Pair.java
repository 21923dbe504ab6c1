import jdk.incubator.vector.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

/**
 * Stride-2 3x3 depthwise, 16 registers: the kernel's single-row sweep (a copy of DepthwiseConv3x3Nhwc.sweepS2In, nine
 * weights held) against two output rows per sweep (input rows 0-4, row 2 shared) with the weights reloaded from a
 * block-major copy (each weight load feeds both rows' FMA). Same taps, same order per output: same bits (checked).
 * Interior rows only (rows whose three input rows lie inside the image), all full channel blocks, ReLU6.
 * Usage: java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 Dw3s2Pair H,W,C;...
 */
public class Dw3s2Pair {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;

    final int c, cPad, wOff, wbo, padLeft = 1, oxLo, oxHi, outW, inW, inH, outH, rowLen;
    final float[] w, wb, bias;
    final float tileLo = 0f, tileHi = 6f;
    final int clampKind = 2;
    final boolean leftEdge = true;

    Dw3s2Pair(int h, int wd, int ch, Random r) {
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

    void single(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxTo) {
        final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
        FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
        final boolean upper = clampKind == 2;
        int i = o0 + (oxLo * 2 - padLeft) * cc + ch;
        int q = outRow + oxLo * cc + ch;
        if (leftEdge) {
            FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                    .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
            e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                    .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
            e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
        }
        FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                x2 = FloatVector.fromArray(S, a, i + rs2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        for (int t = oxTo - oxLo; t >= 0; t--, q += cc) {
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

    /** All interior output rows (1 .. outH-1), every channel block; pairs where rows 1..: (1,2), (3,4), ... */
    void run(float[] in, int off, float[] out, int outOff, boolean pairs) {
        int rs = rowLen;
        for (int oy = 1; oy < outH; oy++) {
            int iy = 2 * oy - 1, o0 = off + iy * rs, outRow = outOff + oy * outW * c;
            if (pairs && oy + 1 < outH && iy + 4 < inH) {
                for (int ch = 0; ch < c; ch += L) pair(in, o0, rs, out, outRow, outRow + outW * c, ch, oxHi);
                oy++;
            } else {
                for (int ch = 0; ch < c; ch += L) single(in, o0, rs, out, outRow, ch, oxHi);
            }
        }
    }

    public static void main(String[] args) {
        int base = Integer.getInteger("base", 12);
        int rounds = Integer.getInteger("rounds", 7);
        Random r = new Random(1);
        for (String sh : args[0].split(";")) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            Dw3s2Pair k = new Dw3s2Pair(s[0], s[1], s[2], r);
            float[] in = new float[base + s[0] * s[1] * s[2] + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] o1 = new float[base + k.outH * k.outW * k.c + 64], o2 = o1.clone();
            k.run(in, base, o1, base, false);
            k.run(in, base, o2, base, true);
            if (!Arrays.equals(o1, o2)) throw new AssertionError("bits differ at " + sh);
            double flops = 2.0 * 9 * (k.outH - 1) * k.outW * k.c;
            int reps = (int) Math.max(20, 3e9 / flops);
            double[] best = new double[2];
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double[] g = new double[2];
                for (int v = 0; v < 2; v++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) k.run(in, base, v == 0 ? o1 : o2, base, v == 1);
                    g[v] = flops * reps / (System.nanoTime() - t0);
                    if (round >= 2) best[v] = Math.max(best[v], g[v]);
                }
                if (round >= 2) ratios.add(g[1] / g[0]);
            }
            Collections.sort(ratios);
            System.out.printf("%-14s single %5.1f pair %5.1f GFLOPS (best)  pair/single per round %s median %.3f%n", sh, best[0], best[1],
                    ratios.stream().map(x -> String.format("%.2f", x)).toList(), ratios.get(ratios.size() / 2));
        }
    }
}
