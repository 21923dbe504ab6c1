import jdk.incubator.vector.*;
import java.util.*;
import static jdk.incubator.vector.VectorOperators.*;

/** 2 pixels x 5 vectors (N = 40, weights packed [k][40]) against 2 x 4 on [k][32] panels. */
public class K25 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;

    static void tile2x5(float[] a, int aOff, int kk, float[] w, float[] bias, float[] c, int cOff) {
        final int nn = 40;
        FloatVector c00 = FloatVector.fromArray(S, bias, 0), c01 = FloatVector.fromArray(S, bias, L), c02 = FloatVector.fromArray(S, bias, 2 * L),
                c03 = FloatVector.fromArray(S, bias, 3 * L), c04 = FloatVector.fromArray(S, bias, 4 * L);
        FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04;
        int a0 = aOff, a1 = aOff + kk;
        for (int i = 0, bi = 0; i < kk; i++, bi += nn) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + i]), y = FloatVector.broadcast(S, a[a1 + i]);
            FloatVector b = FloatVector.fromArray(S, w, bi);
            c00 = b.fma(x, c00); c10 = b.fma(y, c10);
            b = FloatVector.fromArray(S, w, bi + L);
            c01 = b.fma(x, c01); c11 = b.fma(y, c11);
            b = FloatVector.fromArray(S, w, bi + 2 * L);
            c02 = b.fma(x, c02); c12 = b.fma(y, c12);
            b = FloatVector.fromArray(S, w, bi + 3 * L);
            c03 = b.fma(x, c03); c13 = b.fma(y, c13);
            b = FloatVector.fromArray(S, w, bi + 4 * L);
            c04 = b.fma(x, c04); c14 = b.fma(y, c14);
        }
        FloatVector lo = FloatVector.zero(S);
        int q = cOff;
        c00.blend(lo, c00.compare(LE, lo)).intoArray(c, q); c01.blend(lo, c01.compare(LE, lo)).intoArray(c, q + L);
        c02.blend(lo, c02.compare(LE, lo)).intoArray(c, q + 2 * L); c03.blend(lo, c03.compare(LE, lo)).intoArray(c, q + 3 * L);
        c04.blend(lo, c04.compare(LE, lo)).intoArray(c, q + 4 * L);
        q += nn;
        c10.blend(lo, c10.compare(LE, lo)).intoArray(c, q); c11.blend(lo, c11.compare(LE, lo)).intoArray(c, q + L);
        c12.blend(lo, c12.compare(LE, lo)).intoArray(c, q + 2 * L); c13.blend(lo, c13.compare(LE, lo)).intoArray(c, q + 3 * L);
        c14.blend(lo, c14.compare(LE, lo)).intoArray(c, q + 4 * L);
    }

    public static void main(String[] args) {
        int h = Integer.getInteger("h", 112), k = Integer.getInteger("k", 16);
        int m = h * h, n = 40;
        Random rnd = new Random(1);
        float[] a = new float[m * k + 64], w = new float[k * n + 64], bias = new float[n + 64], c = new float[m * n + 64];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextFloat() - 0.5f;
        dev.mobilevec.kernels.ConvSpec spec = dev.mobilevec.kernels.ConvSpec.pointwise(h, h, k, n);
        float[] wt = new float[n * k];
        for (int co = 0; co < n; co++) for (int ci = 0; ci < k; ci++) wt[co * k + ci] = w[ci * n + co];
        dev.mobilevec.kernels.PreparedConv pc = dev.mobilevec.kernels.PointwiseGemm.INSTANCE.prepare(spec, wt, Arrays.copyOf(bias, n), dev.mobilevec.kernels.Activation.RELU);
        float[] c2 = new float[m * n + 64];
        pc.run(1, a, 0, c2, 0, 0, pc.workUnits(1));
        for (int r = 0; r + 2 <= m; r += 2) tile2x5(a, r * k, k, w, bias, c, r * n);
        System.out.println("bitwise equal to PointwiseGemm: " + Arrays.equals(Arrays.copyOf(c, m * n), Arrays.copyOf(c2, m * n)));
        double flops = 2.0 * m * k * n;
        int reps = (int) Math.max(20, 1e10 / flops);
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) for (int r = 0; r + 2 <= m; r += 2) tile2x5(a, r * k, k, w, bias, c, r * n);
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) pc.run(1, a, 0, c2, 0, 0, pc.workUnits(1));
            long t2 = System.nanoTime();
            if (round >= 3) System.out.printf("%dx%dx%d->40: 2x6 %.1f GFLOPS, PointwiseGemm %.1f%n", h, h, k, flops * reps / (t1 - t0), flops * reps / (t2 - t1));
        }
    }
}
