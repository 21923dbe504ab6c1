import dev.mobilevec.kernels.*;
import java.util.*;
import java.util.concurrent.atomic.*;

/**
 * v1's block6.pw > block7.dw at 14x14x512 on two threads, as the session splits them: the 1x1 layer by units
 * (panel-major: each thread half the output channels), then the depthwise layer by output rows. Against the same
 * two layers on one thread. Weight sets cycled (SETS) so the 1x1 weights come from memory as in a network.
 */
public class PwDw2T {
    static final AtomicInteger arrive = new AtomicInteger();

    static void barrier(int target) { arrive.incrementAndGet(); while (arrive.get() < target) Thread.onSpinWait(); }

    public static void main(String[] a) throws Exception {
        int H = Integer.getInteger("h", 14), C = Integer.getInteger("c", 512), iters = Integer.getInteger("iters", 2000);
        int sets = Integer.getInteger("sets", 8);
        ConvSpec pws = ConvSpec.pointwise(H, H, C, C), dws = ConvSpec.depthwise3x3(H, H, C, 1, 1, 1, 1, 1);
        Random r = new Random(1);
        PreparedConv[] pw = new PreparedConv[sets];
        for (int q = 0; q < sets; q++) {
            float[] w = new float[pws.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = (r.nextFloat() - 0.5f) * 0.05f;
            pw[q] = PointwiseGemm.INSTANCE.prepare(pws, w, new float[C], Activation.RELU);
        }
        float[] w = new float[dws.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        PreparedConv dw = DepthwiseConv3x3Nhwc.INSTANCE.prepare(dws, w, new float[C], Activation.RELU);
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] x = new float[off + pws.inputLength(1) + 64], mid = new float[off + pws.outputLength(1) + 64 + 16],
                out = new float[off + dws.outputLength(1) + 64 + 32];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int pu = pw[0].workUnits(1), du = dw.workUnits(1);
        final int[] box = {0, 0};
        final long[] workerPw = new long[1], workerDw = new long[1];
        Thread worker = new Thread(() -> {
            for (int round = 0; ; round++) {
                int base = round * 3;
                barrier(2 * (base + 1));
                int v = box[0], q = box[1];
                if (v < 0) return;
                long t0 = System.nanoTime();
                if (v == 0) pw[q].run(1, x, off, mid, off, pu / 2, pu);
                long t1 = System.nanoTime();
                barrier(2 * (base + 2));
                long t2 = System.nanoTime();
                if (v == 0) dw.run(1, mid, off, out, off, du / 2, du);
                workerPw[0] = t1 - t0; workerDw[0] = System.nanoTime() - t2;
                barrier(2 * (base + 3));
            }
        });
        worker.setDaemon(true);
        worker.start();
        String[] names = {"two threads", "one thread"};
        long[][] tp = new long[2][iters], td = new long[2][iters], wd = new long[2][iters];
        int round = 0;
        for (int rep = 0; rep < 3; rep++) {
            for (int it = 0; it < iters; it++) {
                for (int v = 0; v < 2; v++) {
                    box[0] = v; box[1] = (it + v) % sets;
                    int base = round * 3;
                    barrier(2 * (base + 1));
                    long t0 = System.nanoTime();
                    pw[box[1]].run(1, x, off, mid, off, 0, v == 0 ? pu / 2 : pu);
                    barrier(2 * (base + 2));
                    long t1 = System.nanoTime();
                    dw.run(1, mid, off, out, off, 0, v == 0 ? du / 2 : du);
                    barrier(2 * (base + 3));
                    long t2 = System.nanoTime();
                    tp[v][it] = t1 - t0; td[v][it] = t2 - t1; wd[v][it] = workerDw[0];
                    round++;
                }
            }
            if (rep == 0) continue;
            for (int v = 0; v < 2; v++) {
                long[] p = tp[v].clone(), d = td[v].clone(), e = wd[v].clone(); Arrays.sort(p); Arrays.sort(d); Arrays.sort(e);
                System.out.printf("%-12s pw %6.1f us   dw %5.1f us (worker's own dw %5.1f)%n", names[v], p[iters / 2] / 1e3, d[iters / 2] / 1e3, e[iters / 2] / 1e3);
            }
        }
        box[0] = -1;
        barrier(2 * (round * 3 + 1));
    }
}
