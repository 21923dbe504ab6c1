import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * A depthwise layer timed right after the 1x1 expansion that feeds it, as in MNASNet's 7x7 blocks
 * (7x7x192 -> 1152, then 5x5 depthwise), against the same depthwise timed alone on the same buffers.
 * Median microseconds of 600 calls after 300 untimed, with and without the 1x1 between the depthwise calls.
 * -Dsets=N cycles the 1x1 through N weight sets (8: 7 MB, its weights from L3 as in a network); -Douts=N the
 * depthwise through N output arrays (so its output lines were last touched N calls before).
 */
public class DwAfterPw {
    public static void main(String[] args) {
        int h = Integer.getInteger("h", 7), cin = Integer.getInteger("cin", 192), c = Integer.getInteger("c", 1152), k = Integer.getInteger("k", 5);
        Random r = new Random(1);
        ConvSpec pw = ConvSpec.pointwise(h, h, cin, c);
        ConvSpec dw = new ConvSpec(h, h, c, c, k, k, 1, 1, k / 2, k / 2, k / 2, k / 2, c);
        float[] w1 = new float[pw.weightLength()], w2 = new float[dw.weightLength()];
        for (int i = 0; i < w1.length; i++) w1[i] = (r.nextFloat() - 0.5f) * 0.2f;
        for (int i = 0; i < w2.length; i++) w2[i] = r.nextFloat() - 0.5f;
        int sets = Integer.getInteger("sets", 1), outs = Integer.getInteger("outs", 1);
        PreparedConv[] p1s = new PreparedConv[sets];
        for (int q = 0; q < sets; q++) {
            for (int i = 0; i < w1.length; i++) w1[i] = (r.nextFloat() - 0.5f) * 0.2f;
            p1s[q] = PointwiseGemm.INSTANCE.prepare(pw, w1, new float[c], Activation.RELU);
        }
        PreparedConv p1 = p1s[0];
        PreparedConv p2 = (k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE).prepare(dw, w2, new float[c], Activation.RELU);
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] x = new float[off + pw.inputLength(1)], mid = new float[off + 16 + pw.outputLength(1)];
        float[][] ys = new float[outs][off + 32 + dw.outputLength(1)];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int u1 = p1.workUnits(1), u2 = p2.workUnits(1);
        for (int mode = 0; mode < 4; mode++) {
            boolean pre = mode % 2 == 0;
            long[] t = new long[600];
            long[] tp = new long[600];
            for (int rep = -300; rep < t.length; rep++) {
                long t0 = System.nanoTime();
                if (pre || rep < -299) p1s[Math.floorMod(rep, sets)].run(1, x, off, mid, off + 16, 0, u1);
                long t1 = System.nanoTime();
                p2.run(1, mid, off + 16, ys[Math.floorMod(rep, outs)], off + 32, 0, u2);
                long t2 = System.nanoTime();
                if (rep >= 0) { t[rep] = t2 - t1; tp[rep] = t1 - t0; }
            }
            Arrays.sort(t);
            Arrays.sort(tp);
            System.out.printf("%dx%dx%d k%d: depthwise %s the 1x1: median %.1f us (1x1 median %.1f us)%n", h, h, c, k,
                    pre ? "right after" : "without", t[t.length / 2] / 1e3, tp[tp.length / 2] / 1e3);
        }
    }
}
