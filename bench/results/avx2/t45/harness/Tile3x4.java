import jdk.incubator.vector.*;

/** The 12-accumulator 1x1 tile as 6 rows x 2 vectors (ours) and as 3 rows x 4 vectors (MLAS's shape): GFLOPS. */
/* Calls LeanVsOurs.strided for the 6 x 2 tile: compile with LeanVsOurs.java. */
public class Tile3x4 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8;


    // 3 rows x 32 columns: B packed [k][32]
    static void t3x4(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23;
        c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = FloatVector.zero(S);
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k;
        int bi = 0;
        for (int i = 0; i < k; i++, bi += 32) {
            FloatVector x0 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
            FloatVector x1 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
            FloatVector x2 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
            FloatVector w = FloatVector.fromArray(S, b, bi);
            c00 = w.fma(x0, c00); c10 = w.fma(x1, c10); c20 = w.fma(x2, c20);
            w = FloatVector.fromArray(S, b, bi + L);
            c01 = w.fma(x0, c01); c11 = w.fma(x1, c11); c21 = w.fma(x2, c21);
            w = FloatVector.fromArray(S, b, bi + 2 * L);
            c02 = w.fma(x0, c02); c12 = w.fma(x1, c12); c22 = w.fma(x2, c22);
            w = FloatVector.fromArray(S, b, bi + 3 * L);
            c03 = w.fma(x0, c03); c13 = w.fma(x1, c13); c23 = w.fma(x2, c23);
        }
        c00.add(c01).add(c02).add(c03).add(c10).add(c11).add(c12).add(c13).add(c20).add(c21).add(c22).add(c23).intoArray(c, cOff);
    }

    public static void main(String[] args) {
        int k = 512;
        float[] a = new float[6 * k + 64], b = new float[32 * k + 64], c = new float[64];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        double flops = 2.0 * 12 * 8 * k;
        for (int round = 0; round < 10; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 2; v++) {
                long best = Long.MAX_VALUE;
                for (int rep = 0; rep < 2000; rep++) {
                    long t0 = System.nanoTime();
                    for (int g = 0; g < 8; g++) {
                        if (v == 0) LeanVsOurs.strided(a, 0, k, b, c, 0); else t3x4(a, 0, k, b, c, 0);
                    }
                    best = Math.min(best, System.nanoTime() - t0);
                }
                sb.append(String.format("  %s %.1f GFLOPS", v == 0 ? "6x2" : "3x4", 8 * flops / best));
            }
            if (round >= 4) System.out.println(sb);
        }
    }
}
