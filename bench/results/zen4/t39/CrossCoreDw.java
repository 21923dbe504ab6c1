import dev.mobilevec.kernels.*;
import java.util.*;
import java.util.concurrent.atomic.*;

/**
 * Is a depthwise layer split by rows over two threads slowed by its input having been written split by channels
 * (as a column-split 1x1 layer writes it), or by its output lines last written by the other core?
 * Phase P: each thread writes half of `in` (by channel halves: COL, or by row halves: ROW) and half of `out`
 * (the rows it will write: SAME, or the other thread's rows: OTHER). Phase D: thread t runs the depthwise rows
 * of its half. Time of phase D (both threads done), median of many.
 */
public class CrossCoreDw {
    static final AtomicInteger arrive = new AtomicInteger();
    static volatile int phase;

    static void barrier(int target) { arrive.incrementAndGet(); while (arrive.get() < target) Thread.onSpinWait(); }

    public static void main(String[] a) throws Exception {
        int H = Integer.getInteger("h", 14), C = Integer.getInteger("c", 512), iters = Integer.getInteger("iters", 3000);
        ConvSpec spec = ConvSpec.depthwise3x3(H, H, C, 1, 1, 1, 1, 1);
        Random r = new Random(1);
        float[] w = new float[spec.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        PreparedConv dw = DepthwiseConv3x3Nhwc.INSTANCE.prepare(spec, w, new float[C], Activation.RELU);
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] in = new float[off + spec.inputLength(1) + 64], out = new float[off + spec.outputLength(1) + 64 + 16];
        int units = dw.workUnits(1), half = units / 2, rowLen = H * C;
        String[] variants = {"in ROW, out SAME", "in COL, out SAME", "in ROW, out OTHER", "in COL, out OTHER", "one thread, all rows"};
        long[][] t = new long[variants.length][iters];
        // Persistent two-thread loop: thread 0 is main, thread 1 a worker, rounds synchronised by spin barriers.
        final int[] variantBox = {0};
        final long[] doneT = new long[2], own = new long[2], startT = new long[2];
        long[][] o0 = new long[5][iters], o1 = new long[5][iters], sk = new long[5][iters];
        Thread worker = new Thread(() -> {
            for (int round = 0; ; round++) {
                int base = round * 3;
                barrier(2 * (base + 1)); // start of P
                int v = variantBox[0];
                if (v < 0) return;
                produce(1, v, in, out, off, H, C, half, rowLen);
                barrier(2 * (base + 2)); // start of D
                long w0 = System.nanoTime();
                if (v != 4) dw.run(1, in, off, out, off, half, units);
                doneT[1] = System.nanoTime();
                own[1] = doneT[1] - w0; startT[1] = w0;
                barrier(2 * (base + 3));
            }
        });
        worker.setDaemon(true);
        worker.start();
        int round = 0;
        for (int rep = 0; rep < 2; rep++) {
            for (int it = 0; it < iters; it++) {
                for (int v = 0; v < variants.length; v++) {
                    variantBox[0] = v;
                    int base = round * 3;
                    barrier(2 * (base + 1));
                    produce(0, v, in, out, off, H, C, half, rowLen);
                    barrier(2 * (base + 2));
                    long t0 = System.nanoTime();
                    dw.run(1, in, off, out, off, 0, v == 4 ? units : half);
                    doneT[0] = System.nanoTime();
                    barrier(2 * (base + 3));
                    t[v][it] = Math.max(doneT[0], v == 4 ? doneT[0] : doneT[1]) - t0;
                    o0[v][it] = doneT[0] - t0; o1[v][it] = own[1]; sk[v][it] = startT[1] - t0;
                    round++;
                }
            }
            if (rep == 0) continue;
            for (int v = 0; v < variants.length; v++) {
                long[] s = t[v].clone(); Arrays.sort(s);
                long[] a0 = o0[v].clone(), a1 = o1[v].clone(), a2 = sk[v].clone(); Arrays.sort(a0); Arrays.sort(a1); Arrays.sort(a2);
                System.out.printf("%dx%dx%d  %-22s median %6.1f us  p25 %6.1f   main %5.1f  worker %5.1f  worker start %+5.1f%n", H, H, C, variants[v], s[iters / 2] / 1e3, s[iters / 4] / 1e3,
                        a0[iters / 2] / 1e3, a1[iters / 2] / 1e3, a2[iters / 2] / 1e3);
            }
        }
        variantBox[0] = -1;
        barrier(2 * (round * 3 + 1));
    }

    /** Thread t's share of the producer layer's writes: `in` by row or channel halves, `out` rows (its own or the other's). */
    static void produce(int t, int v, float[] in, float[] out, int off, int H, int C, int half, int rowLen) {
        boolean col = v == 1 || v == 3, other = v == 2 || v == 3;
        if (v == 4) { // one thread does everything
            if (t == 0) { Arrays.fill(in, off, off + H * rowLen, 0.5f); Arrays.fill(out, off, off + H * rowLen, 0.25f); }
            return;
        }
        if (col) {
            for (int p = 0; p < H * H; p++) Arrays.fill(in, off + p * C + t * (C / 2), off + p * C + (t + 1) * (C / 2), 0.5f + t);
        } else {
            int r0 = t == 0 ? 0 : half, r1 = t == 0 ? half : H;
            Arrays.fill(in, off + r0 * rowLen, off + r1 * rowLen, 0.5f + t);
        }
        int mine0 = t == 0 ? 0 : half, mine1 = t == 0 ? half : H;
        int o0 = other ? (t == 0 ? half : 0) : mine0, o1 = other ? (t == 0 ? H : half) : mine1;
        Arrays.fill(out, off + o0 * rowLen, off + o1 * rowLen, 0.25f);
    }
}
