import jdk.incubator.vector.*;
import java.util.*;

/**
 * The 16-register 5x5 stride-2 depthwise sweep's interior (rows 0-2 pass, then rows 3-4 from the partial sums), as
 * DepthwiseConv5x5Nhwc.rows012s2Reload / rows34s2Reload compute it ("chain"), against the same sweep with each output's
 * last two columns of a pass summed apart and added once ("split"): per iteration the serial segment drops from 6 to
 * 3 FMAs + 1 add (rows 0-2) and 4 to 2 + 1 (rows 3-4). Interior outputs only, no activation; timing and max |diff|.
 */
public class Dw5s2 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, K = 5;

    final int h, w, c, oh, ow;
    final float[] in, wb, bias, outA, outB;

    Dw5s2(int h, int w, int c, Random r) {
        this.h = h; this.w = w; this.c = c; oh = h / 2; ow = w / 2;
        in = new float[h * w * c + 64]; wb = new float[c * 25 + 64]; bias = new float[c + 16];
        outA = new float[oh * ow * c + 64]; outB = new float[oh * ow * c + 64];
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < wb.length; i++) wb[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < bias.length; i++) bias[i] = r.nextFloat() - 0.5f;
    }

    void run(boolean split, float[] out) { run(split ? 1 : 0, out); }

    void run(int mode, float[] out) {
        for (int oy = 1; oy < oh - 2; oy++) {
            int iy = 2 * oy - 2, outRow = oy * ow * c;
            int o0 = iy * w * c, o1 = o0 + w * c, o2 = o1 + w * c, o3 = o2 + w * c, o4 = o3 + w * c;
            for (int ch = 0; ch < c; ch += L) {
                if (mode == 1) { r012Split(o0, o1, o2, out, outRow, ch); r34Split(o3, o4, out, outRow, ch); }
                else if (mode == 3) { r012Pair(o0, o1, o2, out, outRow, ch); r34(o3, o4, out, outRow, ch); }
                else if (mode == 2) { r012Lit(o0, o1, o2, out, outRow, ch); r34Lit(o3, o4, out, outRow, ch); }
                else { r012(o0, o1, o2, out, outRow, ch); r34(o3, o4, out, outRow, ch); }
            }
        }
    }

    // Outputs ox = 1 .. ow-3 (input columns 2ox-2 .. 2ox+2 inside the image).
    void r012(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch; // output 1's window starts at input column 0
        FloatVector x0 = FloatVector.fromArray(S, a, o0 + i), x1 = FloatVector.fromArray(S, a, o1 + i), x2 = FloatVector.fromArray(S, a, o2 + i);
        FloatVector pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pa)));
        x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pa)));
        FloatVector pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
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

    void r012Pair(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch; // output 1's window starts at input column 0
        FloatVector x0 = FloatVector.fromArray(S, a, o0 + i), x1 = FloatVector.fromArray(S, a, o1 + i), x2 = FloatVector.fromArray(S, a, o2 + i);
        FloatVector pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pa)));
        x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pa)));
        FloatVector pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        int ox = 1;
        for (; ox + 1 < ow - 2; ox += 2, q += 2 * cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector rA = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector rB = x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 4 * L), pa)));
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pb)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            rA.intoArray(out, q);
            rB.intoArray(out, q + cc);
        }
        for (; ox < ow - 2; ox++, q += cc) {
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

    void r012Split(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = c, wo = ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch;
        FloatVector x0 = FloatVector.fromArray(S, a, o0 + i), x1 = FloatVector.fromArray(S, a, o1 + i), x2 = FloatVector.fromArray(S, a, o2 + i);
        FloatVector pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pa)));
        x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
        pa = pa.add(x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.mul(FloatVector.fromArray(S, wbb, wo + 2 * L)))));
        FloatVector pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
            pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 3 * L), pa)));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pb)));
            x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
            FloatVector r = pa.add(x2.fma(FloatVector.fromArray(S, wbb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 9 * L), x0.mul(FloatVector.fromArray(S, wbb, wo + 4 * L)))));
            pa = pb.add(x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.mul(FloatVector.fromArray(S, wbb, wo + 2 * L)))));
            pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
            r.intoArray(out, q);
        }
    }

    void r34(int o3, int o4, float[] out, int outRow, int ch) {
        final int cc = c, wo = ch * 25; final float[] a = in, wbb = wb;
        int q = outRow + cc + ch, i = ch;
        FloatVector x3 = FloatVector.fromArray(S, a, o3 + i), x4 = FloatVector.fromArray(S, a, o4 + i);
        FloatVector pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q)));
        x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
        pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 16 * L), pa));
        x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
        pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 17 * L), pa));
        FloatVector pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q + cc)));
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

    void r34Split(int o3, int o4, float[] out, int outRow, int ch) {
        final int cc = c, wo = ch * 25; final float[] a = in, wbb = wb;
        int q = outRow + cc + ch, i = ch;
        FloatVector x3 = FloatVector.fromArray(S, a, o3 + i), x4 = FloatVector.fromArray(S, a, o4 + i);
        FloatVector pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q)));
        x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
        pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 16 * L), pa));
        x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
        pa = pa.add(x4.fma(FloatVector.fromArray(S, wbb, wo + 22 * L), x3.mul(FloatVector.fromArray(S, wbb, wo + 17 * L))));
        FloatVector pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q + cc)));
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i += 2 * cc;
            x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
            pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 18 * L), pa));
            pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 16 * L), pb));
            x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
            FloatVector r = pa.add(x4.fma(FloatVector.fromArray(S, wbb, wo + 24 * L), x3.mul(FloatVector.fromArray(S, wbb, wo + 19 * L))));
            pa = pb.add(x4.fma(FloatVector.fromArray(S, wbb, wo + 22 * L), x3.mul(FloatVector.fromArray(S, wbb, wo + 17 * L))));
            pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q + 2 * cc)));
            r.intoArray(out, q);
        }
    }

    void r012Lit(int o0, int o1, int o2, float[] out, int outRow, int ch) {
        final int cc = 72, wo = ch * 25; final float[] a = in, wbb = wb;
        FloatVector b = FloatVector.fromArray(S, bias, ch);
        int q = outRow + cc + ch, i = ch; // output 1's window starts at input column 0
        FloatVector x0 = FloatVector.fromArray(S, a, o0 + i), x1 = FloatVector.fromArray(S, a, o1 + i), x2 = FloatVector.fromArray(S, a, o2 + i);
        FloatVector pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        x0 = FloatVector.fromArray(S, a, o0 + i + cc); x1 = FloatVector.fromArray(S, a, o1 + i + cc); x2 = FloatVector.fromArray(S, a, o2 + i + cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 1 * L), pa)));
        x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc); x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc); x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
        pa = x2.fma(FloatVector.fromArray(S, wbb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wbb, wo + 2 * L), pa)));
        FloatVector pb = x2.fma(FloatVector.fromArray(S, wbb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wbb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wbb, wo), b)));
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i = ch + 2 * cc * ox;
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
    void r34Lit(int o3, int o4, float[] out, int outRow, int ch) {
        final int cc = 72, wo = ch * 25; final float[] a = in, wbb = wb;
        int q = outRow + cc + ch, i = ch;
        FloatVector x3 = FloatVector.fromArray(S, a, o3 + i), x4 = FloatVector.fromArray(S, a, o4 + i);
        FloatVector pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q)));
        x3 = FloatVector.fromArray(S, a, o3 + i + cc); x4 = FloatVector.fromArray(S, a, o4 + i + cc);
        pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 16 * L), pa));
        x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc); x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
        pa = x4.fma(FloatVector.fromArray(S, wbb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 17 * L), pa));
        FloatVector pb = x4.fma(FloatVector.fromArray(S, wbb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wbb, wo + 15 * L), FloatVector.fromArray(S, out, q + cc)));
        for (int ox = 1; ox < ow - 2; ox++, q += cc) {
            i = ch + 2 * cc * ox;
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
    public static void main(String[] args) {
        String[] shapes = System.getProperty("shapes", "56,56,72;28,28,240;14,14,576;56,56,48;28,28,144").split(";");
        Random r = new Random(3);
        for (String sh : shapes) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            Dw5s2 d = new Dw5s2(s[0], s[1], s[2], r);
            double flops = 2.0 * 25 * (d.oh - 3) * (d.ow - 3) * d.c;
            int modes = Boolean.getBoolean("pair") ? 4 : d.c == 72 && Boolean.getBoolean("literal") ? 3 : 2;
            double[] best = new double[4];
            float[] outD = new float[d.outA.length];
            float[] outC = new float[d.outA.length];
            for (int round = 0; round < 12; round++) {
                for (int v = 0; v < modes; v++) {
                    long bt = Long.MAX_VALUE;
                    for (int rep = 0; rep < 300; rep++) {
                        long t0 = System.nanoTime();
                        if (v == 2 && d.c != 72) continue;
                        d.run(v, v == 1 ? d.outB : v == 2 ? outC : v == 3 ? outD : d.outA);
                        bt = Math.min(bt, System.nanoTime() - t0);
                    }
                    if (round >= 3) best[v] = Math.max(best[v], flops / bt);
                }
            }
            double maxd = 0, maxv = 0;
            for (int i = 0; i < d.outA.length; i++) { maxd = Math.max(maxd, Math.abs(d.outA[i] - d.outB[i])); maxv = Math.max(maxv, Math.abs(d.outA[i])); }
            System.out.printf("%-12s chain %5.1f GFLOPS  split %5.1f GFLOPS  split/chain %.2f  max|diff| %.2e of max %.2f%n",
                    sh, best[0], best[1], best[1] / best[0], maxd, maxv);
            if (modes == 4) {
                System.out.printf("%-12s chain, two outputs per step, stored together: %5.1f GFLOPS, /chain %.2f, same bits %b%n",
                        sh, best[3], best[3] / best[0], Arrays.equals(outD, d.outA));
            }
            if (modes == 3) {
                System.out.printf("%-12s chain, channel count a literal (72) and the index from the loop variable: %5.1f GFLOPS, /chain %.2f, same bits %b%n",
                        sh, best[2], best[2] / best[0], Arrays.equals(outC, d.outA));
            }
        }
    }
}
