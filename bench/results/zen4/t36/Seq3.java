import java.lang.reflect.*;
import java.util.*;
/** One JVM, one class loader: models in turn, N runs each; per chunk of C runs the median time and bytes allocated per run. */
public class Seq3 {
    public static void main(String[] args) throws Exception {
        Class<?> bm = Class.forName("dev.mobilevec.bench.BenchModels");
        Method mm = bm.getDeclaredMethod("model", String.class); mm.setAccessible(true);
        Method inM = null; for (Method m : bm.getDeclaredMethods()) if (m.getName().equals("input")) inM = m; inM.setAccessible(true);
        int chunk = Integer.getInteger("chunk", 500);
        var tmx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        for (int a = 0; a < args.length; a += 2) {
            String name = args[a]; int runs = Integer.parseInt(args[a + 1]);
            dev.mobilevec.network.Model model = (dev.mobilevec.network.Model) mm.invoke(null, name);
            float[] in = (float[]) inM.invoke(null, model.arch(), 1);
            try (var s = model.newSession(1, Integer.getInteger("threads", 1))) {
                float[] out = new float[s.outputLength()];
                StringBuilder sb = new StringBuilder(name + ":");
                for (int c0 = 0; c0 < runs; c0 += chunk) {
                    long[] t = new long[chunk];
                    long b0 = tmx.getTotalThreadAllocatedBytes();
                    for (int i = 0; i < chunk; i++) { long t0 = System.nanoTime(); s.run(in, 0, dev.mobilevec.network.Layout.NCHW, out, 0, null); t[i] = System.nanoTime() - t0; }
                    long b1 = tmx.getTotalThreadAllocatedBytes();
                    Arrays.sort(t);
                    sb.append(String.format(" %.2fms/%dB", t[chunk / 2] / 1e6, (b1 - b0) / chunk));
                }
                System.out.println(sb);
            }
        }
    }
}
