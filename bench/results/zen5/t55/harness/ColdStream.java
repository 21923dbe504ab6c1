import jdk.incubator.vector.*;

/** Does a 6x4 tile on warm weights slow down when one more FMA chain streams a cold array alongside, 64 B per k step? */
public class ColdStream {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    static final VectorSpecies<Integer> SI = IntVector.SPECIES_512;
    static final int L = 16, NR = 64;

    static float sink;

    static void tile(float[] a, int k, float[] w, float[] c) {
        FloatVector d00, d01, d02, d03, d10, d11, d12, d13, d20, d21, d22, d23;
        FloatVector d30, d31, d32, d33, d40, d41, d42, d43, d50, d51, d52, d53;
        d00 = d01 = d02 = d03 = d10 = d11 = d12 = d13 = d20 = d21 = d22 = d23 = FloatVector.zero(S);
        d30 = d31 = d32 = d33 = d40 = d41 = d42 = d43 = d50 = d51 = d52 = d53 = FloatVector.zero(S);
        int a0 = 0, a1 = k, a2 = 2 * k, a3 = 3 * k, a4 = 4 * k, a5 = 5 * k;
        for (int i = 0, bi = 0; i < k; i++, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, w, bi), b1 = FloatVector.fromArray(S, w, bi + L), b2 = FloatVector.fromArray(S, w, bi + 2 * L), b3 = FloatVector.fromArray(S, w, bi + 3 * L);
            FloatVector x;
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(); d00 = b0.fma(x, d00); d01 = b1.fma(x, d01); d02 = b2.fma(x, d02); d03 = b3.fma(x, d03);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(); d10 = b0.fma(x, d10); d11 = b1.fma(x, d11); d12 = b2.fma(x, d12); d13 = b3.fma(x, d13);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(); d20 = b0.fma(x, d20); d21 = b1.fma(x, d21); d22 = b2.fma(x, d22); d23 = b3.fma(x, d23);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(); d30 = b0.fma(x, d30); d31 = b1.fma(x, d31); d32 = b2.fma(x, d32); d33 = b3.fma(x, d33);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(); d40 = b0.fma(x, d40); d41 = b1.fma(x, d41); d42 = b2.fma(x, d42); d43 = b3.fma(x, d43);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(); d50 = b0.fma(x, d50); d51 = b1.fma(x, d51); d52 = b2.fma(x, d52); d53 = b3.fma(x, d53);
        }
        d00.add(d01).add(d02).add(d03).add(d10).add(d11).add(d12).add(d13).add(d20).add(d21).add(d22).add(d23).intoArray(c, 0);
        d30.add(d31).add(d32).add(d33).add(d40).add(d41).add(d42).add(d43).add(d50).add(d51).add(d52).add(d53).intoArray(c, L);
    }

    /** The same, plus chain e: pixel 0 of a cold panel, one vector per k step from cold[co ...] (stride cs floats). */
    static void tileCold(float[] a, int k, float[] w, float[] c, float[] cold, int co, int cs, float x0c) {
        FloatVector d00, d01, d02, d03, d10, d11, d12, d13, d20, d21, d22, d23;
        FloatVector d30, d31, d32, d33, d40, d41, d42, d43, d50, d51, d52, d53;
        d00 = d01 = d02 = d03 = d10 = d11 = d12 = d13 = d20 = d21 = d22 = d23 = FloatVector.zero(S);
        d30 = d31 = d32 = d33 = d40 = d41 = d42 = d43 = d50 = d51 = d52 = d53 = FloatVector.zero(S);
        FloatVector e = FloatVector.zero(S);
        int a0 = 0, a1 = k, a2 = 2 * k, a3 = 3 * k, a4 = 4 * k, a5 = 5 * k;
        for (int i = 0, bi = 0, ci = co; i < k; i++, bi += NR, ci += cs) {
            FloatVector b0 = FloatVector.fromArray(S, w, bi), b1 = FloatVector.fromArray(S, w, bi + L), b2 = FloatVector.fromArray(S, w, bi + 2 * L), b3 = FloatVector.fromArray(S, w, bi + 3 * L);
            FloatVector x;
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(); d00 = b0.fma(x, d00); d01 = b1.fma(x, d01); d02 = b2.fma(x, d02); d03 = b3.fma(x, d03);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(); d10 = b0.fma(x, d10); d11 = b1.fma(x, d11); d12 = b2.fma(x, d12); d13 = b3.fma(x, d13);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(); d20 = b0.fma(x, d20); d21 = b1.fma(x, d21); d22 = b2.fma(x, d22); d23 = b3.fma(x, d23);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(); d30 = b0.fma(x, d30); d31 = b1.fma(x, d31); d32 = b2.fma(x, d32); d33 = b3.fma(x, d33);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(); d40 = b0.fma(x, d40); d41 = b1.fma(x, d41); d42 = b2.fma(x, d42); d43 = b3.fma(x, d43);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(); d50 = b0.fma(x, d50); d51 = b1.fma(x, d51); d52 = b2.fma(x, d52); d53 = b3.fma(x, d53);
            x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
            e = FloatVector.fromArray(S, cold, ci).fma(x, e);
        }
        d00.add(d01).add(d02).add(d03).add(d10).add(d11).add(d12).add(d13).add(d20).add(d21).add(d22).add(d23).intoArray(c, 0);
        d30.add(d31).add(d32).add(d33).add(d40).add(d41).add(d42).add(d43).add(d50).add(d51).add(d52).add(d53).add(e).intoArray(c, L);
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        int cs = Integer.parseInt(args[1]); // cold stride in floats per k step: 16 = one line per k step
        float[] a = new float[6 * k], w = new float[k * NR], c = new float[2 * L];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        for (int i = 0; i < w.length; i++) w[i] = r.nextFloat();
        float[] cold = new float[64 << 20]; // 256 MB, walked forward: always from memory
        for (int i = 0; i < cold.length; i += 1024) cold[i] = 1;
        int co = 0, per = 2000;
        for (int round = 0; round < 12; round++) {
            long t0 = System.nanoTime();
            for (int j = 0; j < per; j++) tile(a, k, w, c);
            long t1 = System.nanoTime();
            for (int j = 0; j < per; j++) {
                if (co + k * cs + L > cold.length) co = 0;
                tileCold(a, k, w, c, cold, co, cs, 1f);
                co += k * cs;
            }
            long t2 = System.nanoTime();
            double plain = (t1 - t0) / (double) per, withCold = (t2 - t1) / (double) per;
            double flops = 2.0 * 6 * 64 * k;
            System.out.printf("K %d stride %d: plain %.0f ns (%.0f GFLOPS)  with cold chain %.0f ns (%.0f GFLOPS incl. it)  ratio %.3f  cold stream %.1f GB/s%n",
                    k, cs, plain, flops / plain, withCold, (flops + 2.0 * L * k) / withCold, withCold / plain, k * 64.0 * Math.max(1, cs / 16.0) / 16 * 16 / withCold * (cs >= 16 ? 1 : cs / 16.0));
        }
        sink = c[0];
    }
}
