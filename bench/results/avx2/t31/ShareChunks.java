import dev.mobilevec.kernels.*;
import java.util.*;

/** A row-major 1x1 layer's units as two threads' shares in eighths (Session.runShares), chunks of any length against
 *  chunks rounded up to whole row tiles (blocksPerCall); both run on one thread, alternated, same total work. */
public class ShareChunks {
    static List<int[]> chunks(int units, int parts, int grain) {
        List<int[]> r = new ArrayList<>();
        for (int q = 0; q < parts; q++) {
            int begin = (int) ((long) units * q / parts), end = (int) ((long) units * (q + 1) / parts);
            int chunk = Math.max(1, (end - begin + 7) / 8);
            chunk = (chunk + grain - 1) / grain * grain;
            for (int from = begin; from < end; from += chunk) r.add(new int[] {from, Math.min(end, from + chunk)});
        }
        return r;
    }
    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 10);
        for (String sh : args[0].split(";")) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray(); // H,W,K,N[,batch]
            int batch = s.length > 4 ? s[4] : 1;
            ConvSpec spec = ConvSpec.pointwise(s[0], s[1], s[2], s[3]);
            Random r = new Random(1);
            float[] w = new float[spec.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
            PreparedConv pc = PointwiseGemm.INSTANCE.prepare(spec, w, new float[s[3]], Activation.NONE);
            float[] in = new float[batch * spec.inputLength(1) + 64], out = new float[batch * spec.outputLength(1) + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            int units = pc.workUnits(batch);
            if (pc.pixelsPerUnit(batch) == 0) { System.out.println(sh + ": column split, skipped"); continue; }
            List<List<int[]>> ways = List.of(chunks(units, 2, 1), chunks(units, 2, pc.blocksPerCall(batch)));
            double flops = 2.0 * spec.macs() * batch;
            int reps = (int) Math.max(20, 1e10 / flops);
            double[][] g = new double[2][rounds];
            for (int round = 0; round < rounds + 2; round++) {
                for (int k0 = 0; k0 < 2; k0++) {
                    int k = round % 2 == 0 ? k0 : 1 - k0;
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) for (int[] x : ways.get(k)) pc.run(batch, in, 0, out, 0, x[0], x[1]);
                    long t = System.nanoTime() - t0;
                    if (round >= 2) g[k][round - 2] = t / 1e3 / reps;
                }
            }
            for (double[] x : g) Arrays.sort(x);
            System.out.printf("%-20s %d units: %d chunks %.1f us | whole row tiles: %d chunks %.1f us | %.3f%n", sh, units,
                    ways.get(0).size(), g[0][rounds / 2], ways.get(1).size(), g[1][rounds / 2], g[0][rounds / 2] / g[1][rounds / 2]);
        }
    }
}
