import java.lang.reflect.*;
import java.util.*;
/** In one JVM and one class loader: model A warmed for N runs, then model B timed (median of the last runs). */
public class Seq {
    public static void main(String[] args) throws Exception {
        Class<?> bm = Class.forName("dev.mobilevec.bench.BenchModels");
        Method mm = bm.getDeclaredMethod("model", String.class); mm.setAccessible(true);
        Method inM = null; for (Method m : bm.getDeclaredMethods()) if (m.getName().equals("input")) inM = m; inM.setAccessible(true);
        for (int a = 0; a < args.length; a += 2) {
            String name = args[a]; int runs = Integer.parseInt(args[a + 1]);
            dev.mobilevec.network.Model model = (dev.mobilevec.network.Model) mm.invoke(null, name);
            var arch = model.arch();
            float[] in = (float[]) inM.invoke(null, arch, 1);
            try (var s = model.newSession(1, 1)) {
                float[] out = new float[s.outputLength()];
                long[] t = new long[runs];
                for (int i = 0; i < runs; i++) { long t0 = System.nanoTime(); s.run(in, 0, dev.mobilevec.network.Layout.NCHW, out, 0, null); t[i] = System.nanoTime() - t0; }
                var tmx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                long b0 = tmx.getThreadAllocatedBytes(Thread.currentThread().threadId());
                for (int i = 0; i < 20; i++) s.run(in, 0, dev.mobilevec.network.Layout.NCHW, out, 0, null);
                long b1 = tmx.getThreadAllocatedBytes(Thread.currentThread().threadId());
                System.out.printf("  allocated %.0f bytes per run%n", (b1 - b0) / 20.0);
                long[] last = Arrays.copyOfRange(t, runs * 3 / 4, runs); Arrays.sort(last);
                System.out.printf("%s: %d runs, median of the last quarter %.3f ms%n", name, runs, last[last.length / 2] / 1e6);
            }
        }
    }
}
