package dev.mobilevec.kernels;

import java.util.*;

/**
 * The 3x3 depthwise kernel's stride-2 layers prepared with the experimental 16-register switch of
 * {@code prepare(spec, w, b, act, pixelMajor, SWITCH)} off and on, interleaved: best GFLOPS of each over rounds, their
 * ratio, whether the outputs are the same bits, bytes allocated per 100 warm runs. The switch exists only in a kernels
 * build with one of this directory's experiment diffs applied (two channel blocks per sweep, two output rows per sweep).
 * Shapes h,w,c (input; padding 1, stride 2). -DnoPixelMajor=true turns the pixel-major path (channels a multiple of 128)
 * off in both; with it on, those shapes run the same code either way: the noise gauge.
 */
public class Dw3s2SwitchAb {
    static final boolean PM = !Boolean.getBoolean("noPixelMajor");
    public static void main(String[] args) {
        String[] ss = System.getProperty("shapes", "112,112,96;56,56,144;28,28,192;14,14,576;112,112,48;112,112,64;28,28,240;112,112,16;56,56,72;56,56,128;28,28,256;14,14,512").split(";");
        Activation act = "HSWISH".equals(System.getProperty("act")) ? Activation.HARDSWISH : Activation.RELU6;
        double peak = FmaProbe.gflops(Lanes.COUNT >= 16);
        System.out.printf("lanes %d regs %d fma peak %.1f act %s%n", Lanes.COUNT, Lanes.REGISTERS, peak, act);
        Random r = new Random(1);
        for (String sh : ss) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            ConvSpec spec = new ConvSpec(s[0], s[1], s[2], s[2], 3, 3, 2, 2, 1, 1, 1, 1, s[2]);
            float[] wt = new float[spec.weightLength()], bias = new float[s[2]];
            for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
            for (int i = 0; i < bias.length; i++) bias[i] = r.nextFloat() - 0.5f;
            PreparedConv[] pc = {DepthwiseConv3x3Nhwc.INSTANCE.prepare(spec, wt, bias, act, PM, false),
                    DepthwiseConv3x3Nhwc.INSTANCE.prepare(spec, wt, bias, act, PM, true)};
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1) + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() - 0.3f;
            float[][] out = {new float[off + spec.outputLength(1) + 64], new float[off + spec.outputLength(1) + 64]};
            int units = pc[0].workUnits(1);
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 2e9 / flops);
            double[] best = new double[2];
            for (int round = 0; round < Integer.getInteger("rounds", 12); round++) {
                for (int v = 0; v < 2; v++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) pc[v].run(1, in, off, out[v], off, 0, units);
                    long t = System.nanoTime() - t0;
                    if (round >= 3) best[v] = Math.max(best[v], flops * reps / t);
                }
            }
            // Bytes this thread allocates over 100 more runs of each (warm: 0 unless a vector is boxed).
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long[] bytes = new long[2];
            for (int v = 0; v < 2; v++) {
                long b0 = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100; i++) pc[v].run(1, in, off, out[v], off, 0, units);
                bytes[v] = mx.getCurrentThreadAllocatedBytes() - b0;
            }
            System.out.printf("%-12s off %5.1f GFLOPS (%4.1f%%)  on %5.1f GFLOPS (%4.1f%%)  on/off %.2f  same bits %b  bytes/100 runs %d / %d%n",
                    sh, best[0], 100 * best[0] / peak, best[1], 100 * best[1] / peak, best[1] / best[0], Arrays.equals(out[0], out[1]), bytes[0], bytes[1]);
        }
    }
}
