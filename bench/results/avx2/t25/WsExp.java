import jdk.incubator.vector.*;
import dev.mobilevec.kernels.*;
import java.util.*;

/** Weight-stationary 1x1 experiment: 8 weight vectors in registers, pixels streamed. */
public class WsExp {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final int L = 8;
    static final int PX = Integer.getInteger("px", 1);

    static void run(int m, int k, int n, float[] a, float[] wp, float[] bias, float[] c, int mc, float lo, float hi) {
        int nv = n / L;
        for (int r0 = 0; r0 < m; r0 += mc) {
            int r1 = Math.min(r0 + mc, m);
            for (int v = 0; v < nv; v++) {
                for (int k0 = 0; k0 < k; k0 += 8) {
                    if (PX == 2) pass2(a, wp, bias, c, r0, r1, k, n, v, k0, k0 == 0, k0 + 8 == k, lo, hi); else pass(a, wp, bias, c, r0, r1, k, n, v, k0, k0 == 0, k0 + 8 == k, lo, hi);
                }
            }
        }
    }

    static void pass(float[] a, float[] wp, float[] bias, float[] c, int r0, int r1, int k, int n, int v, int k0, boolean first, boolean last, float lo, float hi) {
        int wb = (v * k + k0) * L;
        FloatVector w0 = FloatVector.fromArray(S, wp, wb), w1 = FloatVector.fromArray(S, wp, wb + L),
                w2 = FloatVector.fromArray(S, wp, wb + 2 * L), w3 = FloatVector.fromArray(S, wp, wb + 3 * L),
                w4 = FloatVector.fromArray(S, wp, wb + 4 * L), w5 = FloatVector.fromArray(S, wp, wb + 5 * L),
                w6 = FloatVector.fromArray(S, wp, wb + 6 * L), w7 = FloatVector.fromArray(S, wp, wb + 7 * L);
        FloatVector b = FloatVector.fromArray(S, bias, v * L);
        FloatVector vlo = FloatVector.broadcast(S, last ? lo : Float.NEGATIVE_INFINITY);
        FloatVector vhi = FloatVector.broadcast(S, last ? hi : Float.POSITIVE_INFINITY);
        int ai = r0 * k + k0, ci = r0 * n + v * L;
        for (int r = r0; r < r1; r++, ai += k, ci += n) {
            FloatVector acc = first ? b : FloatVector.fromArray(S, c, ci);
            acc = w0.fma(FloatVector.broadcast(S, a[ai]), acc);
            acc = w1.fma(FloatVector.broadcast(S, a[ai + 1]), acc);
            acc = w2.fma(FloatVector.broadcast(S, a[ai + 2]), acc);
            acc = w3.fma(FloatVector.broadcast(S, a[ai + 3]), acc);
            acc = w4.fma(FloatVector.broadcast(S, a[ai + 4]), acc);
            acc = w5.fma(FloatVector.broadcast(S, a[ai + 5]), acc);
            acc = w6.fma(FloatVector.broadcast(S, a[ai + 6]), acc);
            acc = w7.fma(FloatVector.broadcast(S, a[ai + 7]), acc);
            acc = acc.blend(vlo, acc.compare(VectorOperators.LE, vlo));
            acc.intoArray(c, ci);
        }
    }


