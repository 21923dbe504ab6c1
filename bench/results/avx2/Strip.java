import jdk.incubator.vector.*;
import static jdk.incubator.vector.VectorOperators.*;

public class Strip {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, NR = 32;
    final int k, n, wo = 16; final float[] packed, bias; final int clampKind = 1;
    Strip(int k, int n) { this.k = k; this.n = n; packed = new float[wo + k * NR * ((n + NR - 1) / NR)]; bias = new float[NR * ((n + NR - 1) / NR)];
        java.util.Random r = new java.util.Random(1); for (int i = 0; i < packed.length; i++) packed[i] = r.nextFloat() - .5f; }

    void tile5x2(float[] a, int aOff, float[] c, int cOff, int p, int j, int k0, int k1, int rows) {
        final int kk = k, nn = n;
        final int m1 = Math.min(1, rows - 1), m2 = Math.min(2, rows - 1), m3 = Math.min(3, rows - 1), m4 = Math.min(4, rows - 1);
        int q = cOff + j, q1 = q + m1 * nn, q2 = q + m2 * nn, q3 = q + m3 * nn, q4 = q + m4 * nn;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41;
        FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
        c00 = c10 = c20 = c30 = c40 = b0; c01 = c11 = c21 = c31 = c41 = b1;
        int a0 = aOff, a1 = a0 + m1 * kk, a2 = a0 + m2 * kk, a3 = a0 + m3 * kk, a4 = a0 + m4 * kk;
        int bi = wo + (p * kk + k0) * NR + (j - p * NR);
        for (int i = k0; i < k1; i++, bi += NR) {
            FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]); c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + i]); c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + i]); c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + i]); c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + i]); c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
        }
        FloatVector lo = FloatVector.broadcast(S, 0f);
        int cl = clampKind;
        if (cl != 0) {
            c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
            c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
            c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
            c30 = c30.blend(lo, c30.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
            c40 = c40.blend(lo, c40.compare(LE, lo)); c41 = c41.blend(lo, c41.compare(LE, lo));
        }
        c00.intoArray(c, q); c01.intoArray(c, q + L); c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
        c20.intoArray(c, q2); c21.intoArray(c, q2 + L); c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
        c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
    }

    /** Rows [0, rows) (a multiple of 5 here) of one half panel, the row loop inside. */
    void strip5x2(float[] a, int aOff, float[] c, int cOff, int p, int j, int rows) {
        final int kk = k, nn = n;
        FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
        FloatVector lo = FloatVector.broadcast(S, 0f);
        int cl = clampKind;
        int bBase = wo + p * kk * NR + (j - p * NR);
        for (int r = 0; r + 5 <= rows; r += 5) {
            int q = cOff + r * nn + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn;
            FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41;
            c00 = c10 = c20 = c30 = c40 = b0; c01 = c11 = c21 = c31 = c41 = b1;
            int a0 = aOff + r * kk, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk;
            int bi = bBase;
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + i]); c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = FloatVector.broadcast(S, a[a1 + i]); c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = FloatVector.broadcast(S, a[a2 + i]); c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = FloatVector.broadcast(S, a[a3 + i]); c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = FloatVector.broadcast(S, a[a4 + i]); c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            }
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c30 = c30.blend(lo, c30.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c41 = c41.blend(lo, c41.compare(LE, lo));
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L); c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
            c20.intoArray(c, q2); c21.intoArray(c, q2 + L); c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
            c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
        }
    }

    /** 16-wide input rows: k-loop unrolled into two halves of 8 with the weights re-loaded (k = 16 special). */
    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]), m = Integer.parseInt(args[2]);
        Strip s = new Strip(k, n);
        float[] a = new float[m * k + 64], c = new float[m * n + 64];
        for (int i = 0; i < a.length; i++) a[i] = (float) Math.sin(i);
        int fp = n / NR, mm = m - m % 5;
        long flops = 2L * mm * k * fp * NR;
        for (int round = 0; round < 12; round++) {
            for (int v = 0; v < 2; v++) {
                long t0 = System.nanoTime(); int reps = 0;
                do {
                    for (int rr = 0; rr < 10; rr++) {
                        if (v == 0) {
                            for (int p = 0; p < fp; p++) for (int r = 0; r < mm; r += 5) {
                                s.tile5x2(a, r * k, c, r * n, p, p * NR, 0, k, 5); s.tile5x2(a, r * k, c, r * n, p, p * NR + 2 * L, 0, k, 5);
                            }
                        } else {
                            for (int p = 0; p < fp; p++) { s.strip5x2(a, 0, c, 0, p, p * NR, mm); s.strip5x2(a, 0, c, 0, p, p * NR + 2 * L, mm); }
                        }
                    }
                    reps += 10;
                } while (System.nanoTime() - t0 < 300_000_000L);
                double g = flops * (double) reps / (System.nanoTime() - t0);
                if (round >= 2) System.out.printf("%s %.1f  ", v == 0 ? "calls" : "strip", g);
            }
            if (round >= 2) System.out.println();
        }
    }
}
