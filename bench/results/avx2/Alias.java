import dev.mobilevec.kernels.*;
import java.util.*;
public class Alias {
    public static void main(String[] args) {
        int h = Integer.parseInt(args[0]), c = Integer.parseInt(args[1]), st = Integer.parseInt(args[2]);
        Random r = new Random(1);
        ConvSpec dws = new ConvSpec(h, h, c, c, 3, 3, st, st, 1, 1, 1, 1, c);
        float[] w = new float[dws.weightLength()]; for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        PreparedConv dw = DepthwiseConv3x3Nhwc.INSTANCE.prepare(dws, w, new float[c], Activation.RELU6);
        int off = HeapAlignment.FLOAT_OFFSET, nIn = dws.inputLength(1), nOut = dws.outputLength(1);
        int[] deltas = {0, 16, 64, 256, 512};
        float[] arena = new float[off + nIn + 1024 * 4 + nOut + 4096];
        for (int i = 0; i < arena.length; i++) arena[i] = r.nextFloat();
        int units = dw.workUnits(1);
        for (int round = 0; round < 6; round++) {
            StringBuilder sb = new StringBuilder();
            for (int d : deltas) {
                int outOff = off + ((nIn + 1023) / 1024) * 1024 + d;  // 4 KB multiple after the input, plus d floats
                long best = Long.MAX_VALUE;
                for (int k = 0; k < 5; k++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 100; i++) dw.run(1, arena, off, arena, outOff, 0, units);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                sb.append(String.format("  +%d floats: %.1f us", d, best / 100e3));
            }
            System.out.println(h + "x" + h + "x" + c + " s" + st + sb);
        }
    }
}
