import jdk.incubator.vector.*;

/** Can loads interleaved with FMA-bound work pull an upcoming layer's DRAM-cold weights toward the core for free? */
public class TouchAhead {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    static float sink;

    // FMA-bound work: 12 independent chains; every `per` iterations one float of w is read (a touch), striding `stride` floats.
    static float work(float[] w, int iters, int per, int stride) {
        FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
                a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        FloatVector m = FloatVector.broadcast(S, 0.999f), c = FloatVector.broadcast(S, 0.001f);
        float t = 0;
        int idx = 0, n = w.length;
        for (int i = 0; i < iters; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
            a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
            if (per > 0 && i % per == 0 && idx < n) {
                t += w[idx];
                idx += stride;
            }
        }
        return t + a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).reduceLanes(VectorOperators.ADD);
    }

    // The FC's weight stream: read every float once.
    static float stream(float[] w) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 4 * 16 <= w.length; i += 64) {
            s0 = s0.add(FloatVector.fromArray(S, w, i));
            s1 = s1.add(FloatVector.fromArray(S, w, i + 16));
            s2 = s2.add(FloatVector.fromArray(S, w, i + 32));
            s3 = s3.add(FloatVector.fromArray(S, w, i + 48));
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] a) {
        int floats = Integer.getInteger("floats", 240 * 960 * 2);
        int copies = Integer.getInteger("copies", 200);
        int iters = Integer.getInteger("iters", 200_000);
        int reps = Integer.getInteger("reps", 400);
        String[] modes = System.getProperty("modes", "0:16,8:16,4:16,16:64,8:64,32:256,64:1024").split(",");
        float[][] ws = new float[copies][floats];
        for (float[] w : ws) java.util.Arrays.fill(w, 1e-3f);
        float[] junk = new float[8 << 20];
        for (int round = 0; round < 3; round++) {
            for (String md : modes) {
                int per = Integer.parseInt(md.split(":")[0]), stride = Integer.parseInt(md.split(":")[1]);
                long[] tw = new long[reps], ts = new long[reps];
                for (int r = 0; r < reps; r++) {
                    float[] w = ws[r % copies];
                    long t0 = System.nanoTime();
                    sink += work(w, iters, per, stride);
                    long t1 = System.nanoTime();
                    sink += stream(w);
                    long t2 = System.nanoTime();
                    tw[r] = t1 - t0; ts[r] = t2 - t1;
                }
                java.util.Arrays.sort(tw); java.util.Arrays.sort(ts);
                int lo = reps / 4;
                System.out.printf("round %d per %3d stride %4d: work p25 %7.1f med %7.1f us, stream p25 %6.1f med %6.1f us (%.0f GB/s), sum med %7.1f%n",
                        round, per, stride, tw[lo] / 1e3, tw[reps / 2] / 1e3, ts[lo] / 1e3, ts[reps / 2] / 1e3,
                        4.0 * floats / ts[reps / 2], (tw[reps / 2] + ts[reps / 2]) / 1e3);
            }
        }
        System.out.println(sink);
    }
}
