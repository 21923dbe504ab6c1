package dev.mobilevec.cli;

import dev.mobilevec.kernels.FmaProbe;
import dev.mobilevec.kernels.Lanes;

/**
 * A quick measure of one core's fp32 FMA ceiling, so `bench` can print its GFLOPS as a fraction of
 * what this machine can do. Same loop as bench's FmaPeakBenchmark ({@link FmaProbe}); the JMH figure
 * is the one to quote, this one is for orientation.
 */
final class FmaPeak {
    private static final int STEPS = 1 << 16;

    private FmaPeak() {}

    /** GFLOPS: best of 20 rounds of ~20 calls, after 10 rounds of warm-up. */
    static double measure() {
        float[] seed = FmaProbe.seed();
        float sink = 0;
        double best = 0;
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            int reps = 20;
            for (int r = 0; r < reps; r++) {
                sink += FmaProbe.run(seed, STEPS);
            }
            long dt = System.nanoTime() - t0;
            if (round >= 10) { // the first rounds run before C2 has compiled the loop
                best = Math.max(best, (double) FmaProbe.FMAS_PER_STEP * STEPS * reps * Lanes.COUNT * 2 / dt);
            }
        }
        return sink == 42 ? best + 1e-9 : best;
    }
}
