import jdk.incubator.vector.*;

/** The 6 x 2 tile (ours) against the same tile with its six rows in six arrays (one index, no address lea): GFLOPS. */
/* Calls LeanVsOurs.strided for the 6 x 2 tile: compile with LeanVsOurs.java. */
public class TileRows {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8;


    // 6 rows in 6 arrays (a packed copy of the tile's rows): one index for every broadcast
    static void t6x2rows(float[] r0, float[] r1, float[] r2, float[] r3, float[] r4, float[] r5, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        int bi = 0;
        for (int i = 0; i < k; i++, bi += 16) {
            FloatVector w0 = FloatVector.fromArray(S, b, bi), w1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(r0[i])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(r1[i])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(r2[i])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(r3[i])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(r4[i])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(r5[i])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        c00.add(c01).add(c10).add(c11).add(c20).add(c21).add(c30).add(c31).add(c40).add(c41).add(c50).add(c51).intoArray(c, cOff);
    }

    public static void main(String[] args) {
        int k = 512;
        float[] a = new float[6 * k + 64], b = new float[16 * k + 64], c = new float[64];
        float[][] rows = new float[6][k];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 0.01f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() * 0.01f;
        for (int q = 0; q < 6; q++) System.arraycopy(a, q * k, rows[q], 0, k);
        double flops = 2.0 * 12 * 8 * k;
        for (int round = 0; round < 10; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 2; v++) {
                long best = Long.MAX_VALUE;
                for (int rep = 0; rep < 2000; rep++) {
                    long t0 = System.nanoTime();
                    for (int g = 0; g < 8; g++) {
                        if (v == 0) LeanVsOurs.strided(a, 0, k, b, c, 0); else t6x2rows(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], k, b, c, 0);
                    }
                    best = Math.min(best, System.nanoTime() - t0);
                }
                sb.append(String.format("  %s %.1f GFLOPS", v == 0 ? "6x2" : "6x2 rows", 8 * flops / best));
            }
            if (round >= 4) System.out.println(sb);
        }
    }
}
