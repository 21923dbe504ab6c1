import jdk.incubator.vector.*;

/** One-vector 1x1 (Cout = L): broadcast per FMA vs one load + permutes per 4 FMAs (k-quads) vs 64-bit pair broadcasts. */
public class QuadProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> SL = LongVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorShuffle<Float> Q0 = quad(0), Q1 = quad(1), Q2 = quad(2), Q3 = quad(3);
    static VectorShuffle<Float> quad(int q) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) idx[i] = 4 * q + (i & 3);
        return VectorShuffle.fromArray(S, idx, 0);
    }
    // 4 pixels x Cout L, 4 independent chains; K=16 per call-iteration
    static float bcast(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int s = 0; s < steps; s++) {
            int base = (s & 31) * 64;
            for (int k = 0; k < 16; k++) {
                FloatVector wv = FloatVector.fromArray(S, w, k * L);
                c0 = wv.fma(FloatVector.broadcast(S, a[base + k]), c0);
                c1 = wv.fma(FloatVector.broadcast(S, a[base + 16 + k]), c1);
                c2 = wv.fma(FloatVector.broadcast(S, a[base + 32 + k]), c2);
                c3 = wv.fma(FloatVector.broadcast(S, a[base + 48 + k]), c3);
            }
        }
        return c0.add(c1).add(c2).add(c3).reduceLanes(VectorOperators.ADD);
    }
    // 8 pixels, one-vector, bcast each (tile8x1 shape)
    static float bcast8(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int s = 0; s < steps; s += 2) {
            int base = (s & 31) * 64;
            for (int k = 0; k < 16; k++) {
                FloatVector wv = FloatVector.fromArray(S, w, k * L);
                c0 = wv.fma(FloatVector.broadcast(S, a[base + k]), c0);
                c1 = wv.fma(FloatVector.broadcast(S, a[base + 16 + k]), c1);
                c2 = wv.fma(FloatVector.broadcast(S, a[base + 32 + k]), c2);
                c3 = wv.fma(FloatVector.broadcast(S, a[base + 48 + k]), c3);
                c4 = wv.fma(FloatVector.broadcast(S, a[base + 64 + k]), c4);
                c5 = wv.fma(FloatVector.broadcast(S, a[base + 80 + k]), c5);
                c6 = wv.fma(FloatVector.broadcast(S, a[base + 96 + k]), c6);
                c7 = wv.fma(FloatVector.broadcast(S, a[base + 112 + k]), c7);
            }
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }
    // 2 pixels x 4 quad accumulators (8 chains); per pixel 16 k: 1 load, 4 permutes, 16 FMAs
    static float quad2(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, d0 = c0, d1 = c0, d2 = c0, d3 = c0;
        for (int s = 0; s < steps; s += 2) {
            int base = (s & 31) * 64;
            for (int k = 0; k < 16; k += 4) {
                VectorShuffle<Float> q = k == 0 ? Q0 : k == 4 ? Q1 : k == 8 ? Q2 : Q3;
                FloatVector x = FloatVector.fromArray(S, a, base).rearrange(q);
                FloatVector y = FloatVector.fromArray(S, a, base + 16).rearrange(q);
                int wo = k * L;
                FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                        w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
                c0 = w0.fma(x, c0); c1 = w1.fma(x, c1); c2 = w2.fma(x, c2); c3 = w3.fma(x, c3);
                d0 = w0.fma(y, d0); d1 = w1.fma(y, d1); d2 = w2.fma(y, d2); d3 = w3.fma(y, d3);
            }
        }
        return c0.add(c1).add(c2).add(c3).add(d0).add(d1).add(d2).add(d3).reduceLanes(VectorOperators.ADD);
    }
    // 4 pixels x 4 quads (16 chains)
    static float quad4(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, d0 = c0, d1 = c0, d2 = c0, d3 = c0;
        FloatVector e0 = c0, e1 = c0, e2 = c0, e3 = c0, f0 = c0, f1 = c0, f2 = c0, f3 = c0;
        for (int s = 0; s < steps; s += 4) {
            int base = (s & 31) * 64;
            for (int k = 0; k < 16; k += 4) {
                VectorShuffle<Float> q = k == 0 ? Q0 : k == 4 ? Q1 : k == 8 ? Q2 : Q3;
                int wo = k * L;
                FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                        w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
                FloatVector x = FloatVector.fromArray(S, a, base).rearrange(q);
                c0 = w0.fma(x, c0); c1 = w1.fma(x, c1); c2 = w2.fma(x, c2); c3 = w3.fma(x, c3);
                x = FloatVector.fromArray(S, a, base + 16).rearrange(q);
                d0 = w0.fma(x, d0); d1 = w1.fma(x, d1); d2 = w2.fma(x, d2); d3 = w3.fma(x, d3);
                x = FloatVector.fromArray(S, a, base + 32).rearrange(q);
                e0 = w0.fma(x, e0); e1 = w1.fma(x, e1); e2 = w2.fma(x, e2); e3 = w3.fma(x, e3);
                x = FloatVector.fromArray(S, a, base + 48).rearrange(q);
                f0 = w0.fma(x, f0); f1 = w1.fma(x, f1); f2 = w2.fma(x, f2); f3 = w3.fma(x, f3);
            }
        }
        return c0.add(c1).add(c2).add(c3).add(d0).add(d1).add(d2).add(d3).add(e0).add(e1).add(e2).add(e3)
                .add(f0).add(f1).add(f2).add(f3).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        float[] a = new float[4096], w = new float[64 * L];
        for (int i = 0; i < a.length; i++) a[i] = 1e-3f * (i % 7);
        for (int i = 0; i < w.length; i++) w[i] = 1e-3f * (i % 5);
        int steps = 1 << 14;
        String[] names = {"bcast4px", "bcast8px", "quad2px", "quad4px"};
        float sink = 0;
        for (int round = 0; round < 12; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 4; v++) {
                long t0 = System.nanoTime();
                for (int r = 0; r < 20; r++) {
                    sink += switch (v) { case 0 -> bcast(a, w, steps); case 1 -> bcast8(a, w, steps);
                        case 2 -> quad2(a, w, steps); default -> quad4(a, w, steps); };
                }
                // every variant: steps x 4 pixels x 16 k FMAs of L lanes
                double gf = 4.0 * 16 * steps * 20 * L * 2 / (System.nanoTime() - t0);
                sb.append(String.format(" %s %.1f", names[v], gf));
            }
            if (round >= 4) System.out.println(S.vectorBitSize() + "-bit GFLOPS:" + sb);
        }
        if (sink == 42) System.out.println();
    }
}
