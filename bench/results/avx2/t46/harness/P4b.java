import jdk.incubator.vector.*;
import java.util.*;
public class P4b {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8;
    // strided 4x2: rows of A at stride k
    static void strided4(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c10 = c20 = c30 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = FloatVector.zero(S);
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        int bi = 0;
        for (int i = 0; i < k; i++, bi += 16) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi), w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).intoArray(c, cOff);
    }
    public static void main(String[] args) {
        int K = Integer.parseInt(args[0]);
        float[] a = new float[6 * K + 64], b = new float[16 * K + 64], c = new float[64], ap = new float[4 * K + 64];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        for (int k = 0; k < K; k++) for (int p = 0; p < 4; p++) ap[4 * k + p] = a[p * K + k];
        for (int w = 0; w < 20000; w++) { LeanVsOurs.strided(a, 0, K, b, c, 0); Packed4.packed4(ap, 0, K, b, c, 8); strided4(a, 0, K, b, c, 16); }
        for (int round = 0; round < 6; round++) {
            double[] g = new double[3];
            for (int v = 0; v < 3; v++) {
                long t0 = System.nanoTime(), calls = 0, end = t0 + (long) (0.3 * 1e9);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        if (v == 0) LeanVsOurs.strided(a, 0, K, b, c, 0);
                        else if (v == 1) Packed4.packed4(ap, 0, K, b, c, 8);
                        else strided4(a, 0, K, b, c, 16);
                    }
                    calls += 100;
                }
                g[v] = (v == 0 ? 2.0 * 6 * 16 * K : 2.0 * 4 * 16 * K) * calls / (System.nanoTime() - t0);
            }
            System.out.printf("K %d 6x2 %.1f 4x2p %.1f 4x2s %.1f%n", K, g[0], g[1], g[2]);
        }
    }
}
