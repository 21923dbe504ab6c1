import jdk.incubator.vector.*;
import java.util.*;

/** Ideal stride-1 row pass: packed contiguous row [W][8], 5 weights in registers, partial sums load+add+store. */
public class RowPass {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;

    static void pass(float[] a, int ia, float[] out, int io, int w, float[] wt, int wo) {
        FloatVector w0 = FloatVector.fromArray(S, wt, wo), w1 = FloatVector.fromArray(S, wt, wo + L), w2 = FloatVector.fromArray(S, wt, wo + 2 * L),
                w3 = FloatVector.fromArray(S, wt, wo + 3 * L), w4 = FloatVector.fromArray(S, wt, wo + 4 * L);
        FloatVector s = FloatVector.zero(S);
        FloatVector p0 = s, p1 = s, p2 = s, p3 = s;
        // output o completes at column o + 4 (no padding in this ideal loop): outputs 0..w-5
        int j = 0;
        for (; j < 4; j++) {
            FloatVector x = FloatVector.fromArray(S, a, ia + j * L);
            p0 = x.fma(w3, p1); p1 = x.fma(w2, p2); p2 = x.fma(w1, p3); p3 = x.fma(w0, s);
        }
        for (; j + 5 <= w; j += 5) {
            int q = io + (j - 4) * L, i = ia + j * L;
            FloatVector x = FloatVector.fromArray(S, a, i);
            FloatVector r = x.fma(w4, p0); p1 = x.fma(w3, p1); p2 = x.fma(w2, p2); p3 = x.fma(w1, p3); FloatVector p4 = x.fma(w0, s);
            FloatVector.fromArray(S, out, q).add(r).intoArray(out, q);
            x = FloatVector.fromArray(S, a, i + L);
            r = x.fma(w4, p1); p2 = x.fma(w3, p2); p3 = x.fma(w2, p3); p4 = x.fma(w1, p4); p0 = x.fma(w0, s);
            FloatVector.fromArray(S, out, q + L).add(r).intoArray(out, q + L);
            x = FloatVector.fromArray(S, a, i + 2 * L);
            r = x.fma(w4, p2); p3 = x.fma(w3, p3); p4 = x.fma(w2, p4); p0 = x.fma(w1, p0); p1 = x.fma(w0, s);
            FloatVector.fromArray(S, out, q + 2 * L).add(r).intoArray(out, q + 2 * L);
            x = FloatVector.fromArray(S, a, i + 3 * L);
            r = x.fma(w4, p3); p4 = x.fma(w3, p4); p0 = x.fma(w2, p0); p1 = x.fma(w1, p1); p2 = x.fma(w0, s);
            FloatVector.fromArray(S, out, q + 3 * L).add(r).intoArray(out, q + 3 * L);
            x = FloatVector.fromArray(S, a, i + 4 * L);
            r = x.fma(w4, p4); p0 = x.fma(w3, p0); p1 = x.fma(w2, p1); p2 = x.fma(w1, p2); p3 = x.fma(w0, s);
            FloatVector.fromArray(S, out, q + 4 * L).add(r).intoArray(out, q + 4 * L);
        }
    }

    public static void main(String[] args) {
        int w = Integer.getInteger("w", 60);
        int rows = Integer.getInteger("rows", 200);
        float[] a = new float[rows * w * L + 64], out = new float[rows * w * L + 64], wt = new float[5 * L * 5];
        Random r = new Random(1);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 1e-3f;
        for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() * 1e-3f;
        int outs = (w - 4) / 5 * 5;
        double flops = 2.0 * 5 * L * outs * rows;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            int reps = 2000;
            for (int rep = 0; rep < reps; rep++) {
                for (int row = 0; row < rows; row++) pass(a, row * w * L, out, row * w * L, w, wt, (row % 5) * 5 * L);
            }
            long t = System.nanoTime() - t0;
            System.out.printf("w=%d %.1f GFLOPS%n", w, flops * reps / t);
        }
    }
}
