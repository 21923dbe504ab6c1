import jdk.incubator.vector.*;
import java.util.*;

/**
 * 4 x 2 1x1 tiles (8 accumulators) against the 6 x 2 loop (t45's LeanVsOurs.strided): with A packed k-major ([k][4]:
 * 8 accumulators + 2 weights + 4 broadcasts = 14 of 16 registers even if C2 hoists every broadcast, no address
 * arithmetic per row) and with A's rows K apart as the 6 x 2 loop reads them. GFLOPS per WINDOW seconds, alternated.
 * Usage: javac --add-modules jdk.incubator.vector -d . LeanVsOurs.java Packed4.java;
 *        java --add-modules jdk.incubator.vector -XX:+UseG1GC -cp . Packed4 K ROUNDS WINDOW
 */
public class Packed4 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8;

    static FloatVector bc(float[] a, int i) {
        return IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats();
    }

    static void packed4(float[] ap, int apOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c10 = c20 = c30 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = FloatVector.zero(S);
        int bi = 0, ai = apOff;
        for (int i = 0; i < k; i++, bi += 16, ai += 4) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi), w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = bc(ap, ai);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = bc(ap, ai + 1);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = bc(ap, ai + 2);
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = bc(ap, ai + 3);
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).intoArray(c, cOff);
    }

    static void strided4(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c10 = c20 = c30 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = FloatVector.zero(S);
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        int bi = 0;
        for (int i = 0; i < k; i++, bi += 16) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi), w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = bc(a, a0 + i);
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = bc(a, a1 + i);
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = bc(a, a2 + i);
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = bc(a, a3 + i);
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).intoArray(c, cOff);
    }

    public static void main(String[] args) {
        int K = Integer.parseInt(args[0]), rounds = Integer.parseInt(args[1]);
        double window = Double.parseDouble(args[2]);
        float[] a = new float[6 * K + 64], b = new float[16 * K + 64], c = new float[64], ap = new float[4 * K + 64];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        for (int k = 0; k < K; k++) for (int p = 0; p < 4; p++) ap[4 * k + p] = a[p * K + k];
        for (int w = 0; w < 20000; w++) { LeanVsOurs.strided(a, 0, K, b, c, 0); packed4(ap, 0, K, b, c, 8); strided4(a, 0, K, b, c, 16); }
        for (int round = 0; round < rounds; round++) {
            double[] g = new double[3];
            for (int v = 0; v < 3; v++) {
                long t0 = System.nanoTime(), calls = 0, end = t0 + (long) (window * 1e9);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        if (v == 0) LeanVsOurs.strided(a, 0, K, b, c, 0);
                        else if (v == 1) packed4(ap, 0, K, b, c, 8);
                        else strided4(a, 0, K, b, c, 16);
                    }
                    calls += 100;
                }
                g[v] = (v == 0 ? 2.0 * 6 * 16 * K : 2.0 * 4 * 16 * K) * calls / (System.nanoTime() - t0);
            }
            System.out.printf("K %d  6x2 %.1f  4x2 packed %.1f (%.2fx)  4x2 strided %.1f (%.2fx) GFLOPS%n", K, g[0], g[1], g[1] / g[0], g[2], g[2] / g[0]);
        }
    }
}
