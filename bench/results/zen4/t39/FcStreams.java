import jdk.incubator.vector.*;

/** One pixel x K -> N, panels of 4 vectors, weights cycled through SETS copies (cold): 1, 3, 6 streams. */
public class FcStreams {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length(), NR = 4 * L;
    static int K, N, P;
    static float[][] W;
    static float[] a, bias, c;

    static void run1(float[] w) {
        for (int p = 0; p < P; p++) {
            FloatVector c0 = FloatVector.fromArray(S, bias, p * NR), c1 = FloatVector.fromArray(S, bias, p * NR + L),
                    c2 = FloatVector.fromArray(S, bias, p * NR + 2 * L), c3 = FloatVector.fromArray(S, bias, p * NR + 3 * L);
            int bi = p * K * NR;
            for (int i = 0; i < K; i++, bi += NR) {
                FloatVector x = FloatVector.broadcast(S, a[i]);
                c0 = FloatVector.fromArray(S, w, bi).fma(x, c0);
                c1 = FloatVector.fromArray(S, w, bi + L).fma(x, c1);
                c2 = FloatVector.fromArray(S, w, bi + 2 * L).fma(x, c2);
                c3 = FloatVector.fromArray(S, w, bi + 3 * L).fma(x, c3);
            }
            c0.intoArray(c, p * NR); c1.intoArray(c, p * NR + L); c2.intoArray(c, p * NR + 2 * L); c3.intoArray(c, p * NR + 3 * L);
        }
    }

