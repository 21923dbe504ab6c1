import dev.mobilevec.kernels.*;
import java.util.*;

public class PwHarness {
    public static void main(String[] args) {
        int[][] shapes = {
            {56,56,24,72},{56,56,72,24},{28,28,40,120},{28,28,120,40},{14,14,480,80},{14,14,80,480},
            {14,14,96,576},{14,14,576,96},{7,7,1152,192},{7,7,192,1152},{7,7,1152,320},{7,7,320,1280},
            {112,112,32,16},{112,112,16,48},{28,28,144,32},{56,56,32,192},{14,14,512,512},{112,112,32,64}};
        String only = System.getProperty("only");
        if (System.getProperty("shapes") != null) { String[] ss = System.getProperty("shapes").split(";"); shapes = new int[ss.length][]; for (int i = 0; i < ss.length; i++) shapes[i] = java.util.Arrays.stream(ss[i].split(",")).mapToInt(Integer::parseInt).toArray(); }
        double peak = FmaProbe.gflops(Lanes.COUNT >= 16);
        System.out.printf("lanes %d regs %d fma peak %.1f%n", Lanes.COUNT, Lanes.REGISTERS, peak);
        Random r = new Random(1);
        for (int[] s : shapes) {
            String name = s[0]+"x"+s[1]+"x"+s[2]+"->"+s[3];
            if (only != null && !name.equals(only)) continue;
            ConvSpec spec = ConvSpec.pointwise(s[0], s[1], s[2], s[3]);
            float[] w = new float[spec.weightLength()];
            for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
            float[] b = new float[s[3]];
            int sets = Integer.getInteger("sets", 1);
            PreparedConv[] pcs = new PreparedConv[sets];
            for (int q = 0; q < sets; q++) { for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f; pcs[q] = PointwiseGemm.INSTANCE.prepare(spec, w, b, ("HSWISH".equals(System.getProperty("act")) ? Activation.HARDSWISH : "RELU".equals(System.getProperty("act")) ? Activation.RELU : "NONE".equals(System.getProperty("act")) ? Activation.NONE : Activation.RELU6)); }
            PreparedConv pc = pcs[0];
            int off = HeapAlignment.FLOAT_OFFSET;
            int big = Integer.getInteger("big", 0); int inOff = Integer.getInteger("inoff", 0); int outOff = Integer.getInteger("outoff", 0); float[] in = new float[big > 0 ? Math.max(big, off + spec.inputLength(1) + 64 + inOff) : off + spec.inputLength(1) + 64 + inOff];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            int nouts = Integer.getInteger("outs", 1); float[][] outs = new float[nouts][big > 0 ? Math.max(big, off + spec.outputLength(1) + 64 + outOff) : off + spec.outputLength(1) + 64 + outOff]; float[] out = outs[0];
            int units = pc.workUnits(1);
            double flops = 2.0 * spec.macs();
            int reps = Integer.getInteger("reps", (int) Math.max(20, 2.5e10 / flops));
            double best = 0;
            for (int round = 0; round < Integer.getInteger("rounds", 8); round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) pcs[i % sets].run(1, in, off + inOff, outs[i % nouts], off + outOff, 0, units);
                long t = System.nanoTime() - t0;
                double g = flops * reps / t;
                if (round >= 2) best = Math.max(best, g); if (System.getProperty("v") != null) System.out.printf(" %.1f", g);
            }
            System.out.printf("%-22s %7.1f GFLOPS %5.1f%%  %8.1f us%n", name, best, 100 * best / peak, flops / best / 1e3);
        }
    }
}
