import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * One depthwise layer reading from and writing to arena-like buffers: separate arrays of -Dmb MB (default 3, so G1
 * allocates them humongous, at region starts, like the session's activation buffers), the input at 16 x a floats and
 * the output at 16 x b floats (the session's STAGGER per buffer index), for the given (a, b) pairs; and, for
 * comparison, small separate arrays as DwHarness uses. Median microseconds of 400 calls after 200 untimed.
 */
public class DwArena {
    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "7,7,1152,5,1;14,14,576,3,1;7,7,1152,3,1").split(";");
        int floats = Integer.getInteger("mb", 3) << 18;
        Random r = new Random(1);
        float[][] bufs = new float[4][];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = new float[floats + 16 * i];
            for (int j = 0; j < floats; j += 7) bufs[i][j] = r.nextFloat();
        }
        int[][] pairs = {{0, 1}, {1, 2}, {0, 2}, {1, 0}, {2, 1}, {0, 3}};
        for (String sh : ss) {
            DwCase dc = DwCase.of(sh, r, Activation.RELU);
            ConvSpec spec = dc.spec();
            PreparedConv pc = dc.conv();
            int c = spec.inC();
            int units = pc.workUnits(1), off = HeapAlignment.FLOAT_OFFSET;
            StringBuilder sb = new StringBuilder(String.format("%-16s", dc.name()));
            float[] smallIn = new float[off + spec.inputLength(1)], smallOut = new float[off + 16 + spec.outputLength(1)];
            for (int i = 0; i < smallIn.length; i++) smallIn[i] = r.nextFloat();
            for (int q = -1; q < pairs.length; q++) {
                float[] in = q < 0 ? smallIn : bufs[pairs[q][0]], out = q < 0 ? smallOut : bufs[pairs[q][1]];
                int io = q < 0 ? off : off + 16 * pairs[q][0], oo = q < 0 ? off + 16 : off + 16 * pairs[q][1];
                long[] t = new long[400];
                for (int rep = -200; rep < t.length; rep++) {
                    long t0 = System.nanoTime();
                    pc.run(1, in, io, out, oo, 0, units);
                    if (rep >= 0) t[rep] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                sb.append(String.format("  %s %.1f", q < 0 ? "small" : pairs[q][0] + "->" + pairs[q][1], t[t.length / 2] / 1e3));
            }
            System.out.println(sb);
        }
    }
}
