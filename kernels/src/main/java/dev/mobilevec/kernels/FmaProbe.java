package dev.mobilevec.kernels;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

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
    /** A fixed 256-bit species: the 512-bit peak over this one tells full-rate from half-rate 512-bit FMAs. */
    private static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
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

    /**
     * {@link #run} at 256 bits, whatever the preferred width. On cores whose 512-bit FMAs issue at full
     * rate the 512-bit loop does twice the work per second of this one; on half-rate cores (Zen 4, which
     * splits 512-bit operations) about the same. Kept separate from run(): a species must be a constant.
     */
    public static float run256(float[] seed, int steps) {
        FloatVector a = FloatVector.fromArray(S256, seed, 0), b = FloatVector.fromArray(S256, seed, S256.length());
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        FloatVector m = FloatVector.broadcast(S256, 1e-7f);
        for (int i = 0; i < steps; i++) {
            c0 = a.fma(m, c0); c1 = b.fma(m, c1); c2 = a.fma(m, c2); c3 = b.fma(m, c3);
            c4 = a.fma(m, c4); c5 = b.fma(m, c5); c6 = a.fma(m, c6); c7 = b.fma(m, c7);
            c8 = a.fma(m, c8); c9 = b.fma(m, c9); c10 = a.fma(m, c10); c11 = b.fma(m, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /**
     * GFLOPS of one core on this thread: the best of 20 timed rounds after 10 untimed ones (the first
     * rounds run before C2 has compiled the loop). {@code wide}: the preferred species, else 256 bits.
     */
    public static double gflops(boolean wide) {
        final int steps = 1 << 16, reps = 20;
        float[] seed = new float[2 * Math.max(S.length(), S256.length())];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 1f + i * 1e-7f;
        }
        int lanes = wide ? S.length() : S256.length();
        float sink = 0;
        double best = 0;
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += wide ? run(seed, steps) : run256(seed, steps);
            }
            long dt = System.nanoTime() - t0;
            if (round >= 10) {
                best = Math.max(best, (double) FMAS_PER_STEP * steps * reps * lanes * 2 / dt);
            }
        }
        return sink == 42 ? best + 1e-9 : best;
    }

    /**
     * The FMA loop ({@link #run}, the used width) on {@code threads} threads at once, each round started
     * together: per round the sum of the threads' GFLOPS; returns {best, median} of 20 timed rounds after 5
     * untimed ones. Set beside {@code threads} x {@link #gflops}: a median well under that means the threads did
     * not each have a core to themselves while they ran (vCPUs that share a core, a busy neighbour), and a
     * multi-threaded timing taken on that machine at that time says as much about the host as about the code.
     * Measured on a 2-vCPU cloud VM (Zen 3): rounds of 45 + 45 GFLOPS (one core's worth between the two) and, minutes
     * later, 85 + 90, against 78-94 for one thread alone.
     */
    public static double[] gflopsTogether(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        final int steps = 1 << 16, reps = 10, warm = 5, rounds = warm + 20, lanes = S.length();
        double[][] rate = new double[rounds][threads];
        CyclicBarrier together = new CyclicBarrier(threads);
        Throwable[] failure = new Throwable[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int me = t;
            workers[t] = new Thread(() -> {
                float[] seed = seed();
                float sink = 0;
                try {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        long t0 = System.nanoTime();
                        for (int r = 0; r < reps; r++) {
                            sink += run(seed, steps);
                        }
                        rate[round][me] = (double) FMAS_PER_STEP * steps * reps * lanes * 2 / Math.max(1, System.nanoTime() - t0);
                    }
                } catch (InterruptedException | BrokenBarrierException | RuntimeException e) {
                    failure[me] = e;
                    together.reset();
                }
                if (sink == 42) {
                    rate[0][me] += 1e-9; // keeps the loop's result live
                }
            }, "mobilevec-fma-probe-" + t);
            workers[t].setDaemon(true);
        }
        for (Thread w : workers) {
            w.start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the FMA peak of " + threads + " threads", e);
        }
        for (Throwable f : failure) {
            if (f != null) {
                throw new IllegalStateException("the FMA probe on " + threads + " threads failed", f);
            }
        }
        double[] sums = new double[rounds - warm];
        for (int round = warm; round < rounds; round++) {
            sums[round - warm] = Arrays.stream(rate[round]).sum();
        }
        Arrays.sort(sums);
        return new double[] {sums[sums.length - 1], (sums[(sums.length - 1) / 2] + sums[sums.length / 2]) / 2};
    }
}
