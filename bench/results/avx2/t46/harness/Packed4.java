import jdk.incubator.vector.*;
import java.util.*;

/** 4 x 2 tile with A packed k-major ([k][4]): 8 accumulators + 2 weights + 4 broadcasts = 14 of 16 registers even if
 *  C2 hoists every broadcast, and no address arithmetic per row. Against the 6 x 2 strided loop. */
public class Packed4 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8, K = 512;

    static void packed4(float[] ap, int apOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        c00 = c10 = c20 = c30 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = FloatVector.zero(S);
        int bi = 0, ai = apOff;
        for (int i = 0; i < k; i++, bi += 16, ai += 4) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi), w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(ap[ai])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(ap[ai + 1])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(ap[ai + 2])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(ap[ai + 3])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).intoArray(c, cOff);
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        double window = Double.parseDouble(args[1]);
        float[] a = new float[6 * K + 64], b = new float[16 * K + 64], c = new float[64], ap = new float[4 * K + 64];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        for (int k = 0; k < K; k++) for (int p = 0; p < 4; p++) ap[4 * k + p] = a[p * K + k];
        for (int w = 0; w < 20000; w++) { LeanVsOurs.strided(a, 0, K, b, c, 0); packed4(ap, 0, K, b, c, 8); }
        for (int round = 0; round < rounds; round++) {
            double[] g = new double[2];
            for (int v = 0; v < 2; v++) {
                long t0 = System.nanoTime(), calls = 0, end = t0 + (long) (window * 1e9);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 100; i++) {
                        if (v == 0) LeanVsOurs.strided(a, 0, K, b, c, 0);
                        else packed4(ap, 0, K, b, c, 8);
                    }
                    calls += 100;
                }
                g[v] = (v == 0 ? 2.0 * 6 * 16 * K : 2.0 * 4 * 16 * K) * calls / (System.nanoTime() - t0);
            }
            System.out.printf("r 6x2 %.1f 4x2p %.1f  ratio %.3f%n", g[0], g[1], g[1] / g[0]);
        }
    }
}
