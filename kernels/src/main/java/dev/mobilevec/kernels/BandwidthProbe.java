package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The STREAM triad a = b + s*c over float arrays, vectorised, for the memory-bandwidth figures a
 * machine fingerprint records next to the FMA peak: arrays sized to one cache level measure that
 * level (three arrays of a quarter of it each), arrays far beyond the last level measure DRAM.
 */
public final class BandwidthProbe {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    private BandwidthProbe() {}

    /** One triad pass over the first n floats (n a multiple of the vector length). */
    public static void triad(float[] a, float[] b, float[] c, float s, int n) {
        FloatVector k = FloatVector.broadcast(S, s);
        for (int i = 0; i < n; i += S.length()) {
            FloatVector.fromArray(S, c, i).fma(k, FloatVector.fromArray(S, b, i)).intoArray(a, i);
        }
    }

    /**
     * GB/s of the triad over three arrays of {@code bytesPerArray} bytes each (12 bytes moved per
     * element, not counting write-allocate), best of the timed passes within about {@code millis} ms.
     */
    public static double gbPerSecond(long bytesPerArray, long millis) {
        int n = (int) Math.max(S.length(), Math.min(Integer.MAX_VALUE / 2, bytesPerArray / 4) / S.length() * S.length());
        float[] a = new float[n], b = new float[n], c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        double best = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        int passes = 0;
        while (passes < 20 || System.nanoTime() < end) {
            int reps = (int) Math.max(1, (1L << 22) / n); // ~16 MB of traffic per timing, so small arrays time well
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                triad(a, b, c, 0.5f, n);
            }
            long dt = System.nanoTime() - t0;
            if (passes >= 5) { // the first passes run before C2 has compiled the loop
                best = Math.max(best, 12.0 * n * reps / dt);
            }
            passes++;
            if (passes > 100_000) {
                break;
            }
        }
        return a[n - 1] == 42 ? best + 1e-9 : best;
    }
}
