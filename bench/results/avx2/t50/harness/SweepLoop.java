import jdk.incubator.vector.*;
import static jdk.incubator.vector.VectorOperators.*;
import java.util.*;

/**
 * The 16-register 3x3 stride-1 depthwise sweep loop (DepthwiseConv3x3Nhwc.sweepS1's, ReLU) copied out of the kernel,
 * with its weights, bias and bounds set up once per call as there, in five variants: v0 the kernel's loop; v1 without
 * the clamp; v2 with each weight loaded where used (folded into the FMAs); v3 with a column's three loads first (the
 * order before the row-by-row change); v4 two channel blocks per call, weights loaded where used. Per call one channel
 * block (v4: two) sweeps N outputs of a row whose pixels are CC floats apart; REPS calls per round, 15 rounds after 3
 * warm-up rounds, all variants alternating; the median and minimum of the rounds in ns per output vector (9 FMAs).
 * Usage: {@code javac --add-modules jdk.incubator.vector -d . SweepLoop.java}, then
 * {@code java --add-modules jdk.incubator.vector -cp . SweepLoop CC N REPS} (e.g. 16 1000 10000, 64 14 100000,
 * 576 14 10000). Each variant is a whole copy of the loop with its set-up, as the kernel's method is, so C2 compiles
 * each alone (no shared helper that could return vectors and box them).
 */
public class SweepLoop {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static float[] w = new float[9 * 8 * 4], bias = new float[64];

