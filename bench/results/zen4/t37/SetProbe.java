import jdk.incubator.vector.*;
public class SetProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    // 7x7 image, nc channels computed, input pixel stride ci, output pixel stride co (floats); 3x3 s1 pad 1, two rows per sweep
    static void sweep(float[] in, int ci, float[] out, int co, float[] w, int wstride, int ch, int r0, int W) {
        FloatVector w00 = FloatVector.fromArray(S, w, ch), w01 = FloatVector.fromArray(S, w, wstride + ch),
            w02 = FloatVector.fromArray(S, w, 2 * wstride + ch), w10 = FloatVector.fromArray(S, w, 3 * wstride + ch),
            w11 = FloatVector.fromArray(S, w, 4 * wstride + ch), w12 = FloatVector.fromArray(S, w, 5 * wstride + ch),
            w20 = FloatVector.fromArray(S, w, 6 * wstride + ch), w21 = FloatVector.fromArray(S, w, 7 * wstride + ch),
            w22 = FloatVector.fromArray(S, w, 8 * wstride + ch);
        FloatVector b = FloatVector.zero(S);
        int rs = W * ci, i0 = r0 * rs + ch, i1 = i0 + rs, i2 = i1 + rs, i3 = i2 + rs;
        int q = (r0 + 1) * W * co + ch + co, rowOut = W * co;
        FloatVector x0 = FloatVector.fromArray(S, in, i0), x1 = FloatVector.fromArray(S, in, i1), x2 = FloatVector.fromArray(S, in, i2), x3 = FloatVector.fromArray(S, in, i3);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        FloatVector ta = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
        i0 += ci; i1 += ci; i2 += ci; i3 += ci;
        x0 = FloatVector.fromArray(S, in, i0); x1 = FloatVector.fromArray(S, in, i1); x2 = FloatVector.fromArray(S, in, i2); x3 = FloatVector.fromArray(S, in, i3);
        sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
        ta = x3.fma(w21, x2.fma(w11, x1.fma(w01, ta)));
        FloatVector sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        FloatVector tb = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
        for (int t = 0; t < W - 2; t++, q += co) {
            i0 += ci; i1 += ci; i2 += ci; i3 += ci;
            x0 = FloatVector.fromArray(S, in, i0); x1 = FloatVector.fromArray(S, in, i1); x2 = FloatVector.fromArray(S, in, i2); x3 = FloatVector.fromArray(S, in, i3);
            FloatVector r = x2.fma(w22, x1.fma(w12, x0.fma(w02, sa)));
            FloatVector u = x3.fma(w22, x2.fma(w12, x1.fma(w02, ta)));
            sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sb)));
            ta = x3.fma(w21, x2.fma(w11, x1.fma(w01, tb)));
            sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            tb = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
            r.intoArray(out, q); u.intoArray(out, q + rowOut);
        }
    }

    static void sweep1x2c(float[] in, int ci, float[] out, int co, float[] w, int wstride, int ch, int r0, int W) {
        int d = 16;
        FloatVector w00 = FloatVector.fromArray(S, w, ch), w01 = FloatVector.fromArray(S, w, wstride + ch),
            w02 = FloatVector.fromArray(S, w, 2 * wstride + ch), w10 = FloatVector.fromArray(S, w, 3 * wstride + ch),
            w11 = FloatVector.fromArray(S, w, 4 * wstride + ch), w12 = FloatVector.fromArray(S, w, 5 * wstride + ch),
            w20 = FloatVector.fromArray(S, w, 6 * wstride + ch), w21 = FloatVector.fromArray(S, w, 7 * wstride + ch),
            w22 = FloatVector.fromArray(S, w, 8 * wstride + ch);
        FloatVector v00 = FloatVector.fromArray(S, w, ch+d), v01 = FloatVector.fromArray(S, w, wstride + ch+d),
            v02 = FloatVector.fromArray(S, w, 2 * wstride + ch+d), v10 = FloatVector.fromArray(S, w, 3 * wstride + ch+d),
            v11 = FloatVector.fromArray(S, w, 4 * wstride + ch+d), v12 = FloatVector.fromArray(S, w, 5 * wstride + ch+d),
            v20 = FloatVector.fromArray(S, w, 6 * wstride + ch+d), v21 = FloatVector.fromArray(S, w, 7 * wstride + ch+d),
            v22 = FloatVector.fromArray(S, w, 8 * wstride + ch+d);
        FloatVector b = FloatVector.zero(S);
        int rs = W * ci, i0 = r0 * rs + ch, i1 = i0 + rs, i2 = i1 + rs;
        int q = (r0 + 1) * W * co + ch + co;
        FloatVector x0 = FloatVector.fromArray(S, in, i0), x1 = FloatVector.fromArray(S, in, i1), x2 = FloatVector.fromArray(S, in, i2);
        FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        x0 = FloatVector.fromArray(S, in, i0+d); x1 = FloatVector.fromArray(S, in, i1+d); x2 = FloatVector.fromArray(S, in, i2+d);
        FloatVector ta = x2.fma(v20, x1.fma(v10, x0.fma(v00, b)));
        i0 += ci; i1 += ci; i2 += ci;
        x0 = FloatVector.fromArray(S, in, i0); x1 = FloatVector.fromArray(S, in, i1); x2 = FloatVector.fromArray(S, in, i2);
        sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
        FloatVector sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
        x0 = FloatVector.fromArray(S, in, i0+d); x1 = FloatVector.fromArray(S, in, i1+d); x2 = FloatVector.fromArray(S, in, i2+d);
        ta = x2.fma(v21, x1.fma(v11, x0.fma(v01, ta)));
        FloatVector tb = x2.fma(v20, x1.fma(v10, x0.fma(v00, b)));
        for (int t = 0; t < W - 2; t++, q += co) {
            i0 += ci; i1 += ci; i2 += ci;
            x0 = FloatVector.fromArray(S, in, i0);
            FloatVector r = x0.fma(w02, sa); sa = x0.fma(w01, sb); sb = x0.fma(w00, b);
            x1 = FloatVector.fromArray(S, in, i1);
            r = x1.fma(w12, r); sa = x1.fma(w11, sa); sb = x1.fma(w10, sb);
            x2 = FloatVector.fromArray(S, in, i2);
            r = x2.fma(w22, r); sa = x2.fma(w21, sa); sb = x2.fma(w20, sb);
            r.intoArray(out, q);
            x0 = FloatVector.fromArray(S, in, i0+d);
            FloatVector u = x0.fma(v02, ta); ta = x0.fma(v01, tb); tb = x0.fma(v00, b);
            x1 = FloatVector.fromArray(S, in, i1+d);
            u = x1.fma(v12, u); ta = x1.fma(v11, ta); tb = x1.fma(v10, tb);
            x2 = FloatVector.fromArray(S, in, i2+d);
            u = x2.fma(v22, u); ta = x2.fma(v21, ta); tb = x2.fma(v20, tb);
            u.intoArray(out, q+d);
        }
    }
    public static void main(String[] a) {
        int H = 9, W = 9, nc = 1024; int V = Integer.getInteger("v", 0); // padded 9x9 input so every window is inside
        for (String spec : System.getProperty("cfg", "1024,1024;1040,1024;1024,1040;1040,1040;1152,1152").split(";")) {
            String[] p = spec.split(",");
            int ci = Integer.parseInt(p[0]), co = Integer.parseInt(p[1]);
            float[] in = new float[H * W * ci + 64], out = new float[H * W * co + 64], w = new float[9 * ci];
            for (int i = 0; i < in.length; i++) in[i] = i % 7;
            for (int i = 0; i < w.length; i++) w[i] = 0.1f;
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 30; round++) {
                long t0 = System.nanoTime();
                for (int rep = 0; rep < 2000; rep++)
                    if (V == 0) { for (int r0 = 0; r0 < 7; r0 += 2) for (int ch = 0; ch < nc; ch += 16) sweep(in, ci, out, co, w, ci, ch, Math.min(r0, 5), W); }
                    else for (int r0 = 0; r0 < 8; r0++) for (int ch = 0; ch < nc; ch += 32) sweep1x2c(in, ci, out, co, w, ci, ch, Math.min(r0, 6), W);
                best = Math.min(best, System.nanoTime() - t0);
            }
            double fmas = 2000.0 * 4 * (nc / 16) * 2 * 7 * 9; // approx per call 2 rows * 7 outputs * 9
            System.out.printf("ci %d co %d: %.2f us per image, %.2f cycles/FMA@3.66GHz%n", ci, co, best / 2000.0 / 1e3, best * 3.66 / fmas);
        }
    }
}
