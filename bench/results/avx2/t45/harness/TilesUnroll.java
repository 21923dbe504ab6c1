import jdk.incubator.vector.*;

/** Tiles.java (t44) with the 6 x 2 tile's k loop unrolled by 2 and 4 (strided2, strided4): instructions per FMA and speed. */
public class TilesUnroll {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_256;
    static final int L = 8;

    // baseline: strided A (6 rows, stride k), packed B [k][16]
    static void strided(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
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
        int q = cOff;
        c00.intoArray(c, q); c01.intoArray(c, q + L); q += 16;
        c10.intoArray(c, q); c11.intoArray(c, q + L); q += 16;
        c20.intoArray(c, q); c21.intoArray(c, q + L); q += 16;
        c30.intoArray(c, q); c31.intoArray(c, q + L); q += 16;
        c40.intoArray(c, q); c41.intoArray(c, q + L); q += 16;
        c50.intoArray(c, q); c51.intoArray(c, q + L);
    }

    static void strided2(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, a4 = a3 + k, a5 = a4 + k;
        int bi = 0;
        FloatVector w0, w1, x;
        int i = 0;
        for (; i + 2 <= k; i += 2, bi += 32) {
            w0 = FloatVector.fromArray(S, b, bi + 0); w1 = FloatVector.fromArray(S, b, bi + 0 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 0])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 0])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 0])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 0])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 0])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 0])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            w0 = FloatVector.fromArray(S, b, bi + 16); w1 = FloatVector.fromArray(S, b, bi + 16 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 1])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 1])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 1])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 1])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 1])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 1])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        for (; i < k; i++, bi += 16) {
            w0 = FloatVector.fromArray(S, b, bi + 0); w1 = FloatVector.fromArray(S, b, bi + 0 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 0])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 0])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 0])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 0])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 0])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 0])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        int q = cOff;
        c00.intoArray(c, q); c01.intoArray(c, q + L); q += 16;
        c10.intoArray(c, q); c11.intoArray(c, q + L); q += 16;
        c20.intoArray(c, q); c21.intoArray(c, q + L); q += 16;
        c30.intoArray(c, q); c31.intoArray(c, q + L); q += 16;
        c40.intoArray(c, q); c41.intoArray(c, q + L); q += 16;
        c50.intoArray(c, q); c51.intoArray(c, q + L);
    }

    static void strided4(float[] a, int aOff, int k, float[] b, float[] c, int cOff) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        c00 = c10 = c20 = c30 = c40 = c50 = FloatVector.zero(S);
        c01 = c11 = c21 = c31 = c41 = c51 = FloatVector.zero(S);
        int a0 = aOff, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, a4 = a3 + k, a5 = a4 + k;
        int bi = 0;
        FloatVector w0, w1, x;
        int i = 0;
        for (; i + 4 <= k; i += 4, bi += 64) {
            w0 = FloatVector.fromArray(S, b, bi + 0); w1 = FloatVector.fromArray(S, b, bi + 0 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 0])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 0])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 0])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 0])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 0])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 0])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            w0 = FloatVector.fromArray(S, b, bi + 16); w1 = FloatVector.fromArray(S, b, bi + 16 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 1])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 1])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 1])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 1])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 1])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 1])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            w0 = FloatVector.fromArray(S, b, bi + 32); w1 = FloatVector.fromArray(S, b, bi + 32 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 2])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 2])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 2])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 2])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 2])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 2])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            w0 = FloatVector.fromArray(S, b, bi + 48); w1 = FloatVector.fromArray(S, b, bi + 48 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 3])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 3])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 3])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 3])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 3])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 3])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        for (; i < k; i++, bi += 16) {
            w0 = FloatVector.fromArray(S, b, bi + 0); w1 = FloatVector.fromArray(S, b, bi + 0 + L);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i + 0])).reinterpretAsFloats();
            c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i + 0])).reinterpretAsFloats();
            c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i + 0])).reinterpretAsFloats();
            c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i + 0])).reinterpretAsFloats();
            c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i + 0])).reinterpretAsFloats();
            c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i + 0])).reinterpretAsFloats();
            c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
        }
        int q = cOff;
        c00.intoArray(c, q); c01.intoArray(c, q + L); q += 16;
        c10.intoArray(c, q); c11.intoArray(c, q + L); q += 16;
        c20.intoArray(c, q); c21.intoArray(c, q + L); q += 16;
        c30.intoArray(c, q); c31.intoArray(c, q + L); q += 16;
        c40.intoArray(c, q); c41.intoArray(c, q + L); q += 16;
        c50.intoArray(c, q); c51.intoArray(c, q + L);
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        int groups = Integer.parseInt(args[1]); // 6-row groups per call sweep
        float[] a = new float[groups * 6 * k + 64], b = new float[k * 16 + 64];
        float[] c = new float[groups * 96 + 64];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) { a[i] = r.nextFloat(); }
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat();
        double flops = 2.0 * groups * 6 * 16 * k;
        String[] names = {"strided", "strided2", "strided4"};
        for (int round = 0; round < 12; round++) {
            for (int v = 0; v < 3; v++) {
                long best = Long.MAX_VALUE;
                for (int rep = 0; rep < 400; rep++) {
                    long t0 = System.nanoTime();
                    for (int g = 0; g < groups; g++) {
                        if (v == 0) strided(a, g * 6 * k, k, b, c, g * 96);
                        else if (v == 1) strided2(a, g * 6 * k, k, b, c, g * 96);
                        else strided4(a, g * 6 * k, k, b, c, g * 96);
                    }
                    best = Math.min(best, System.nanoTime() - t0);
                }
                if (round >= 4) System.out.printf("%-13s k=%d best %6.1f GFLOPS%n", names[v], k, flops / best);
            }
        }
    }
}
