import dev.mobilevec.kernels.*;
import java.util.*;

/** A banded 1x1 projection's calls: ranges of whole rows (bands of R rows) against ranges cut back to 24 pixels; alternated. */
public class BandTiles {
    public static void main(String[] args) {
        String[] shapes = args[0].split(";");
        int rounds = Integer.getInteger("rounds", 10);
        for (String sh : shapes) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray(); // H,W,K,N,bandRows
            ConvSpec spec = ConvSpec.pointwise(s[0], s[1], s[2], s[3]);
            Random r = new Random(1);
            float[] w = new float[spec.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
            PreparedConv pc = PointwiseGemm.INSTANCE.prepare(spec, w, new float[s[3]], Activation.NONE);
            float[] in = new float[spec.inputLength(1) + 64], out = new float[spec.outputLength(1) + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            int units = pc.workUnits(1), ppu = pc.pixelsPerUnit(1), W = s[1], H = s[0], band = s[4];
            if (ppu == 0) { System.out.println(sh + ": column split, skipped"); continue; }
            List<int[]> a = new ArrayList<>(), b = new ArrayList<>();
            int pa = 0, pb = 0;
            for (int y1 = band; ; y1 += band) {
                boolean last = y1 >= H;
                int u = last ? units : y1 * W / ppu;
                int ub = last ? units : pb + ((u - pb) * ppu / 24 * 24) / ppu;
                ub = Math.max(ub, pb);
                if (u > pa) a.add(new int[] {pa, u});
                if (ub > pb) b.add(new int[] {pb, ub});
                pa = u; pb = Math.max(pb, ub);
                if (last) break;
            }
            List<List<int[]>> ways = List.of(a, b);
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 1e10 / flops);
            double[][] g = new double[2][rounds];
            for (int round = 0; round < rounds + 2; round++) {
                for (int k0 = 0; k0 < 2; k0++) {
                    int k = round % 2 == 0 ? k0 : 1 - k0;
                    List<int[]> rr = ways.get(k);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) for (int[] x : rr) pc.run(1, in, 0, out, 0, x[0], x[1]);
                    long t = System.nanoTime() - t0;
                    if (round >= 2) g[k][round - 2] = t / 1e3 / reps;
                }
            }
            for (double[] x : g) Arrays.sort(x);
            System.out.printf("%-22s bands of %d: %d calls %.1f us | 24-pixel cuts: %d calls %.1f us | %.3f%n", sh, band, a.size(), g[0][rounds / 2], b.size(), g[1][rounds / 2], g[0][rounds / 2] / g[1][rounds / 2]);
        }
    }
}
