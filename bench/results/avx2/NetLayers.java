package dev.mobilevec.bench;
import dev.mobilevec.network.*;
import java.util.*;
/** Per-layer minimum over many timed forwards (robust to a noisy neighbour), fused and unfused sessions alternated. */
public class NetLayers {
    public static void main(String[] a) throws Exception {
        Model m = BenchModels.model(a[0]);
        int iters = Integer.parseInt(a[1]);
        float[] in = BenchModels.input(m.arch(), 1);
        List<LayerDef> layers = m.layers();
        int n = layers.size();
        Session[] ss = { m.newSession(1, 1, Schedule.AUTO, true), m.newSession(1, 1, Schedule.AUTO, false) };
        float[] out = new float[ss[0].outputLength()];
        long[][] min = new long[2][n]; for (long[] x : min) Arrays.fill(x, Long.MAX_VALUE);
        long[] tot = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] ln = new long[n];
        for (int w = 0; w < 100; w++) for (Session s : ss) s.run(in, 0, Layout.NHWC, out, 0, null);
        for (int r = 0; r < iters; r++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                ss[k].run(in, 0, Layout.NHWC, out, 0, null);
                tot[k] = Math.min(tot[k], System.nanoTime() - t0);
                ss[k].run(in, 0, Layout.NHWC, out, 0, ln);
                for (int l = 0; l < n; l++) min[k][l] = Math.min(min[k][l], ln[l]);
            }
        }
        long s0 = 0, s1 = 0;
        for (int l = 0; l < n; l++) {
            LayerDef d = layers.get(l);
            s0 += min[0][l]; s1 += min[1][l];
            System.out.printf("%-3d %-40s %-8s %-12s %8.1f %8.1f%n", l, d.name().length() > 40 ? d.name().substring(d.name().length() - 40) : d.name(), d.label(), d.outShape(), min[0][l] / 1e3, min[1][l] / 1e3);
        }
        System.out.printf("sum of per-layer minima: fused %.0f us, unfused %.0f us; min forward fused %.0f us, unfused %.0f us%n", s0 / 1e3, s1 / 1e3, tot[0] / 1e3, tot[1] / 1e3);
    }
}
