import dev.mobilevec.kernels.*;
import java.lang.reflect.Field;
import java.util.*;

/**
 * Does touching a memory-bound FC's weights during the compute-bound layer before it pay?
 * X = a compute-bound 1x1 layer, F = a one-pixel FC whose weights come from DRAM (SETS copies cycled).
 * A: X, then F. B: X in chunks, touching 1/U of F's weights after each chunk, then F. C: touch all, X, F.
 */
public class PrefetchProbe {
    static volatile float sink;

    static float touch(float[] a, int from, int to) {
        float s = 0;
        for (int i = from; i < to; i += 16) s += a[i];
        return s;
    }

    public static void main(String[] args) throws Exception {
        int[] xs = Arrays.stream(System.getProperty("x", "7,7,160,960").split(",")).mapToInt(Integer::parseInt).toArray();
        int[] fs = Arrays.stream(System.getProperty("f", "960,1280").split(",")).mapToInt(Integer::parseInt).toArray();
        int sets = Integer.getInteger("sets", 20), iters = Integer.getInteger("iters", 300), chunks = Integer.getInteger("chunks", 16);
        ConvSpec xspec = ConvSpec.pointwise(xs[0], xs[1], xs[2], xs[3]);
        ConvSpec fspec = ConvSpec.pointwise(1, 1, fs[0], fs[1]);
        Random r = new Random(1);
        PreparedConv[] X = new PreparedConv[sets], F = new PreparedConv[sets];
        float[][] FP = new float[sets][];
        Field packed = null;
        for (int q = 0; q < sets; q++) {
            float[] w = new float[xspec.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
            X[q] = PointwiseGemm.INSTANCE.prepare(xspec, w, new float[xs[3]], Activation.RELU6);
            float[] v = new float[fspec.weightLength()]; for (int i = 0; i < v.length; i++) v[i] = r.nextFloat() - 0.5f;
            F[q] = PointwiseGemm.INSTANCE.prepare(fspec, v, new float[fs[1]], Activation.NONE);
            if (packed == null) { packed = F[q].getClass().getDeclaredField("packed"); packed.setAccessible(true); }
            FP[q] = (float[]) packed.get(F[q]);
        }
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] xin = new float[off + xspec.inputLength(1) + 64], xout = new float[off + xspec.outputLength(1) + 64];
        float[] fin = new float[off + fspec.inputLength(1) + 64], fout = new float[off + fspec.outputLength(1) + 64];
        for (int i = 0; i < xin.length; i++) xin[i] = r.nextFloat();
        for (int i = 0; i < fin.length; i++) fin[i] = r.nextFloat();
        int xu = X[0].workUnits(1), fu = F[0].workUnits(1);
        System.out.printf("X %s units %d (%.2f MB weights), F %s units %d (%.2f MB packed), %d sets, %d chunks%n",
                Arrays.toString(xs), xu, xspec.weightLength() * 4e-6, Arrays.toString(fs), fu, FP[0].length * 4e-6, sets, chunks);
        String[] names = {"A plain", "B interleaved", "C touch first"};
        long[][][] t = new long[3][2][iters];
        for (int round = 0; round < 2; round++) {
            for (int it = 0; it < iters; it++) {
                for (int v = 0; v < 3; v++) {
                    int q = (it * 3 + v) % sets;
                    float[] fp = FP[q];
                    float s = 0;
                    long t0 = System.nanoTime();
                    if (v == 2) s += touch(fp, 0, fp.length);
                    if (v == 1) {
                        for (int c = 0; c < chunks; c++) {
                            int u0 = (int) ((long) xu * c / chunks), u1 = (int) ((long) xu * (c + 1) / chunks);
                            X[q].run(1, xin, off, xout, off, u0, u1);
                            s += touch(fp, (int) ((long) fp.length * c / chunks), (int) ((long) fp.length * (c + 1) / chunks));
                        }
                    } else {
                        X[q].run(1, xin, off, xout, off, 0, xu);
                    }
                    long t1 = System.nanoTime();
                    F[q].run(1, fin, off, fout, off, 0, fu);
                    long t2 = System.nanoTime();
                    sink += s;
                    t[v][0][it] = t1 - t0; t[v][1][it] = t2 - t1;
                }
            }
            if (round == 0) continue; // warm-up round
            long[] hot = new long[iters];
            for (int it = 0; it < iters; it++) {
                int q = it % sets;
                F[q].run(1, fin, off, fout, off, 0, fu);
                long t0 = System.nanoTime();
                F[q].run(1, fin, off, fout, off, 0, fu);
                hot[it] = System.nanoTime() - t0;
            }
            Arrays.sort(hot);
            System.out.printf("F right after itself (L2/L3): %.1f us%n", hot[iters / 2] / 1e3);
            for (int v = 0; v < 3; v++) {
                long[] a = t[v][0].clone(), b = t[v][1].clone(), c = new long[iters];
                for (int i = 0; i < iters; i++) c[i] = t[v][0][i] + t[v][1][i];
                Arrays.sort(a); Arrays.sort(b); Arrays.sort(c);
                System.out.printf("%-14s X(+touch) %7.1f us   F %7.1f us   total %7.1f us (min %.1f)%n", names[v],
                        a[iters / 2] / 1e3, b[iters / 2] / 1e3, c[iters / 2] / 1e3, c[0] / 1e3);
            }
        }
    }
}
