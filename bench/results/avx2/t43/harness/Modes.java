import dev.mobilevec.network.*;
import java.util.*;

/** Runs v1 back to back; every 100 inferences prints the median total and the layers whose median moved most against the first window. */
public class Modes {
    public static void main(String[] a) throws Exception {
        MobileNetV1 arch = MobileNetV1.standard(1.0, 224);
        Model model = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        int seconds = Integer.parseInt(a[0]);
        boolean layers = a.length > 1;
        try (Session s = model.newSession(1, 1)) {
            float[] in = new float[224 * 224 * 3];
            new Random(1).ints(); for (int i = 0; i < in.length; i++) in[i] = (float) Math.sin(i);
            float[] out = new float[s.outputLength()];
            int n = 100, nl = 40;
            long[] tot = new long[n]; long[][] ln = new long[n][];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            double[] base = null;
            while (System.nanoTime() < end) {
                for (int i = 0; i < n; i++) {
                    long[] lns = layers ? new long[nl] : null;
                    long t0 = System.nanoTime();
                    s.run(in, 0, Layout.NHWC, out, 0, lns);
                    tot[i] = System.nanoTime() - t0; ln[i] = lns;
                }
                long[] c = tot.clone(); Arrays.sort(c);
                StringBuilder sb = new StringBuilder(String.format("%8.3f ms", c[n / 2] / 1e6));
                if (layers) {
                    double[] med = new double[nl];
                    for (int l = 0; l < nl; l++) { long[] v = new long[n]; for (int i = 0; i < n; i++) v[i] = ln[i][l]; Arrays.sort(v); med[l] = v[n/2] / 1e3; }
                    if (base == null) base = med;
                    for (int l = 0; l < nl; l++) if (base[l] > 20 && med[l] > 1.25 * base[l]) sb.append(String.format("  L%d %.0f->%.0f", l, base[l], med[l]));
                }
                System.out.println(sb);
            }
        }
    }
}
