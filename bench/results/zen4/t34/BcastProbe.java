import jdk.incubator.vector.*;

/** FMA throughput with 0, 1/4, 1/2 and 1 broadcast-from-memory per FMA (8 chains). */
public class BcastProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    // 8 chains, one broadcast per FMA (tile8x1 shape)
    static float oneEach(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector wv = FloatVector.fromArray(S, w, 0);
        for (int s = 0; s < steps; s++) {
            int i = s & 255;
            c0 = wv.fma(FloatVector.broadcast(S, a[i]), c0);
            c1 = wv.fma(FloatVector.broadcast(S, a[i + 256]), c1);
            c2 = wv.fma(FloatVector.broadcast(S, a[i + 512]), c2);
            c3 = wv.fma(FloatVector.broadcast(S, a[i + 768]), c3);
            c4 = wv.fma(FloatVector.broadcast(S, a[i + 1024]), c4);
            c5 = wv.fma(FloatVector.broadcast(S, a[i + 1280]), c5);
            c6 = wv.fma(FloatVector.broadcast(S, a[i + 1536]), c6);
            c7 = wv.fma(FloatVector.broadcast(S, a[i + 1792]), c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    // as oneEach, broadcasting the bits as ints
    static float oneEachInt(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector wv = FloatVector.fromArray(S, w, 0);
        for (int s = 0; s < steps; s++) {
            int i = s & 255;
            c0 = wv.fma(bi(a[i]), c0);
            c1 = wv.fma(bi(a[i + 256]), c1);
            c2 = wv.fma(bi(a[i + 512]), c2);
            c3 = wv.fma(bi(a[i + 768]), c3);
            c4 = wv.fma(bi(a[i + 1024]), c4);
            c5 = wv.fma(bi(a[i + 1280]), c5);
            c6 = wv.fma(bi(a[i + 1536]), c6);
            c7 = wv.fma(bi(a[i + 1792]), c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    static final VectorSpecies<Integer> SI = IntVector.SPECIES_PREFERRED;
    static FloatVector bi(float f) { return IntVector.broadcast(SI, Float.floatToRawIntBits(f)).reinterpretAsFloats(); }
    // 8 chains, one broadcast per 4 FMAs (2 pixels x 4 vectors)
    static float quarter(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector w0 = FloatVector.fromArray(S, w, 0), w1 = FloatVector.fromArray(S, w, S.length()),
                w2 = FloatVector.fromArray(S, w, 2 * S.length()), w3 = FloatVector.fromArray(S, w, 3 * S.length());
        for (int s = 0; s < steps; s++) {
            int i = s & 255;
            FloatVector x = FloatVector.broadcast(S, a[i]), y = FloatVector.broadcast(S, a[i + 256]);
            c0 = w0.fma(x, c0); c1 = w1.fma(x, c1); c2 = w2.fma(x, c2); c3 = w3.fma(x, c3);
            c4 = w0.fma(y, c4); c5 = w1.fma(y, c5); c6 = w2.fma(y, c6); c7 = w3.fma(y, c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    // 8 chains, no broadcast in the loop
    static float none(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector x = FloatVector.broadcast(S, a[0]), wv = FloatVector.fromArray(S, w, 0);
        for (int s = 0; s < steps; s++) {
            c0 = wv.fma(x, c0); c1 = wv.fma(x, c1); c2 = wv.fma(x, c2); c3 = wv.fma(x, c3);
            c4 = wv.fma(x, c4); c5 = wv.fma(x, c5); c6 = wv.fma(x, c6); c7 = wv.fma(x, c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    // 8 chains, one vector load (not broadcast) per FMA
    static float loadEach(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector wv = FloatVector.fromArray(S, w, 0);
        int L = S.length();
        for (int s = 0; s < steps; s++) {
            int i = (s & 15) * L;
            c0 = wv.fma(FloatVector.fromArray(S, a, i), c0);
            c1 = wv.fma(FloatVector.fromArray(S, a, i + 256), c1);
            c2 = wv.fma(FloatVector.fromArray(S, a, i + 512), c2);
            c3 = wv.fma(FloatVector.fromArray(S, a, i + 768), c3);
            c4 = wv.fma(FloatVector.fromArray(S, a, i + 1024), c4);
            c5 = wv.fma(FloatVector.fromArray(S, a, i + 1280), c5);
            c6 = wv.fma(FloatVector.fromArray(S, a, i + 1536), c6);
            c7 = wv.fma(FloatVector.fromArray(S, a, i + 1792), c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        float[] a = new float[4096], w = new float[256];
        for (int i = 0; i < a.length; i++) a[i] = 1e-3f * (i % 7);
        for (int i = 0; i < w.length; i++) w[i] = 1e-3f * (i % 5);
        int steps = 1 << 16;
        String[] names = {"none", "quarter", "oneEach", "loadEach", "oneEachInt"};
        float sink = 0;
        for (int round = 0; round < 12; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 5; v++) {
                long t0 = System.nanoTime();
                for (int r = 0; r < 20; r++) {
                    sink += switch (v) { case 0 -> none(a, w, steps); case 1 -> quarter(a, w, steps); case 2 -> oneEach(a, w, steps); case 3 -> loadEach(a, w, steps); default -> oneEachInt(a, w, steps); };
                }
                double gf = 8.0 * steps * 20 * S.length() * 2 / (System.nanoTime() - t0);
                sb.append(String.format(" %s %.1f", names[v], gf));
            }
            if (round >= 4) System.out.println(S.vectorBitSize() + "-bit GFLOPS:" + sb);
        }
        if (sink == 42) System.out.println();
    }
}
