import jdk.incubator.vector.*;
import java.util.*;

/** Does a compile-time-constant K help the 5x2 pointwise tile at small K? Same body with K a parameter, with the kernel's repeated-row logic, and with K a static final (-Dkc=16). */
public class KConst {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8, NR = 32;
    static final int K16 = Integer.getInteger("kc", 16); // static final: a constant to C2

    // K as a run-time parameter (the committed tile's shape).
    static void tileVar(int kk, float[] a, int aOff, float[] packed, int p, int j, float[] bias, float[] c, int cOff, int nn) {
        int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn;
        FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
        FloatVector c00 = b0, c10 = b0, c20 = b0, c30 = b0, c40 = b0, c01 = b1, c11 = b1, c21 = b1, c31 = b1, c41 = b1;
        int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk;
        int bi = p * kk * NR + (j - p * NR);
        for (int i = 0; i < kk; i++, bi += NR) {
            FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + i]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + i]);
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + i]);
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + i]);
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
        }
        FloatVector lo = FloatVector.zero(S);
        c00 = c00.blend(lo, c00.compare(VectorOperators.LE, lo)); c01 = c01.blend(lo, c01.compare(VectorOperators.LE, lo));
        c10 = c10.blend(lo, c10.compare(VectorOperators.LE, lo)); c11 = c11.blend(lo, c11.compare(VectorOperators.LE, lo));
        c20 = c20.blend(lo, c20.compare(VectorOperators.LE, lo)); c21 = c21.blend(lo, c21.compare(VectorOperators.LE, lo));
        c30 = c30.blend(lo, c30.compare(VectorOperators.LE, lo)); c31 = c31.blend(lo, c31.compare(VectorOperators.LE, lo));
        c40 = c40.blend(lo, c40.compare(VectorOperators.LE, lo)); c41 = c41.blend(lo, c41.compare(VectorOperators.LE, lo));
        c00.intoArray(c, q); c01.intoArray(c, q + L); c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
        c20.intoArray(c, q2); c21.intoArray(c, q2 + L); c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
        c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
    }

    // The same body with K = K16, a compile-time constant to C2.
    static void tileConst(float[] a, int aOff, float[] packed, int p, int j, float[] bias, float[] c, int cOff, int nn) {
        final int kk = K16;
        int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn;
        FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
        FloatVector c00 = b0, c10 = b0, c20 = b0, c30 = b0, c40 = b0, c01 = b1, c11 = b1, c21 = b1, c31 = b1, c41 = b1;
        int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk;
        int bi = p * kk * NR + (j - p * NR);
        for (int i = 0; i < kk; i++, bi += NR) {
            FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + i]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + i]);
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + i]);
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + i]);
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
        }
        FloatVector lo = FloatVector.zero(S);
        c00 = c00.blend(lo, c00.compare(VectorOperators.LE, lo)); c01 = c01.blend(lo, c01.compare(VectorOperators.LE, lo));
        c10 = c10.blend(lo, c10.compare(VectorOperators.LE, lo)); c11 = c11.blend(lo, c11.compare(VectorOperators.LE, lo));
        c20 = c20.blend(lo, c20.compare(VectorOperators.LE, lo)); c21 = c21.blend(lo, c21.compare(VectorOperators.LE, lo));
        c30 = c30.blend(lo, c30.compare(VectorOperators.LE, lo)); c31 = c31.blend(lo, c31.compare(VectorOperators.LE, lo));
        c40 = c40.blend(lo, c40.compare(VectorOperators.LE, lo)); c41 = c41.blend(lo, c41.compare(VectorOperators.LE, lo));
        c00.intoArray(c, q); c01.intoArray(c, q + L); c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
        c20.intoArray(c, q2); c21.intoArray(c, q2 + L); c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
        c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
    }

    // with the repeat-last-row logic
    static void tileRows(int rows, int kk, float[] a, int aOff, float[] packed, int p, int j, float[] bias, float[] c, int cOff, int nn) {
        final int m1 = Math.min(1, rows - 1), m2 = Math.min(2, rows - 1), m3 = Math.min(3, rows - 1), m4 = Math.min(4, rows - 1);
        int q = cOff + j, q1 = q + m1 * nn, q2 = q + m2 * nn, q3 = q + m3 * nn, q4 = q + m4 * nn;
        FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
        FloatVector c00 = b0, c10 = b0, c20 = b0, c30 = b0, c40 = b0, c01 = b1, c11 = b1, c21 = b1, c31 = b1, c41 = b1;
        int a0 = aOff, a1 = a0 + m1 * kk, a2 = a0 + m2 * kk, a3 = a0 + m3 * kk, a4 = a0 + m4 * kk;
        int bi = p * kk * NR + (j - p * NR);
        for (int i = 0; i < kk; i++, bi += NR) {
            FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + i]);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + i]);
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + i]);
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + i]);
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
        }
        FloatVector lo = FloatVector.zero(S);
        c00 = c00.blend(lo, c00.compare(VectorOperators.LE, lo)); c01 = c01.blend(lo, c01.compare(VectorOperators.LE, lo));
        c10 = c10.blend(lo, c10.compare(VectorOperators.LE, lo)); c11 = c11.blend(lo, c11.compare(VectorOperators.LE, lo));
        c20 = c20.blend(lo, c20.compare(VectorOperators.LE, lo)); c21 = c21.blend(lo, c21.compare(VectorOperators.LE, lo));
        c30 = c30.blend(lo, c30.compare(VectorOperators.LE, lo)); c31 = c31.blend(lo, c31.compare(VectorOperators.LE, lo));
        c40 = c40.blend(lo, c40.compare(VectorOperators.LE, lo)); c41 = c41.blend(lo, c41.compare(VectorOperators.LE, lo));
        c00.intoArray(c, q); c01.intoArray(c, q + L); c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
        c20.intoArray(c, q2); c21.intoArray(c, q2 + L); c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
        c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
    }

    public static void main(String[] args) {
        int k = K16, n = Integer.getInteger("n", 64), m = 112 * 110; // multiple of 5 rows
        int panels = n / NR;
        Random r = new Random(1);
        float[] a = new float[m * k], packed = new float[panels * k * NR], bias = new float[n], c = new float[m * n + 16];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        for (int i = 0; i < packed.length; i++) packed[i] = r.nextFloat() - 0.5f;
        float[] c2 = c.clone(), c3 = c.clone();
        double flops = 2.0 * m * n * k;
        for (int round = 0; round < 12; round++) {
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 20; rep++)
                for (int row = 0; row + 5 <= m; row += 5)
                    for (int p = 0; p < panels; p++) {
                        tileVar(k, a, row * k, packed, p, p * NR, bias, c, row * n, n);
                        tileVar(k, a, row * k, packed, p, p * NR + 2 * L, bias, c, row * n, n);
                    }
            long t1 = System.nanoTime();
            for (int rep = 0; rep < 20; rep++)
                for (int row = 0; row + 5 <= m; row += 5)
                    for (int p = 0; p < panels; p++) {
                        tileRows(5, k, a, row * k, packed, p, p * NR, bias, c2, row * n, n);
                        tileRows(5, k, a, row * k, packed, p, p * NR + 2 * L, bias, c2, row * n, n);
                    }
            long t2 = System.nanoTime();
            for (int rep = 0; rep < 20; rep++)
                for (int row = 0; row + 5 <= m; row += 5)
                    for (int p = 0; p < panels; p++) {
                        tileConst(a, row * k, packed, p, p * NR, bias, c3, row * n, n);
                        tileConst(a, row * k, packed, p, p * NR + 2 * L, bias, c3, row * n, n);
                    }
            long t3 = System.nanoTime();
            if (round >= 4) System.out.printf("K=%d N=%d  K a parameter %.1f GFLOPS, with repeated rows %.1f, K a constant %.1f%n", k, n, flops * 20 / (t1 - t0), flops * 20 / (t2 - t1), flops * 20 / (t3 - t2));
        }
        if (!Arrays.equals(c, c2) || !Arrays.equals(c, c3)) throw new AssertionError("the variants' outputs differ");
    }
}
