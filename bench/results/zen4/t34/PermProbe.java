import jdk.incubator.vector.*;

public class PermProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorShuffle<Float> ROT = VectorShuffle.fromOp(S, i -> (i & ~3) | ((i - 1) & 3));
    static final int[] ROTI = new int[L];
    static { for (int i = 0; i < L; i++) ROTI[i] = (i & ~3) | ((i - 1) & 3); }
    // 4 independent chains of permute+add
    static float rearr(float[] a, int n) {
        FloatVector v0 = FloatVector.fromArray(S, a, 0), v1 = v0, v2 = v0, v3 = v0, c = v0;
        for (int i = 0; i < n; i++) {
            v0 = v0.rearrange(ROT).add(c); v1 = v1.rearrange(ROT).add(c); v2 = v2.rearrange(ROT).add(c); v3 = v3.rearrange(ROT).add(c);
        }
        return v0.add(v1).add(v2).add(v3).reduceLanes(VectorOperators.ADD);
    }
    static float local(float[] a, int n) {
        VectorShuffle<Float> rot = VectorShuffle.fromArray(S, ROTI, 0);
        FloatVector v0 = FloatVector.fromArray(S, a, 0), v1 = v0, v2 = v0, v3 = v0, c = v0;
        for (int i = 0; i < n; i++) {
            v0 = v0.rearrange(rot).add(c); v1 = v1.rearrange(rot).add(c); v2 = v2.rearrange(rot).add(c); v3 = v3.rearrange(rot).add(c);
        }
        return v0.add(v1).add(v2).add(v3).reduceLanes(VectorOperators.ADD);
    }
    static float slice(float[] a, int n) {
        FloatVector v0 = FloatVector.fromArray(S, a, 0), v1 = v0, v2 = v0, v3 = v0, c = v0;
        for (int i = 0; i < n; i++) {
            v0 = v0.slice(4, v0).add(c); v1 = v1.slice(4, v1).add(c); v2 = v2.slice(4, v2).add(c); v3 = v3.slice(4, v3).add(c);
        }
        return v0.add(v1).add(v2).add(v3).reduceLanes(VectorOperators.ADD);
    }
    static float addOnly(float[] a, int n) {
        FloatVector v0 = FloatVector.fromArray(S, a, 0), v1 = v0, v2 = v0, v3 = v0, c = v0;
        for (int i = 0; i < n; i++) {
            v0 = v0.add(c); v1 = v1.add(c); v2 = v2.add(c); v3 = v3.add(c);
        }
        return v0.add(v1).add(v2).add(v3).reduceLanes(VectorOperators.ADD);
    }
    public static void main(String[] args) {
        float[] a = new float[L];
        int n = 1 << 20;
        String[] names = {"rearrangeStatic", "rearrangeLocal", "slice", "addOnly"};
        float sink = 0;
        for (int round = 0; round < 10; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < 4; v++) {
                long t0 = System.nanoTime();
                sink += switch (v) { case 0 -> rearr(a, n); case 1 -> local(a, n); case 2 -> slice(a, n); default -> addOnly(a, n); };
                sb.append(String.format(" %s %.2f ns/iter", names[v], (System.nanoTime() - t0) / (double) n));
            }
            if (round >= 5) System.out.println(sb);
        }
        if (sink == 42) System.out.println();
    }
}
