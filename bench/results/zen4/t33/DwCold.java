import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * One depthwise layer timed call by call with the caches prepared before each call: "hot" (nothing in between),
 * "cold" (a 4 MB buffer read in between: input, output and weights pushed out of L2 to L3), "input hot" (the
 * buffer, then the input read again), "weights hot" (the buffer, then the packed weights' layer run on other data:
 * the layer run once on a second input and output), "in+out hot" (the buffer, then the input read and the output
 * written: only the weights cold), "out hot" (only the output written). Median microseconds. -DevictMb (default 4):
 * 4 MB stays in L3, 64 MB pushes everything to DRAM.
 * -Dshapes="h,w,c,k,s;..." (padding k/2).
 */
public class DwCold {
    static float sink;

    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "7,7,1152,5,1;7,7,576,5,1;14,14,576,3,1;7,7,1152,3,1;14,14,480,5,1").split(";");
        Random r = new Random(1);
        float[] evict = new float[Integer.getInteger("evictMb", 4) << 18]; // 4 MB unless -DevictMb
        for (int i = 0; i < evict.length; i++) evict[i] = r.nextFloat();
        for (String sh : ss) {
            DwCase dc = DwCase.of(sh, r, Activation.RELU6);
            ConvSpec spec = dc.spec();
            PreparedConv pc = dc.conv();
            int c = spec.inC();
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1)], in2 = new float[in.length];
            for (int i = 0; i < in.length; i++) { in[i] = r.nextFloat(); in2[i] = r.nextFloat(); }
            float[] out = new float[off + 16 + spec.outputLength(1)];
            int units = pc.workUnits(1);
            String[] modes = {"hot", "cold", "input hot", "weights hot", "in+out hot", "out hot"};
            float[] out2 = new float[out.length];
            StringBuilder sb = new StringBuilder(String.format("%-16s", dc.name()));
            for (int mode = 0; mode < modes.length; mode++) {
                int n = 400;
                long[] t = new long[n];
                for (int rep = -100; rep < n; rep++) {
                    if (mode >= 1) {
                        float acc = 0;
                        for (int i = 0; i < evict.length; i += 16) acc += evict[i]; // one float per 64-byte line
                        sink += acc;
                    }
                    if (mode == 2) {
                        float acc = 0;
                        for (int i = 0; i < in.length; i += 16) acc += in[i];
                        sink += acc;
                    }
                    if (mode == 3) {
                        pc.run(1, in2, off, out2, off + 16, 0, units); // weights (and in2, out2) back in cache
                    }
                    if (mode == 4 || mode == 5) {
                        float acc = 0;
                        for (int i = 0; mode == 4 && i < in.length; i += 16) acc += in[i];
                        for (int i = off + 16; i < out.length; i += 16) out[i] = acc; // output lines owned, dirty
                        sink += acc;
                    }
                    long t0 = System.nanoTime();
                    pc.run(1, in, off, out, off + 16, 0, units);
                    long dt = System.nanoTime() - t0;
                    if (rep >= 0) t[rep] = dt;
                }
                Arrays.sort(t);
                sb.append(String.format("  %s %.1f", modes[mode], t[n / 2] / 1e3));
            }
            System.out.println(sb);
        }
        if (sink == 42) System.out.println();
    }
}
