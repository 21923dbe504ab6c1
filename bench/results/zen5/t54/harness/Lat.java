package dev.mobilevec.network;

import java.util.*;

/** Per-inference latencies of one session: distribution and where the slow ones fall in time. */
public class Lat {
    public static void main(String[] a) throws Exception {
        String arch = a[0];
        int threads = Integer.parseInt(a[1]), n = Integer.parseInt(a[2]);
        Architecture ar = arch.equals("v2") ? MobileNetV2.standard(1.0, 224) : MobileNetV1.standard(1.0, 224);
        Model m = Model.create(ar, SeededWeights.generate(ar, 42), Backend.FAST);
        try (Session s = new Session(m, 1, threads)) {
            float[] in = new float[ar.inputLength()];
            Random r = new Random(1);
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] out = new float[m.outputLength()];
            for (int w = 0; w < 500; w++) s.run(in, out);
            long[] t = new long[n], at = new long[n];
            long base = System.nanoTime(); System.out.println("timing starts at uptime ms " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                s.run(in, out);
                long t1 = System.nanoTime();
                t[i] = t1 - t0;
                at[i] = t0 - base;
            }
            long[] sorted = t.clone();
            Arrays.sort(sorted);
            double med = sorted[n / 2] / 1e6;
            System.out.printf("%s %dT: median %.3f p90 %.3f p99 %.3f max %.3f ms; p99/median %.2f%n", arch, threads, med,
                    sorted[n * 9 / 10] / 1e6, sorted[n * 99 / 100] / 1e6, sorted[n - 1] / 1e6, sorted[n * 99 / 100] / 1e6 / med);
            // slow = over 1.5 x median: how many, and their excess
            int slow = 0; double excess = 0;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (t[i] > 1.5 * med * 1e6) {
                    slow++;
                    excess += t[i] / 1e6 - med;
                    if (slow <= 25) sb.append(String.format(" %d@%.0fms(+%.2f)", i, at[i] / 1e6, t[i] / 1e6 - med));
                }
            }
            System.out.printf("slow (> 1.5x median): %d of %d, excess %.1f ms of %.1f ms total;%s%n", slow, n, excess, (at[n - 1] + t[n - 1]) / 1e6, sb);
        }
    }
}
