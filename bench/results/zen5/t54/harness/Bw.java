import jdk.incubator.vector.*;
public class Bw {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    static float sum(float[] a) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int i = 0; i < a.length; i += 64) {
            s0 = s0.add(FloatVector.fromArray(S, a, i));
            s1 = s1.add(FloatVector.fromArray(S, a, i + 16));
            s2 = s2.add(FloatVector.fromArray(S, a, i + 32));
            s3 = s3.add(FloatVector.fromArray(S, a, i + 48));
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    }
    public static void main(String[] x) {
        float sink = 0;
        for (String m : x) {
            int mb = Integer.parseInt(m);
            int n = mb * 1024 * 256;
            // several arrays cycled so the working set is mb MB
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = i;
            for (int w = 0; w < 20; w++) sink += sum(a);
            long best = Long.MAX_VALUE; long tot = 0; int reps = Math.max(5, 2000 / mb);
            for (int r = 0; r < reps; r++) { long t0 = System.nanoTime(); sink += sum(a); long t = System.nanoTime() - t0; best = Math.min(best, t); tot += t; }
            System.out.printf("%4d MB: best %.1f GB/s, mean %.1f GB/s%n", mb, (double) n * 4 / best, (double) n * 4 * reps / tot);
        }
        System.out.println(sink == 1 ? "" : "");
    }
}
