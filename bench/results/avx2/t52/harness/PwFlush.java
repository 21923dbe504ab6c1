import dev.mobilevec.kernels.*;
import java.util.*;
/** 1x1 layers timed right after reading 0 or 32 MB of other data: what cold weights cost them. Args: h,w,k,n ... */
public class PwFlush {
    public static void main(String[] a) throws Exception {
        var ctor = ConvSpec.class.getDeclaredConstructor(int.class, int.class, int.class, int.class, int.class, int.class, int.class,
                int.class, int.class, int.class, int.class, int.class, int.class);
        ctor.setAccessible(true);
        float[] other = new float[32 << 18];
        for (int i = 0; i < other.length; i++) other[i] = i;
        double sink = 0;
        Random r = new Random(1);
        for (String s : a) {
            String[] p = s.split(",");
            int h = Integer.parseInt(p[0]), w = Integer.parseInt(p[1]), k = Integer.parseInt(p[2]), n = Integer.parseInt(p[3]);
            ConvSpec sp = ctor.newInstance(h, w, k, n, 1, 1, 1, 1, 0, 0, 0, 0, 1);
            float[] wt = new float[k * n], b = new float[n], in = new float[h * w * k], out = new float[h * w * n];
            for (int i = 0; i < wt.length; i++) wt[i] = (float) r.nextGaussian();
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            PreparedConv pc = PointwiseGemm.INSTANCE.prepare(sp, wt, b, Activation.NONE);
            for (int rep = 0; rep < 4; rep++) {
                for (int mb : new int[] {0, 32}) {
                    long[] t = new long[100];
                    for (int it = 0; it < t.length; it++) {
                        float x = 0;
                        for (int i = 0; i < (mb << 18); i += 16) x += other[i];
                        sink += x;
                        long t0 = System.nanoTime();
                        pc.run(1, in, 0, out, 0);
                        t[it] = System.nanoTime() - t0;
                    }
                    Arrays.sort(t);
                    if (rep > 0) System.out.printf("%s (%.2f MB weights) rep %d flush %2d MB: median %7.1f us, p10 %7.1f us%n", s, k * n * 4 / 1048576.0, rep, mb, t[50] / 1e3, t[10] / 1e3);
                }
            }
        }
        System.out.println(sink > 0 ? "" : " ");
    }
}
