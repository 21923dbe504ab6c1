import jdk.incubator.vector.*;

/** A whole 1x1 layer, Cout = L, P pixels, K inputs: broadcast tile (8 px) vs k-quad tile (4 px) with lane-sum epilogue. */
public class QuadLayer2 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorShuffle<Float> Q0 = quad(0), Q1 = quad(1 % (L / 4)), Q2 = quad(2 % (L / 4)), Q3 = quad(3 % (L / 4));
    static final float[] EVEN = new float[L], ODD = new float[L];
    static {
        for (int m = 0; m < L; m++) { EVEN[m] = 2 * m; ODD[m] = 2 * m + 1; }
    }
    static final float[] IDX = new float[8 * L];
    static {
        for (int i = 0; i < L; i++) {
            for (int q = 0; q < 4; q++) IDX[q * L + i] = (4 * q + (i & 3)) % L;
            for (int j = 1; j < 4; j++) IDX[(4 + j) * L + i] = (i & ~3) | ((i - j) & 3);
        }
    }
    static VectorShuffle<Float> quad(int q) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) idx[i] = 4 * q + (i & 3);
        return VectorShuffle.fromArray(S, idx, 0);
    }
    static void bcast(float[] in, float[] w, float[] bias, float[] out, int P, int K) {
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        for (int p = 0; p < P; p += 8) {
            int i0 = p * K;
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            for (int k = 0; k < K; k++) {
                FloatVector wv = FloatVector.fromArray(S, w, k * L);
                c0 = wv.fma(FloatVector.broadcast(S, in[i0 + k]), c0);
                c1 = wv.fma(FloatVector.broadcast(S, in[i0 + K + k]), c1);
                c2 = wv.fma(FloatVector.broadcast(S, in[i0 + 2 * K + k]), c2);
                c3 = wv.fma(FloatVector.broadcast(S, in[i0 + 3 * K + k]), c3);
                c4 = wv.fma(FloatVector.broadcast(S, in[i0 + 4 * K + k]), c4);
                c5 = wv.fma(FloatVector.broadcast(S, in[i0 + 5 * K + k]), c5);
                c6 = wv.fma(FloatVector.broadcast(S, in[i0 + 6 * K + k]), c6);
                c7 = wv.fma(FloatVector.broadcast(S, in[i0 + 7 * K + k]), c7);
            }
            int o = p * L;
            c0.max(0f).intoArray(out, o); c1.max(0f).intoArray(out, o + L);
            c2.max(0f).intoArray(out, o + 2 * L); c3.max(0f).intoArray(out, o + 3 * L);
            c4.max(0f).intoArray(out, o + 4 * L); c5.max(0f).intoArray(out, o + 5 * L);
            c6.max(0f).intoArray(out, o + 6 * L); c7.max(0f).intoArray(out, o + 7 * L);
        }
    }
    // wq: per quad step t, 4 vectors j: lane 4q+r = w[4t+r][j*L/4+q]  (L = 16 only here)
    static void quad(float[] in, float[] wq, float[] bias, float[] out, int P, int K) {
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        for (int p = 0; p < P; p += 4) {
            int i0 = p * K;
            FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, d0 = c0, d1 = c0, d2 = c0, d3 = c0;
            FloatVector e0 = c0, e1 = c0, e2 = c0, e3 = c0, f0 = c0, f1 = c0, f2 = c0, f3 = c0;
            for (int k = 0; k < K; k += 4) {
                int kq = (k & (L - 1)) >> 2;
                VectorShuffle<Float> q = kq == 0 ? Q0 : kq == 1 ? Q1 : kq == 2 ? Q2 : Q3;
                int wo = k * L, kb = i0 + (k & -L);
                FloatVector w0 = FloatVector.fromArray(S, wq, wo), w1 = FloatVector.fromArray(S, wq, wo + L),
                        w2 = FloatVector.fromArray(S, wq, wo + 2 * L), w3 = FloatVector.fromArray(S, wq, wo + 3 * L);
                FloatVector x = FloatVector.fromArray(S, in, kb).rearrange(q);
                c0 = w0.fma(x, c0); c1 = w1.fma(x, c1); c2 = w2.fma(x, c2); c3 = w3.fma(x, c3);
                x = FloatVector.fromArray(S, in, kb + K).rearrange(q);
                d0 = w0.fma(x, d0); d1 = w1.fma(x, d1); d2 = w2.fma(x, d2); d3 = w3.fma(x, d3);
                x = FloatVector.fromArray(S, in, kb + 2 * K).rearrange(q);
                e0 = w0.fma(x, e0); e1 = w1.fma(x, e1); e2 = w2.fma(x, e2); e3 = w3.fma(x, e3);
                x = FloatVector.fromArray(S, in, kb + 3 * K).rearrange(q);
                f0 = w0.fma(x, f0); f1 = w1.fma(x, f1); f2 = w2.fma(x, f2); f3 = w3.fma(x, f3);
            }
            int o = p * L;
            c0.add(c1.rearrange(ROT1)).add(c2.rearrange(ROT2).add(c3.rearrange(ROT3))).add(b).max(0f).intoArray(out, o);
            d0.add(d1.rearrange(ROT1)).add(d2.rearrange(ROT2).add(d3.rearrange(ROT3))).add(b).max(0f).intoArray(out, o + L);
            e0.add(e1.rearrange(ROT1)).add(e2.rearrange(ROT2).add(e3.rearrange(ROT3))).add(b).max(0f).intoArray(out, o + 2 * L);
            f0.add(f1.rearrange(ROT1)).add(f2.rearrange(ROT2).add(f3.rearrange(ROT3))).add(b).max(0f).intoArray(out, o + 3 * L);
        }
    }
    static FloatVector R(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        return a0.add(a1).add(a2).add(a3);
    }
    static final VectorShuffle<Float> ROT1 = rot(1), ROT2 = rot(2), ROT3 = rot(3);
    // lane base+m takes lane base+((m-j)&3)
    static VectorShuffle<Float> rot(int j) {
        int[] idx = new int[L];
        for (int i = 0; i < L; i++) idx[i] = (i & ~3) | ((i - j) & 3);
        return VectorShuffle.fromArray(S, idx, 0);
    }

    public static void main(String[] args) {
        int P = Integer.getInteger("p", 112 * 112), K = Integer.getInteger("k", 32);
        float[] in = new float[P * K], w = new float[K * L], wq = new float[K * L], bias = new float[L];
        float[] o1 = new float[P * L], o2 = new float[P * L];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < L; i++) bias[i] = r.nextFloat() - 0.5f;
        for (int t = 0; t < K / 4; t++)
            for (int j = 0; j < 4; j++)
                for (int q = 0; q < L / 4; q++)
                    for (int rr = 0; rr < 4; rr++)
                        wq[(4 * t * L) + j * L + 4 * q + rr] = w[(4 * t + rr) * L + 4 * q + ((rr + j) & 3)];
        bcast(in, w, bias, o1, P, K); quad(in, wq, bias, o2, P, K);
        double maxd = 0; for (int i = 0; i < o1.length; i++) maxd = Math.max(maxd, Math.abs(o1[i] - o2[i]));
        System.out.println("max |bcast - quad| = " + maxd);
        for (int round = 0; round < 15; round++) {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long a0 = mx.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) bcast(in, w, bias, o1, P, K);
            long t1 = System.nanoTime();
            for (int i = 0; i < 50; i++) quad(in, wq, bias, o2, P, K);
            long t2 = System.nanoTime();
            long a1 = mx.getCurrentThreadAllocatedBytes();
            if (round >= 5) System.out.println("alloc/call " + (a1 - a0) / 100);
            double fl = 2.0 * P * K * L;
            if (round >= 5) System.out.printf("K=%d bcast %.1f us %.1f GF   quad %.1f us %.1f GF%n", K, (t1 - t0) / 50e3, fl * 50 / (t1 - t0), (t2 - t1) / 50e3, fl * 50 / (t2 - t1));
        }
    }
}