    static void pass2(float[] a, float[] wp, float[] bias, float[] c, int r0, int r1, int k, int n, int v, int k0, boolean first, boolean last, float lo, float hi) {
        int wb = (v * k + k0) * L;
        FloatVector w0 = FloatVector.fromArray(S, wp, wb), w1 = FloatVector.fromArray(S, wp, wb + L),
                w2 = FloatVector.fromArray(S, wp, wb + 2 * L), w3 = FloatVector.fromArray(S, wp, wb + 3 * L),
                w4 = FloatVector.fromArray(S, wp, wb + 4 * L), w5 = FloatVector.fromArray(S, wp, wb + 5 * L),
                w6 = FloatVector.fromArray(S, wp, wb + 6 * L), w7 = FloatVector.fromArray(S, wp, wb + 7 * L);
        FloatVector b = FloatVector.fromArray(S, bias, v * L);
        FloatVector vlo = FloatVector.broadcast(S, last ? lo : Float.NEGATIVE_INFINITY);
        int ai = r0 * k + k0, ci = r0 * n + v * L;
        int r = r0;
        for (; r + 2 <= r1; r += 2, ai += 2 * k, ci += 2 * n) {
            FloatVector acc = first ? b : FloatVector.fromArray(S, c, ci);
            FloatVector ac2 = first ? b : FloatVector.fromArray(S, c, ci + n);
            int aj = ai + k;
            acc = w0.fma(FloatVector.broadcast(S, a[ai]), acc);
            ac2 = w0.fma(FloatVector.broadcast(S, a[aj]), ac2);
            acc = w1.fma(FloatVector.broadcast(S, a[ai + 1]), acc);
            ac2 = w1.fma(FloatVector.broadcast(S, a[aj + 1]), ac2);
            acc = w2.fma(FloatVector.broadcast(S, a[ai + 2]), acc);
            ac2 = w2.fma(FloatVector.broadcast(S, a[aj + 2]), ac2);
            acc = w3.fma(FloatVector.broadcast(S, a[ai + 3]), acc);
            ac2 = w3.fma(FloatVector.broadcast(S, a[aj + 3]), ac2);
            acc = w4.fma(FloatVector.broadcast(S, a[ai + 4]), acc);
            ac2 = w4.fma(FloatVector.broadcast(S, a[aj + 4]), ac2);
            acc = w5.fma(FloatVector.broadcast(S, a[ai + 5]), acc);
            ac2 = w5.fma(FloatVector.broadcast(S, a[aj + 5]), ac2);
            acc = w6.fma(FloatVector.broadcast(S, a[ai + 6]), acc);
            ac2 = w6.fma(FloatVector.broadcast(S, a[aj + 6]), ac2);
            acc = w7.fma(FloatVector.broadcast(S, a[ai + 7]), acc);
            ac2 = w7.fma(FloatVector.broadcast(S, a[aj + 7]), ac2);
            acc = acc.blend(vlo, acc.compare(VectorOperators.LE, vlo));
            ac2 = ac2.blend(vlo, ac2.compare(VectorOperators.LE, vlo));
            acc.intoArray(c, ci);
            ac2.intoArray(c, ci + n);
        }
        if (r < r1) pass(a, wp, bias, c, r, r1, k, n, v, k0, first, last, lo, hi);
    }

    public static void main(String[] args) {
        int h = Integer.getInteger("h", 112), k = Integer.getInteger("k", 16), n = Integer.getInteger("n", 48);
        int mc = Integer.getInteger("mc", 96);
        int m = h * h;
        Random rnd = new Random(1);
        float[] a = new float[m * k]; for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        float[] w = new float[n * k]; for (int i = 0; i < w.length; i++) w[i] = rnd.nextFloat() - 0.5f;
        float[] bias = new float[n]; for (int i = 0; i < n; i++) bias[i] = rnd.nextFloat() - 0.5f;
        float[] wp = new float[n * k];
        for (int co = 0; co < n; co++) for (int ci = 0; ci < k; ci++) wp[((co / L) * k + ci) * L + co % L] = w[co * k + ci];
        float[] c = new float[m * n];
        ConvSpec spec = ConvSpec.pointwise(h, h, k, n);
        PreparedConv pc = PointwiseGemm.INSTANCE.prepare(spec, w, bias, Activation.RELU);
        float[] c2 = new float[m * n];
        pc.run(1, a, 0, c2, 0, 0, pc.workUnits(1));
        run(m, k, n, a, wp, bias, c, mc, 0f, Float.POSITIVE_INFINITY);
        System.out.println("bitwise equal: " + Arrays.equals(c, c2));
        double flops = 2.0 * m * k * n;
        int reps = (int) Math.max(20, 1.5e10 / flops);
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) run(m, k, n, a, wp, bias, c, mc, 0f, Float.POSITIVE_INFINITY);
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) pc.run(1, a, 0, c2, 0, 0, pc.workUnits(1));
            long t2 = System.nanoTime();
            System.out.printf("ws %.1f GFLOPS   gemm %.1f GFLOPS%n", flops * reps / (t1 - t0), flops * reps / (t2 - t1));
        }
    }
}
