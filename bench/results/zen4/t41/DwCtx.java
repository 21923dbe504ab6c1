import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * Why a small depthwise layer runs slower in the network than alone: the same layer timed with its weights, input
 * or output rotated through enough copies that each call finds them out of cache (-Drot=w|i|o|wio|none), and after
 * the kernel's methods were first profiled on large layers (-Dpollute=true).
 */
public class DwCtx {
    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "7,7,1152,3,1;7,7,1152,5,1;14,14,576,3,1;7,7,960,3,1").split(";");
        String rot = System.getProperty("rot", "none");
        final int N = Integer.getInteger("copies", 64);
        Random r = new Random(1);
        if (Boolean.getBoolean("pollute")) {
            for (String sh : new String[] {"112,112,32,3,1", "56,56,144,3,1", "28,28,192,3,1", "56,56,72,5,1", "28,28,120,5,1", "112,112,96,3,2", "56,56,144,5,2"}) {
                Layer l = new Layer(sh, r, 1, 1, 1);
                long end = System.nanoTime() + 1_500_000_000L;
                while (System.nanoTime() < end) l.run(0, 0, 0);
            }
        }
        for (String sh : ss) {
            int nw = rot.contains("w") ? N : 1, ni = rot.contains("i") ? N : 1, no = rot.contains("o") ? N : 1;
            Layer l = new Layer(sh, r, nw, ni, no);
            int calls = 0;
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) { l.run(calls % nw, calls % ni, calls % no); calls++; }
            long[] t = new long[3000];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                l.run(i % nw, (i / 3) % ni, (i / 7) % no);
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            System.out.printf("%-16s chunk=%d rot=%-4s pollute=%-5s median %7.1f us  p10 %7.1f%n", sh.replace(',', 'x'), Layer.CHUNK, rot,
                    Boolean.getBoolean("pollute"), t[t.length / 2] / 1e3, t[t.length / 10] / 1e3);
        }
    }

    static final class Layer {
        final PreparedConv[] p; final float[][] in, out; final int units, off = HeapAlignment.FLOAT_OFFSET;
        Layer(String sh, Random r, int nw, int ni, int no) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            int h = s[0], w = s[1], c = s[2], k = s[3], st = s[4], pad = k / 2;
            ConvSpec spec = new ConvSpec(h, w, c, c, k, k, st, st, pad, pad, pad, pad, c);
            Conv2dKernel ker = k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE;
            p = new PreparedConv[nw];
            for (int j = 0; j < nw; j++) {
                float[] wt = new float[spec.weightLength()];
                for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
                p[j] = ker.prepare(spec, wt, new float[c], "hswish".equals(System.getProperty("act")) ? Activation.HARDSWISH : "none".equals(System.getProperty("act")) ? Activation.NONE : "relu".equals(System.getProperty("act")) ? Activation.RELU : Activation.RELU6);
            }
            in = new float[ni][off + spec.inputLength(1) + 64];
            for (float[] a : in) for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
            out = new float[no][off + spec.outputLength(1) + 64];
            units = Math.min(p[0].workUnits(1), Integer.getInteger("rows", Integer.MAX_VALUE));
        }
        static final int CHUNK = Integer.getInteger("chunk", 0);
        void run(int w, int i, int o) {
            if (CHUNK <= 0) { p[w].run(1, in[i], off, out[o], off + 16, 0, units); return; }
            for (int u = 0; u < units; u += CHUNK) p[w].run(1, in[i], off, out[o], off + 16, u, Math.min(units, u + CHUNK));
        }
    }
}
