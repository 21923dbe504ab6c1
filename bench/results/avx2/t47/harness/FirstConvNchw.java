import dev.mobilevec.kernels.*;
import java.util.*;

/**
 * The first convolution (224x224x3 -> 112x112xCOUT, stride 2, pad 1, ReLU6) stand-alone, three ways, interleaved in
 * rounds: NHWC input (what the layer timer saw), NCHW input read directly (runNchwInput), and the pipeline before it,
 * a pixel-by-pixel NCHW -> NHWC copy into an arena array then the NHWC run. Between calls, a sweep of JUNK floats
 * (-Djunk, default 1M = 4 MB: input in L3; 16M: from DRAM). Usage: FirstConvNchw COUT ROUNDS PER
 * (javac -cp kernels/target/classes --add-modules jdk.incubator.vector; run with the same module flag).
 */
public class FirstConvNchw {
    static float sink;

    public static void main(String[] a) {
        int cout = Integer.parseInt(a[0]), rounds = Integer.parseInt(a[1]), per = Integer.parseInt(a[2]);
        int h = Integer.getInteger("height", 224), wd = Integer.getInteger("width", 224), hw = h * wd;
        ConvSpec s = ConvSpec.full(h, wd, 3, cout, 3, 2, 1, 1, 1, 1);
        Random r = new Random(1);
        float[] w = new float[s.weightLength()], in = new float[s.inputLength(1)];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian() * 0.2f;
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        float[] nchw = new float[in.length];
        for (int p = 0; p < hw; p++) for (int c = 0; c < 3; c++) nchw[c * hw + p] = in[p * 3 + c];
        PreparedConv p = Conv3x3Nhwc.INSTANCE.prepare(s, w, null, Activation.RELU6);
        float[] arena = new float[in.length + 64], out = new float[s.outputLength(1)], out2 = out.clone();
        float[] junk = new float[Integer.getInteger("junk", 1 << 20)];
        p.run(1, in, 0, out, 0);
        p.runNchwInput(1, nchw, 0, out2, 0, 0, p.workUnits(1));
        if (!Arrays.equals(out, out2)) throw new AssertionError("NCHW bits differ");
        String[] names = {"NHWC", "NCHW direct", "copy+NHWC"};
        double[][] med = new double[3][rounds];
        for (int round = -10; round < rounds; round++) {
            for (int vv = 0; vv < 3; vv++) {
                int v = (round + vv) % 3;
                long[] t = new long[per];
                for (int i = 0; i < per; i++) {
                    float acc = 0;
                    for (int j = 0; j < junk.length; j += 16) { junk[j] += 1; acc += junk[j]; }
                    sink += acc;
                    long t0 = System.nanoTime();
                    if (v == 0) p.run(1, in, 0, out, 0);
                    else if (v == 1) p.runNchwInput(1, nchw, 0, out, 0, 0, p.workUnits(1));
                    else {
                        for (int q = 0; q < hw; q++) { arena[16 + 3 * q] = nchw[q]; arena[17 + 3 * q] = nchw[hw + q]; arena[18 + 3 * q] = nchw[2 * hw + q]; }
                        p.run(1, arena, 16, out, 0);
                    }
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                if (round >= 0) med[v][round] = t[per / 2] / 1e3;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(h + "x" + wd + " cout %d junk %d floats, median over %d rounds of %d (us):", cout, junk.length, rounds, per));
        for (int v = 0; v < 3; v++) {
            double[] m = med[v].clone(); Arrays.sort(m);
            sb.append(String.format("  %s %.1f [%.1f..%.1f]", names[v], m[rounds / 2], m[rounds / 4], m[3 * rounds / 4]));
        }
        double flops = 2.0 * 27 * cout * s.outH() * s.outW();
        double[] m0 = med[0].clone(), m1 = med[1].clone(); Arrays.sort(m0); Arrays.sort(m1);
        sb.append(String.format("  GFLOPS NHWC %.1f NCHW %.1f", flops / m0[rounds / 2] / 1e3, flops / m1[rounds / 2] / 1e3));
        System.out.println(sb);
    }
}
