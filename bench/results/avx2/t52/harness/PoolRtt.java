package dev.mobilevec.network;
import java.util.Arrays;
public class PoolRtt {
    static volatile int sink;
    public static void main(String[] a) {
        WorkerPool p = new WorkerPool(2, "rtt");
        int[] work = {0, 200, 2000};
        WorkerPool.Job[] jobs = new WorkerPool.Job[work.length];
        for (int j = 0; j < work.length; j++) {
            int w = work[j];
            jobs[j] = (part, parts) -> { int s = 0; for (int i = 0; i < w; i++) s += i * part; sink = s; };
        }
        for (int rep = 0; rep < 3; rep++) {
            for (int j = 0; j < work.length; j++) {
                long[] t = new long[20000];
                for (int i = 0; i < t.length; i++) {
                    long t0 = System.nanoTime();
                    p.execute(jobs[j]);
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                long t0 = System.nanoTime();
                for (int i = 0; i < 20000; i++) jobs[j].run(0, 2);
                double alone = (System.nanoTime() - t0) / 20000.0;
                System.out.printf("work %5d: execute median %6.0f ns, p10 %6.0f, p90 %6.0f; job alone %6.0f ns%n", work[j], (double) t[10000], (double) t[2000], (double) t[18000], alone);
            }
        }
        p.close();
    }
}
