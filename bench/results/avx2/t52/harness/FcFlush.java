import dev.mobilevec.kernels.*;
import java.util.*;
/** FC 1280->1000 timed right after reading FLUSH_MB of other data (sum of floats), per flush size. */
public class FcFlush {
    public static void main(String[] a) throws Exception {
        int k = 1280, n = 1000;
        var ctor = ConvSpec.class.getDeclaredConstructor(int.class, int.class, int.class, int.class, int.class, int.class, int.class,
                int.class, int.class, int.class, int.class, int.class, int.class);
        ctor.setAccessible(true);
        ConvSpec sp = ctor.newInstance(1, 1, k, n, 1, 1, 1, 1, 0, 0, 0, 0, 1);
        Random r = new Random(1);
        float[] w = new float[k * n], b = new float[n], in = new float[k], out = new float[n];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        for (int i = 0; i < k; i++) in[i] = r.nextFloat();
        PreparedConv fc = PointwiseGemm.INSTANCE.prepare(sp, w, b, Activation.NONE);
        float[] other = new float[64 << 18]; // 64 MB
        for (int i = 0; i < other.length; i++) other[i] = i;
        int[] mbs = {0, 2, 4, 8, 12, 16, 24, 32, 48, 64};
        double sink = 0;
        for (int rep = 0; rep < 3; rep++) {
            for (int mb : mbs) {
                long[] t = new long[200];
                int len = mb << 18;
                for (int it = 0; it < 200; it++) {
                    float s = 0;
                    for (int i = 0; i < len; i += 16) s += other[i];
                    sink += s;
                    long t0 = System.nanoTime();
                    fc.run(1, in, 0, out, 0);
                    t[it] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                System.out.printf("rep %d flush %2d MB: median %6.1f us, p10 %6.1f us%n", rep, mb, t[100] / 1e3, t[20] / 1e3);
            }
        }
        System.out.println(sink > 0 ? "" : " ");
    }
}