    static void run3(float[] w) {
        int p = 0;
        for (; p + 3 <= P; p += 3) {
            int col = p * NR;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L),
                    c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c10 = FloatVector.fromArray(S, bias, col + NR), c11 = FloatVector.fromArray(S, bias, col + NR + L),
                    c12 = FloatVector.fromArray(S, bias, col + NR + 2 * L), c13 = FloatVector.fromArray(S, bias, col + NR + 3 * L);
            FloatVector c20 = FloatVector.fromArray(S, bias, col + 2 * NR), c21 = FloatVector.fromArray(S, bias, col + 2 * NR + L),
                    c22 = FloatVector.fromArray(S, bias, col + 2 * NR + 2 * L), c23 = FloatVector.fromArray(S, bias, col + 2 * NR + 3 * L);
            int bi = p * K * NR, bj = bi + K * NR, bh = bj + K * NR;
            for (int i = 0; i < K; i++, bi += NR, bj += NR, bh += NR) {
                FloatVector x = FloatVector.broadcast(S, a[i]);
                c00 = FloatVector.fromArray(S, w, bi).fma(x, c00); c01 = FloatVector.fromArray(S, w, bi + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, w, bi + 2 * L).fma(x, c02); c03 = FloatVector.fromArray(S, w, bi + 3 * L).fma(x, c03);
                c10 = FloatVector.fromArray(S, w, bj).fma(x, c10); c11 = FloatVector.fromArray(S, w, bj + L).fma(x, c11);
                c12 = FloatVector.fromArray(S, w, bj + 2 * L).fma(x, c12); c13 = FloatVector.fromArray(S, w, bj + 3 * L).fma(x, c13);
                c20 = FloatVector.fromArray(S, w, bh).fma(x, c20); c21 = FloatVector.fromArray(S, w, bh + L).fma(x, c21);
                c22 = FloatVector.fromArray(S, w, bh + 2 * L).fma(x, c22); c23 = FloatVector.fromArray(S, w, bh + 3 * L).fma(x, c23);
            }
            c00.intoArray(c, col); c01.intoArray(c, col + L); c02.intoArray(c, col + 2 * L); c03.intoArray(c, col + 3 * L);
            c10.intoArray(c, col + NR); c11.intoArray(c, col + NR + L); c12.intoArray(c, col + NR + 2 * L); c13.intoArray(c, col + NR + 3 * L);
            c20.intoArray(c, col + 2 * NR); c21.intoArray(c, col + 2 * NR + L); c22.intoArray(c, col + 2 * NR + 2 * L); c23.intoArray(c, col + 2 * NR + 3 * L);
        }
        rest(w, p);
    }

    static void run6(float[] w) {
        int p = 0;
        for (; p + 6 <= P; p += 6) {
            int col = p * NR;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L),
                    c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c10 = FloatVector.fromArray(S, bias, col + NR), c11 = FloatVector.fromArray(S, bias, col + NR + L),
                    c12 = FloatVector.fromArray(S, bias, col + NR + 2 * L), c13 = FloatVector.fromArray(S, bias, col + NR + 3 * L);
            FloatVector c20 = FloatVector.fromArray(S, bias, col + 2 * NR), c21 = FloatVector.fromArray(S, bias, col + 2 * NR + L),
                    c22 = FloatVector.fromArray(S, bias, col + 2 * NR + 2 * L), c23 = FloatVector.fromArray(S, bias, col + 2 * NR + 3 * L);
            FloatVector c30 = FloatVector.fromArray(S, bias, col + 3 * NR), c31 = FloatVector.fromArray(S, bias, col + 3 * NR + L),
                    c32 = FloatVector.fromArray(S, bias, col + 3 * NR + 2 * L), c33 = FloatVector.fromArray(S, bias, col + 3 * NR + 3 * L);
            FloatVector c40 = FloatVector.fromArray(S, bias, col + 4 * NR), c41 = FloatVector.fromArray(S, bias, col + 4 * NR + L),
                    c42 = FloatVector.fromArray(S, bias, col + 4 * NR + 2 * L), c43 = FloatVector.fromArray(S, bias, col + 4 * NR + 3 * L);
            FloatVector c50 = FloatVector.fromArray(S, bias, col + 5 * NR), c51 = FloatVector.fromArray(S, bias, col + 5 * NR + L),
                    c52 = FloatVector.fromArray(S, bias, col + 5 * NR + 2 * L), c53 = FloatVector.fromArray(S, bias, col + 5 * NR + 3 * L);
            int b0 = p * K * NR, b1 = b0 + K * NR, b2 = b1 + K * NR, b3 = b2 + K * NR, b4 = b3 + K * NR, b5 = b4 + K * NR;
            for (int i = 0; i < K; i++, b0 += NR, b1 += NR, b2 += NR, b3 += NR, b4 += NR, b5 += NR) {
                FloatVector x = FloatVector.broadcast(S, a[i]);
                c00 = FloatVector.fromArray(S, w, b0).fma(x, c00); c01 = FloatVector.fromArray(S, w, b0 + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, w, b0 + 2 * L).fma(x, c02); c03 = FloatVector.fromArray(S, w, b0 + 3 * L).fma(x, c03);
                c10 = FloatVector.fromArray(S, w, b1).fma(x, c10); c11 = FloatVector.fromArray(S, w, b1 + L).fma(x, c11);
                c12 = FloatVector.fromArray(S, w, b1 + 2 * L).fma(x, c12); c13 = FloatVector.fromArray(S, w, b1 + 3 * L).fma(x, c13);
                c20 = FloatVector.fromArray(S, w, b2).fma(x, c20); c21 = FloatVector.fromArray(S, w, b2 + L).fma(x, c21);
                c22 = FloatVector.fromArray(S, w, b2 + 2 * L).fma(x, c22); c23 = FloatVector.fromArray(S, w, b2 + 3 * L).fma(x, c23);
                c30 = FloatVector.fromArray(S, w, b3).fma(x, c30); c31 = FloatVector.fromArray(S, w, b3 + L).fma(x, c31);
                c32 = FloatVector.fromArray(S, w, b3 + 2 * L).fma(x, c32); c33 = FloatVector.fromArray(S, w, b3 + 3 * L).fma(x, c33);
                c40 = FloatVector.fromArray(S, w, b4).fma(x, c40); c41 = FloatVector.fromArray(S, w, b4 + L).fma(x, c41);
                c42 = FloatVector.fromArray(S, w, b4 + 2 * L).fma(x, c42); c43 = FloatVector.fromArray(S, w, b4 + 3 * L).fma(x, c43);
                c50 = FloatVector.fromArray(S, w, b5).fma(x, c50); c51 = FloatVector.fromArray(S, w, b5 + L).fma(x, c51);
                c52 = FloatVector.fromArray(S, w, b5 + 2 * L).fma(x, c52); c53 = FloatVector.fromArray(S, w, b5 + 3 * L).fma(x, c53);
            }
            c00.intoArray(c, col); c01.intoArray(c, col + L); c02.intoArray(c, col + 2 * L); c03.intoArray(c, col + 3 * L);
            c10.intoArray(c, col + NR); c11.intoArray(c, col + NR + L); c12.intoArray(c, col + NR + 2 * L); c13.intoArray(c, col + NR + 3 * L);
            c20.intoArray(c, col + 2 * NR); c21.intoArray(c, col + 2 * NR + L); c22.intoArray(c, col + 2 * NR + 2 * L); c23.intoArray(c, col + 2 * NR + 3 * L);
            c30.intoArray(c, col + 3 * NR); c31.intoArray(c, col + 3 * NR + L); c32.intoArray(c, col + 3 * NR + 2 * L); c33.intoArray(c, col + 3 * NR + 3 * L);
            c40.intoArray(c, col + 4 * NR); c41.intoArray(c, col + 4 * NR + L); c42.intoArray(c, col + 4 * NR + 2 * L); c43.intoArray(c, col + 4 * NR + 3 * L);
            c50.intoArray(c, col + 5 * NR); c51.intoArray(c, col + 5 * NR + L); c52.intoArray(c, col + 5 * NR + 2 * L); c53.intoArray(c, col + 5 * NR + 3 * L);
        }
        rest(w, p);
    }

    static void rest(float[] w, int from) {
        for (int p = from; p < P; p++) {
            FloatVector c0 = FloatVector.fromArray(S, bias, p * NR), c1 = FloatVector.fromArray(S, bias, p * NR + L),
                    c2 = FloatVector.fromArray(S, bias, p * NR + 2 * L), c3 = FloatVector.fromArray(S, bias, p * NR + 3 * L);
            int bi = p * K * NR;
            for (int i = 0; i < K; i++, bi += NR) {
                FloatVector x = FloatVector.broadcast(S, a[i]);
                c0 = FloatVector.fromArray(S, w, bi).fma(x, c0);
                c1 = FloatVector.fromArray(S, w, bi + L).fma(x, c1);
                c2 = FloatVector.fromArray(S, w, bi + 2 * L).fma(x, c2);
                c3 = FloatVector.fromArray(S, w, bi + 3 * L).fma(x, c3);
            }
            c0.intoArray(c, p * NR); c1.intoArray(c, p * NR + L); c2.intoArray(c, p * NR + 2 * L); c3.intoArray(c, p * NR + 3 * L);
        }
    }

    public static void main(String[] args) {
        K = Integer.parseInt(args[0]); N = Integer.parseInt(args[1]);
        int sets = Integer.parseInt(args[2]), rounds = Integer.parseInt(args[3]);
        P = N / NR; // whole panels only
        W = new float[sets][P * K * NR];
        java.util.Random r = new java.util.Random(1);
        for (float[] w : W) for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        a = new float[K]; for (int i = 0; i < K; i++) a[i] = r.nextFloat();
        bias = new float[P * NR]; c = new float[P * NR];
        double mb = P * K * NR * 4.0 / 1e6;
        for (int w = 0; w < 3000; w++) { run1(W[w % sets]); run3(W[w % sets]); run6(W[w % sets]); }
        String[] names = {"1", "3", "6"};
        for (int round = 0; round < rounds; round++) {
            StringBuilder sb = new StringBuilder("round " + round + String.format(" (%.2f MB):", mb));
            for (int v = 0; v < 3; v++) {
                long[] t = new long[200];
                for (int it = 0; it < 200; it++) {
                    float[] w = W[(it + round * 7) % sets];
                    long t0 = System.nanoTime();
                    switch (v) { case 0 -> run1(w); case 1 -> run3(w); default -> run6(w); }
                    t[it] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(t);
                double us = t[100] / 1e3;
                sb.append(String.format("  %s streams %.1f us %.1f GB/s", names[v], us, mb * 1e3 / us / 1e3 * 1e3 / 1e3));
            }
            System.out.println(sb);
        }
    }
}
