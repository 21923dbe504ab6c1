import dev.mobilevec.kernels.*;
import java.lang.reflect.*;

/** How long a fresh JVM runs one 1x1 layer slowly before C2 compiles its tiles: per-call times from the first call. */
public class WarmTall {
    public static void main(String[] args) throws Exception {
        int h = Integer.parseInt(args[0]), k = Integer.parseInt(args[1]), n = Integer.parseInt(args[2]);
        Method pw = ConvSpec.class.getMethod("pointwise", int.class, int.class, int.class, int.class);
        ConvSpec spec = (ConvSpec) pw.invoke(null, h, h, k, n);
        float[] w = new float[spec.weightLength()], b = new float[n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        PreparedConv p = PointwiseGemm.INSTANCE.prepare(spec, w, b, Activation.NONE);
        float[] in = new float[h * h * k], out = new float[h * h * n];
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        long start = System.nanoTime(), next = start;
        long calls = 0, windowCalls = 0, windowStart = start;
        while (System.nanoTime() - start < 3_000_000_000L) {
            p.run(1, in, 0, out, 0);
            calls++;
            windowCalls++;
            long now = System.nanoTime();
            if (now - windowStart >= 250_000_000L) {
                System.out.printf("t=%5.2f s  %8.1f us/call%n", (now - start) / 1e9, (now - windowStart) / 1e3 / windowCalls);
                windowStart = now;
                windowCalls = 0;
            }
        }
    }
}
