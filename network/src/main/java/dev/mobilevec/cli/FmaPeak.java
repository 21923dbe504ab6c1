package dev.mobilevec.cli;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A quick measure of one core's fp32 FMA ceiling, so `bench` can print its GFLOPS as a fraction of
 * what this machine can do. Same loop as bench/FmaPeakBenchmark (12 independent chains); the JMH
 * figure is the one to quote, this one is for orientation.
 */
final class FmaPeak {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int STEPS = 1 << 16;

    private FmaPeak() {}

    /** GFLOPS: best of several ~50 ms rounds after warm-up. */
    static double measure() {
        float[] seed = new float[2 * S.length()];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 1f + i * 1e-7f;
        }
        float sink = 0;
        double best = 0;
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            int reps = 20;
            for (int r = 0; r < reps; r++) {
                sink += run(seed);
            }
            long dt = System.nanoTime() - t0;
            if (round >= 10) { // the first rounds run before C2 has compiled the loop
                best = Math.max(best, 12.0 * STEPS * reps * S.length() * 2 / dt);
            }
        }
        return sink == 42 ? best + 1e-9 : best;
    }

    private static float run(float[] seed) {
        FloatVector a = FloatVector.fromArray(S, seed, 0), b = FloatVector.fromArray(S, seed, S.length());
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        FloatVector m = FloatVector.broadcast(S, 1e-7f);
        for (int i = 0; i < STEPS; i++) {
            c0 = a.fma(m, c0); c1 = b.fma(m, c1); c2 = a.fma(m, c2); c3 = b.fma(m, c3);
            c4 = a.fma(m, c4); c5 = b.fma(m, c5); c6 = a.fma(m, c6); c7 = b.fma(m, c7);
            c8 = a.fma(m, c8); c9 = b.fma(m, c9); c10 = a.fma(m, c10); c11 = b.fma(m, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    }
}
