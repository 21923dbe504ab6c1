package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loop that measures the machine's fp32 FMA ceiling: 12 independent accumulator chains (enough
 * to cover FMA latency on two pipes), no memory traffic. Shared by the JMH peak benchmark and the
 * CLI's on-the-spot figure, so both measure the same thing.
 */
public final class FmaProbe {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    /** Vector FMAs per call of {@link #run}, per step. */
    public static final int FMAS_PER_STEP = 12;

    private FmaProbe() {}

    /** A seed array for {@link #run}: two vectors of values near 1. */
    public static float[] seed() {
        float[] seed = new float[2 * S.length()];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 1f + i * 1e-7f;
        }
        return seed;
    }

    /** Runs {@code steps} x 12 vector FMAs; returns a value to consume so the loop is not removed. */
    public static float run(float[] seed, int steps) {
        FloatVector a = FloatVector.fromArray(S, seed, 0), b = FloatVector.fromArray(S, seed, S.length());
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        FloatVector m = FloatVector.broadcast(S, 1e-7f);
        for (int i = 0; i < steps; i++) {
            c0 = a.fma(m, c0); c1 = b.fma(m, c1); c2 = a.fma(m, c2); c3 = b.fma(m, c3);
            c4 = a.fma(m, c4); c5 = b.fma(m, c5); c6 = a.fma(m, c6); c7 = b.fma(m, c7);
            c8 = a.fma(m, c8); c9 = b.fma(m, c9); c10 = a.fma(m, c10); c11 = b.fma(m, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
