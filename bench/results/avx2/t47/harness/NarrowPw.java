import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * MNASNet 0.5's two 112x112 1x1 layers with 8 channels on one side (16 -> 8 linear; 8 -> 24 ReLU) and, for scale, a
 * 56x56 pair from its next block (16 -> 48 ReLU, 48 -> 16 linear), stand-alone: median of ROUNDS rounds of PER calls, GFLOPS, and
 * the FMA peak measured in the same JVM (FmaProbe). Usage: NarrowPw ROUNDS PER (javac --add-modules jdk.incubator.vector
 * -cp kernels/target/classes; run with the same module flag and -XX:ObjectAlignmentInBytes=64).
 */
public class NarrowPw {
    public static void main(String[] a) {
        int rounds = Integer.parseInt(a[0]), per = Integer.parseInt(a[1]);
        int[][] shapes = {{112, 112, 16, 8, 0}, {112, 112, 8, 24, 1}, {56, 56, 16, 48, 1}, {56, 56, 48, 16, 0}};
        Random r = new Random(3);
        System.out.printf("FMA peak now: %.1f GFLOPS%n", FmaProbe.gflops(Lanes.bits() >= 512));
        for (int[] sh : shapes) {
            ConvSpec s = ConvSpec.pointwise(sh[0], sh[1], sh[2], sh[3]);
            float[] w = new float[s.weightLength()], in = new float[s.inputLength(1)], out = new float[s.outputLength(1)];
            for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian() * 0.3f;
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            PreparedConv p = PointwiseGemm.INSTANCE.prepare(s, w, null, sh[4] == 1 ? Activation.RELU : Activation.NONE);
            for (int i = 0; i < 2000; i++) p.run(1, in, 0, out, 0);
            double[] med = new double[rounds];
            long[] t = new long[per];
            for (int k = 0; k < rounds; k++) {
                for (int i = 0; i < per; i++) { long t0 = System.nanoTime(); p.run(1, in, 0, out, 0); t[i] = System.nanoTime() - t0; }
                Arrays.sort(t);
                med[k] = t[per / 2] / 1e3;
            }
            Arrays.sort(med);
            double flops = 2.0 * sh[0] * sh[1] * sh[2] * sh[3];
            System.out.printf("%dx%dx%d -> %d %s: median %.1f us [%.1f..%.1f], %.1f GFLOPS%n", sh[0], sh[1], sh[2], sh[3],
                    sh[4] == 1 ? "relu" : "linear", med[rounds / 2], med[rounds / 4], med[3 * rounds / 4], flops / med[rounds / 2] / 1e3);
        }
        System.out.printf("FMA peak now: %.1f GFLOPS%n", FmaProbe.gflops(Lanes.bits() >= 512));
    }
}
