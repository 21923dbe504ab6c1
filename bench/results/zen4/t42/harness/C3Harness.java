import dev.mobilevec.kernels.*;
import java.util.*;

/** The first 3x3 convolution (224x224x3 -> 112x112xCout, stride 2, pad 1) stand-alone under -Dact=relu6|relu|none|hswish: median and p10 of calls. */
public class C3Harness {
    public static void main(String[] args) {
        String a = System.getProperty("act", "relu6");
        Activation act = a.equals("relu") ? Activation.RELU : a.equals("none") ? Activation.NONE : a.equals("hswish") ? Activation.HARDSWISH : Activation.RELU6;
        for (int cout : new int[] {32, 16}) {
            ConvSpec s = new ConvSpec(224, 224, 3, cout, 3, 3, 2, 2, 1, 1, 1, 1, 1);
            Random r = new Random(1);
            float[] w = new float[s.weightLength()], b = new float[cout], in = new float[s.inputLength(1)], out = new float[s.outputLength(1)];
            for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 2 - 1;
            PreparedConv p = Conv3x3Nhwc.INSTANCE.prepare(s, w, b, act);
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) p.run(1, in, 0, out, 0);
            int n = Integer.getInteger("calls", 2000);
            long[] t = new long[n];
            for (int i = 0; i < n; i++) { long t0 = System.nanoTime(); p.run(1, in, 0, out, 0); t[i] = System.nanoTime() - t0; }
            Arrays.sort(t);
            System.out.printf("conv3x3 224x224x3->%d s2 %s median %8.1f us p10 %8.1f%n", cout, a, t[n / 2] / 1e3, t[n / 10] / 1e3);
        }
    }
}
