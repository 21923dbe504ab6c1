import jdk.incubator.vector.*;
import java.util.*;
/** Sum of a 5 MB float array (4 accumulators, 256-bit vectors) right after reading 32 MB of other data. */
public class SumFlush {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static float sum(float[] w, int streams) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int len = w.length / streams;
        for (int i = 0; i < len; i += 32) {
            for (int s = 0; s < streams; s++) {
                int o = s * len + i;
                a0 = a0.add(FloatVector.fromArray(S, w, o)); a1 = a1.add(FloatVector.fromArray(S, w, o + 8));
                a2 = a2.add(FloatVector.fromArray(S, w, o + 16)); a3 = a3.add(FloatVector.fromArray(S, w, o + 24));
            }
        }
        return a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
    }
    public static void main(String[] a) {
        float[] w = new float[1280 * 1000];
        float[] other = new float[32 << 18];
        for (int i = 0; i < other.length; i++) other[i] = i;
        for (int i = 0; i < w.length; i++) w[i] = i;
        double sink = 0;
        for (int rep = 0; rep < 3; rep++) {
            for (int streams : new int[] {1, 2, 4, 8}) {
                for (int mb : new int[] {0, 32}) {
                    long[] t = new long[200];
                    for (int it = 0; it < 200; it++) {
                        float s = 0;
                        for (int i = 0; i < (mb << 18); i += 16) s += other[i];
                        sink += s;
                        long t0 = System.nanoTime();
                        sink += sum(w, streams);
                        t[it] = System.nanoTime() - t0;
                    }
                    Arrays.sort(t);
                    System.out.printf("rep %d streams %d flush %2d MB: median %6.1f us (%.1f GB/s), p10 %6.1f us%n", rep, streams, mb, t[100] / 1e3, w.length * 4.0 / t[100], t[20] / 1e3);
                }
            }
        }
        System.out.println(sink > 0 ? "" : " ");
    }
}
