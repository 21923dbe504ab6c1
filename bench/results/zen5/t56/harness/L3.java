/**
 * Read bandwidth by working-set size: one load per 64-byte line over arrays of 1-64 MB, best of repeated passes (where
 * the effective L3 ends on this guest). Usage: {@code javac L3.java && java -XX:+UseTransparentHugePages L3}.
 */
public class L3 {
    static float sink;
    public static void main(String[] a) {
        int[] mbs = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64};
        for (int rep = 0; rep < 2; rep++)
        for (int mb : mbs) {
            float[] x = new float[mb << 18];
            for (int i = 0; i < x.length; i++) x[i] = i;
            long best = Long.MAX_VALUE;
            for (int r = 0; r < Math.max(5, 200 / mb); r++) {
                long t0 = System.nanoTime();
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0; i < x.length; i += 64) { s0 += x[i]; s1 += x[i + 16]; s2 += x[i + 32]; s3 += x[i + 48]; }
                sink += s0 + s1 + s2 + s3;
                long t = System.nanoTime() - t0;
                if (r > 1) best = Math.min(best, t);
            }
            System.out.printf("%3d MB: %.1f GB/s (line touch, best)%n", mb, (double) x.length * 4 / best);
        }
    }
}
