import jdk.incubator.vector.*;
import java.io.*;
import java.util.*;

/**
 * LeanVsOurs (whose strided tile it calls; compile the two together) with a third loop: the 6 x 2 tile with K a literal (512), so its six rows sit at constant distances.
 * Rounds alternating our 6 x 2 tile's k loop as C2 compiles it (t44's Tiles.strided: 33 instructions per 12 FMAs) and
 * the same FMAs in C with MLAS-like addressing (leantile.c: 88 per 48), each for WINDOW seconds, same CPU, GFLOPS over
 * the window: whether the guest's slow phases slow the instruction-heavier loop more. Usage:
 * java --add-modules jdk.incubator.vector -cp . LeanVsOurs ROUNDS WINDOW /path/to/leantile
 */
public class LeanVsLit {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8, K = 512;


    static void stridedK512(float[] a, int aOff, int kUnused, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        final int k = 512;
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, a4 = a3 + k, a5 = a4 + k;
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
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).add(c40).add(c41).add(c50).add(c51).intoArray(c, cOff);
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        double window = Double.parseDouble(args[1]);
        String lean = args[2];
        float[] a = new float[6 * K + 64], b = new float[16 * K + 64], c = new float[64];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        double flopsPerCall = 2.0 * 6 * 16 * K;
        for (int w = 0; w < 20000; w++) { LeanVsOurs.strided(a, 0, K, b, c, 0); stridedK512(a, 0, K, b, c, 0); } // C2
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime(), calls = 0, end = t0 + (long) (window * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) LeanVsOurs.strided(a, 0, K, b, c, 0);
                calls += 100;
            }
            double ours = flopsPerCall * calls / (System.nanoTime() - t0);
            t0 = System.nanoTime(); calls = 0; end = t0 + (long) (window * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) stridedK512(a, 0, K, b, c, 0);
                calls += 100;
            }
            double lit = flopsPerCall * calls / (System.nanoTime() - t0);
            Process p = new ProcessBuilder(lean, String.valueOf(window)).redirectErrorStream(true).start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
            p.waitFor();
            double leanG = Double.parseDouble(line.trim().split("\\s+")[0]);
            System.out.printf("r %.1f %.1f %.3f %.1f %.3f%n", ours, leanG, ours / leanG, lit, lit / leanG);
        }
    }
}
