import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * One depthwise layer with its output placed d floats (mod 4 KB) after its input's 4 KB phase, for d = 0, 16, ..., 1008:
 * best-of-5 microseconds per placement, to see which input/output address relations are slow (4K aliasing).
 * -Dshapes="h,w,c,k,s;..." (padding k/2). Input and output share one array, as in the session's arena slices.
 */
public class DwStagger {
    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "7,7,1152,5,1;14,14,576,3,1").split(";");
        int step = Integer.getInteger("step", 16);
        Random r = new Random(1);
        for (String sh : ss) {
            DwCase dc = DwCase.of(sh, r, Activation.RELU6);
            ConvSpec spec = dc.spec();
            PreparedConv pc = dc.conv();
            int c = spec.inC();
            int inLen = spec.inputLength(1), outLen = spec.outputLength(1);
            int base = HeapAlignment.FLOAT_OFFSET;
            // output region starts at the first 4 KB multiple (in floats: 1024) after the input, plus d
            int outBase0 = (base + inLen + 1023) / 1024 * 1024;
            float[] arena = new float[outBase0 + 1024 + outLen + 64];
            for (int i = 0; i < inLen; i++) arena[base + i] = r.nextFloat();
            int units = pc.workUnits(1);
            int reps = (int) Math.max(50, 2e9 / (2.0 * spec.macs()));
            StringBuilder sb = new StringBuilder(dc.name() + " (input at " + (base % 1024) + " mod 1024 floats):");
            for (int pass = 0; pass < 2; pass++) {
                for (int d = 0; d < 1024; d += step) {
                    int outOff = outBase0 + (base % 1024) + d;
                    double best = Double.MAX_VALUE;
                    for (int round = 0; round < 5; round++) {
                        long t0 = System.nanoTime();
                        for (int i = 0; i < reps; i++) pc.run(1, arena, base, arena, outOff, 0, units);
                        best = Math.min(best, (System.nanoTime() - t0) / 1e3 / reps);
                    }
                    if (pass == 1) sb.append(String.format(" %d:%.1f", d, best));
                }
            }
            System.out.println(sb);
        }
    }
}
