import dev.mobilevec.kernels.*;
import java.util.*;

public class DwHarness {
    public static void main(String[] args) {
        // h, w, c, k, stride  (pad k/2 each side, torchvision style)
        String[] ss = System.getProperty("shapes", "28,28,120,5,1;14,14,480,5,1;7,7,1152,5,1;56,56,72,5,2;28,28,240,5,2;14,14,576,5,2;28,28,72,5,1").split(";");
        double peak = FmaProbe.gflops(Lanes.COUNT >= 16);
        System.out.printf("lanes %d regs %d fma peak %.1f%n", Lanes.COUNT, Lanes.REGISTERS, peak);
        Random r = new Random(1);
        for (String sh : ss) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            boolean dense = s.length == 6;
            int h = s[0], w = s[1], c = s[2], co = dense ? s[3] : c, k = dense ? s[4] : s[3], st = dense ? s[5] : s[4], pad = k / 2;
            ConvSpec spec = new ConvSpec(h, w, c, co, k, k, st, st, pad, pad, pad, pad, dense ? 1 : c);
            float[] wt = new float[spec.weightLength()];
            for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
            Conv2dKernel ker = dense ? Conv3x3Nhwc.INSTANCE : k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE;
            PreparedConv pc = ker.prepare(spec, wt, new float[co], ("HSWISH".equals(System.getProperty("act")) ? Activation.HARDSWISH : "RELU".equals(System.getProperty("act")) ? Activation.RELU : Activation.RELU6));
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1) + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] out = new float[off + spec.outputLength(1) + 64];
            int units = pc.workUnits(1);
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 1e10 / flops);
            double best = 0;
            for (int round = 0; round < Integer.getInteger("rounds", 7); round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) pc.run(1, in, off, out, off + Integer.getInteger("stag", 16), 0, units);
                long t = System.nanoTime() - t0;
                double g = flops * reps / t;
                if (round >= 2) best = Math.max(best, g);
            }
            String name = h + "x" + w + "x" + c + (dense ? "->" + co : "") + "/k" + k + "s" + st;
            System.out.printf("%-22s %7.1f GFLOPS %5.1f%%  %8.1f us%n", name, best, 100 * best / peak, flops / best / 1e3);
        }
    }
}
