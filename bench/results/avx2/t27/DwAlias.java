import dev.mobilevec.kernels.*;
import java.util.*;

/** Stand-alone depthwise with input and output in one array: the output placed delta floats after a 4 KB-aligned gap, to vary the in/out address difference mod 4096. */
public class DwAlias {
    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "56,56,128,3,2;14,14,512,3,2;56,56,144,3,2").split(";");
        int[] deltas = Arrays.stream(System.getProperty("deltas", "0,8,16,32,64,128,256,512").split(",")).mapToInt(Integer::parseInt).toArray();
        Random r = new Random(1);
        for (String sh : ss) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            int h = s[0], w = s[1], c = s[2], k = s[3], st = s[4], pad = k / 2;
            ConvSpec spec = new ConvSpec(h, w, c, c, k, k, st, st, pad, pad, pad, pad, c);
            float[] wt = new float[spec.weightLength()];
            for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
            PreparedConv pc = (k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE).prepare(spec, wt, new float[c], Activation.RELU6);
            int inLen = spec.inputLength(1), outLen = spec.outputLength(1);
            int gap = (inLen + 1023) / 1024 * 1024; // floats: a multiple of 4 KB
            int base = HeapAlignment.FLOAT_OFFSET;
            float[] buf = new float[base + gap + 4096 + outLen];
            for (int i = 0; i < base + inLen; i++) buf[i] = r.nextFloat();
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 1e10 / flops);
            StringBuilder sb = new StringBuilder(String.format("%-16s", h + "x" + w + "x" + c + "/k" + k + "s" + st));
            for (int rep = 0; rep < 2; rep++) for (int d : deltas) {
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) pc.run(1, buf, base, buf, base + gap + d, 0, pc.workUnits(1));
                    long t = System.nanoTime() - t0;
                    if (round >= 1) best = Math.min(best, t / 1e3 / reps);
                }
                sb.append(String.format("  d%d:%.1f", d, best));
            }
            System.out.println(sb);
        }
    }
}