    // v0: the kernel's loop (9 weights in registers, clamp blend).
    static void v0(float[] a, int o0, int o1, int o2, float[] out, int q, int cc, int n) {
        FloatVector w00 = FloatVector.fromArray(S, w, 0), w01 = FloatVector.fromArray(S, w, 8), w02 = FloatVector.fromArray(S, w, 16),
                w10 = FloatVector.fromArray(S, w, 24), w11 = FloatVector.fromArray(S, w, 32), w12 = FloatVector.fromArray(S, w, 40),
                w20 = FloatVector.fromArray(S, w, 48), w21 = FloatVector.fromArray(S, w, 56), w22 = FloatVector.fromArray(S, w, 64);
        FloatVector b = FloatVector.fromArray(S, bias, 0), lo = FloatVector.zero(S);
        FloatVector sa = b, sb = b;
        int i0 = o0, i1 = o1, i2 = o2;
        for (int t = n - 1; t >= 0; t--, q += cc) {
            i0 += cc; i1 += cc; i2 += cc;
            FloatVector x0 = FloatVector.fromArray(S, a, i0);
            FloatVector r = x0.fma(w02, sa); sa = x0.fma(w01, sb); sb = x0.fma(w00, b);
            FloatVector x1 = FloatVector.fromArray(S, a, i1);
            r = x1.fma(w12, r); sa = x1.fma(w11, sa); sb = x1.fma(w10, sb);
            FloatVector x2 = FloatVector.fromArray(S, a, i2);
            r = x2.fma(w22, r); sa = x2.fma(w21, sa); sb = x2.fma(w20, sb);
            r = r.blend(lo, r.compare(LE, lo));
            r.intoArray(out, q);
        }
    }
    // 1: no clamp.
    static void v1(float[] a, int o0, int o1, int o2, float[] out, int q, int cc, int n) {
        FloatVector w00 = FloatVector.fromArray(S, w, 0), w01 = FloatVector.fromArray(S, w, 8), w02 = FloatVector.fromArray(S, w, 16),
                w10 = FloatVector.fromArray(S, w, 24), w11 = FloatVector.fromArray(S, w, 32), w12 = FloatVector.fromArray(S, w, 40),
                w20 = FloatVector.fromArray(S, w, 48), w21 = FloatVector.fromArray(S, w, 56), w22 = FloatVector.fromArray(S, w, 64);
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        FloatVector sa = b, sb = b;
        int i0 = o0, i1 = o1, i2 = o2;
        for (int t = n - 1; t >= 0; t--, q += cc) {
            i0 += cc; i1 += cc; i2 += cc;
            FloatVector x0 = FloatVector.fromArray(S, a, i0);
            FloatVector r = x0.fma(w02, sa); sa = x0.fma(w01, sb); sb = x0.fma(w00, b);
            FloatVector x1 = FloatVector.fromArray(S, a, i1);
            r = x1.fma(w12, r); sa = x1.fma(w11, sa); sb = x1.fma(w10, sb);
            FloatVector x2 = FloatVector.fromArray(S, a, i2);
            r = x2.fma(w22, r); sa = x2.fma(w21, sa); sb = x2.fma(w20, sb);
            r.intoArray(out, q);
        }
    }
    // 2: weights loaded where used (folded into the FMAs), clamp kept.
    static void v2(float[] a, int o0, int o1, int o2, float[] out, int q, int cc, int n) {
        final float[] ww = w;
        FloatVector b = FloatVector.fromArray(S, bias, 0), lo = FloatVector.zero(S);
        FloatVector sa = b, sb = b;
        int i0 = o0, i1 = o1, i2 = o2;
        for (int t = n - 1; t >= 0; t--, q += cc) {
            i0 += cc; i1 += cc; i2 += cc;
            FloatVector x0 = FloatVector.fromArray(S, a, i0);
            FloatVector r = x0.fma(FloatVector.fromArray(S, ww, 16), sa); sa = x0.fma(FloatVector.fromArray(S, ww, 8), sb); sb = x0.fma(FloatVector.fromArray(S, ww, 0), b);
            FloatVector x1 = FloatVector.fromArray(S, a, i1);
            r = x1.fma(FloatVector.fromArray(S, ww, 40), r); sa = x1.fma(FloatVector.fromArray(S, ww, 32), sa); sb = x1.fma(FloatVector.fromArray(S, ww, 24), sb);
            FloatVector x2 = FloatVector.fromArray(S, a, i2);
            r = x2.fma(FloatVector.fromArray(S, ww, 64), r); sa = x2.fma(FloatVector.fromArray(S, ww, 56), sa); sb = x2.fma(FloatVector.fromArray(S, ww, 48), sb);
            r = r.blend(lo, r.compare(LE, lo));
            r.intoArray(out, q);
        }
    }
    // 3: column-wise loads: each iteration loads the 3 rows of one column first, then the FMAs (as sweepS1 before the row-by-row change).
    static void v3(float[] a, int o0, int o1, int o2, float[] out, int q, int cc, int n) {
        FloatVector w00 = FloatVector.fromArray(S, w, 0), w01 = FloatVector.fromArray(S, w, 8), w02 = FloatVector.fromArray(S, w, 16),
                w10 = FloatVector.fromArray(S, w, 24), w11 = FloatVector.fromArray(S, w, 32), w12 = FloatVector.fromArray(S, w, 40),
                w20 = FloatVector.fromArray(S, w, 48), w21 = FloatVector.fromArray(S, w, 56), w22 = FloatVector.fromArray(S, w, 64);
        FloatVector b = FloatVector.fromArray(S, bias, 0), lo = FloatVector.zero(S);
        FloatVector sa = b, sb = b;
        int i0 = o0, i1 = o1, i2 = o2;
        for (int t = n - 1; t >= 0; t--, q += cc) {
            i0 += cc; i1 += cc; i2 += cc;
            FloatVector x0 = FloatVector.fromArray(S, a, i0), x1 = FloatVector.fromArray(S, a, i1), x2 = FloatVector.fromArray(S, a, i2);
            FloatVector r = x2.fma(w22, x1.fma(w12, x0.fma(w02, sa)));
            sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sb)));
            sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            r = r.blend(lo, r.compare(LE, lo));
            r.intoArray(out, q);
        }
    }

    // v4: two channel blocks per call (six independent partial sums), weights loaded where used; the second block's
    // nine weights at +72, its channels 8 floats on. Counted as two output vectors per step.
    static void v4(float[] a, int o0, int o1, int o2, float[] out, int q, int cc, int n) {
        final float[] ww = w;
        FloatVector b = FloatVector.fromArray(S, bias, 0), c = FloatVector.fromArray(S, bias, 8), lo = FloatVector.zero(S);
        FloatVector sa = b, sb = b, ta = c, tb = c;
        int i0 = o0, i1 = o1, i2 = o2;
        for (int t = n - 1; t >= 0; t--, q += cc) {
            i0 += cc; i1 += cc; i2 += cc;
            FloatVector x0 = FloatVector.fromArray(S, a, i0), y0 = FloatVector.fromArray(S, a, i0 + 8);
            FloatVector r = x0.fma(FloatVector.fromArray(S, ww, 16), sa), u = y0.fma(FloatVector.fromArray(S, ww, 88), ta);
            sa = x0.fma(FloatVector.fromArray(S, ww, 8), sb); ta = y0.fma(FloatVector.fromArray(S, ww, 80), tb);
            sb = x0.fma(FloatVector.fromArray(S, ww, 0), b); tb = y0.fma(FloatVector.fromArray(S, ww, 72), c);
            FloatVector x1 = FloatVector.fromArray(S, a, i1), y1 = FloatVector.fromArray(S, a, i1 + 8);
            r = x1.fma(FloatVector.fromArray(S, ww, 40), r); u = y1.fma(FloatVector.fromArray(S, ww, 112), u);
            sa = x1.fma(FloatVector.fromArray(S, ww, 32), sa); ta = y1.fma(FloatVector.fromArray(S, ww, 104), ta);
            sb = x1.fma(FloatVector.fromArray(S, ww, 24), sb); tb = y1.fma(FloatVector.fromArray(S, ww, 96), tb);
            FloatVector x2 = FloatVector.fromArray(S, a, i2), y2 = FloatVector.fromArray(S, a, i2 + 8);
            r = x2.fma(FloatVector.fromArray(S, ww, 64), r); u = y2.fma(FloatVector.fromArray(S, ww, 136), u);
            sa = x2.fma(FloatVector.fromArray(S, ww, 56), sa); ta = y2.fma(FloatVector.fromArray(S, ww, 128), ta);
            sb = x2.fma(FloatVector.fromArray(S, ww, 48), sb); tb = y2.fma(FloatVector.fromArray(S, ww, 120), tb);
            r = r.blend(lo, r.compare(LE, lo));
            u = u.blend(lo, u.compare(LE, lo));
            r.intoArray(out, q);
            u.intoArray(out, q + 8);
        }
    }

    public static void main(String[] args) {
        int cc = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        int rounds = 15;
        float[] a = new float[cc * (n + 4) * 3 + 64], out = new float[cc * (n + 4) + 64];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        int rs = cc * (n + 4);
        int nv = 5;
        double[][] ns = new double[nv][rounds];
        for (int round = -3; round < rounds; round++) {
            for (int v = 0; v < nv; v++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    if (v == 4) {
                        for (int ch = 0; ch + 16 <= cc; ch += 16) {
                            v4(a, ch, rs + ch, 2 * rs + ch, out, ch, cc, n);
                        }
                        continue;
                    }
                    for (int ch = 0; ch + 8 <= cc; ch += 8) {
                        switch (v) {
                            case 0 -> v0(a, ch, rs + ch, 2 * rs + ch, out, ch, cc, n);
                            case 1 -> v1(a, ch, rs + ch, 2 * rs + ch, out, ch, cc, n);
                            case 2 -> v2(a, ch, rs + ch, 2 * rs + ch, out, ch, cc, n);
                            default -> v3(a, ch, rs + ch, 2 * rs + ch, out, ch, cc, n);
                        }
                    }
                }
                if (round >= 0) ns[v][round] = (System.nanoTime() - t0) / ((double) reps * (v == 4 ? cc / 16 * 2 : cc / 8) * n);
            }
        }
        for (int v = 0; v < nv; v++) {
            double[] x = ns[v].clone();
            Arrays.sort(x);
            System.out.printf("cc %d n %d v%d: median %.2f ns per output vector (%.1f GFLOPS), min %.2f%n", cc, n, v, x[rounds / 2], 144 / x[rounds / 2], x[0]);
        }
    }
}
