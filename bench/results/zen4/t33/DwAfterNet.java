package dev.mobilevec.bench;

import dev.mobilevec.kernels.*;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import java.util.*;

/**
 * Is a depthwise layer slow in the network because of the network's buffers and data, or because of the code C2
 * compiled while the network ran? One depthwise layer stand-alone (fresh weights, small arrays), timed before and
 * after N inferences of a model in the same JVM. -Dshape="h,w,c,k,s" (default MNASNet's 7x7x1152 5x5).
 * java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -cp /tmp/pww:JAR dev.mobilevec.bench.DwAfterNet mnasnet1_0 2000
 */
public class DwAfterNet {
    static double alone(PreparedConv pc, ConvSpec spec, float[] in, float[] out, int off) {
        int units = pc.workUnits(1);
        long[] t = new long[600];
        for (int rep = -300; rep < t.length; rep++) {
            long t0 = System.nanoTime();
            pc.run(1, in, off, out, off + 16, 0, units);
            if (rep >= 0) t[rep] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e3;
    }

    public static void main(String[] args) throws Exception {
        int[] s = Arrays.stream(System.getProperty("shape", "7,7,1152,5,1").split(",")).mapToInt(Integer::parseInt).toArray();
        int h = s[0], w = s[1], c = s[2], k = s[3], st = s[4], pad = k / 2;
        ConvSpec spec = new ConvSpec(h, w, c, c, k, k, st, st, pad, pad, pad, pad, c);
        Random r = new Random(1);
        float[] wt = new float[spec.weightLength()];
        for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
        Conv2dKernel kern = k == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE;
        PreparedConv pc = kern.prepare(spec, wt, new float[c], Activation.RELU);
        int off = HeapAlignment.FLOAT_OFFSET;
        float[] in = new float[off + spec.inputLength(1)], out = new float[off + 16 + spec.outputLength(1)];
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        boolean before = !Boolean.getBoolean("after.only");
        if (before) {
            System.out.printf("%s alone, before the model: %.1f us%n", sh(spec), alone(pc, spec, in, out, off));
        }
        Model model = BenchModels.model(args[0]);
        float[] x = BenchModels.input(model.arch(), 1);
        int runs = Integer.parseInt(args[1]);
        try (var session = model.newSession(1, 1)) {
            float[] y = new float[session.outputLength()];
            long[] t = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                session.run(x, 0, Layout.NCHW, y, 0, null);
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            System.out.printf("%s: %d inferences, median %.3f ms%n", args[0], runs, t[runs / 2] / 1e6);
        }
        System.out.printf("%s alone, after the model: %.1f us%n", sh(spec), alone(pc, spec, in, out, off));
        int tap = Integer.getInteger("tap", -1); // a layer whose output has this layer's input shape: its values as input
        if (tap >= 0) {
            float[][] taps = {new float[spec.inputLength(1)]};
            try (var session = model.newSession(1, 1)) {
                session.run(x, 0, Layout.NCHW, new float[session.outputLength()], 0, null, new int[] {tap}, taps);
            }
            int sub = 0, zero = 0;
            float min = Float.MAX_VALUE;
            for (float v : taps[0]) {
                if (v == 0) zero++;
                else if (Math.abs(v) < Float.MIN_NORMAL) sub++;
                else min = Math.min(min, Math.abs(v));
            }
            System.arraycopy(taps[0], 0, in, off, taps[0].length);
            System.out.printf("layer %d's output as input (%d zeros, %d subnormal, smallest normal |x| %.3g): %.1f us%n", tap, zero, sub,
                    min, alone(pc, spec, in, out, off));
            var conv = model.layers().get(tap + 1);
            System.out.println("layer " + (tap + 1) + ": " + conv.name() + " " + conv.conv());
            // the model's own prepared layer, stand-alone on small arrays
            java.lang.reflect.Method m = Model.class.getDeclaredMethod("conv", int.class);
            m.setAccessible(true);
            PreparedConv own = (PreparedConv) m.invoke(model, tap + 1);
            System.out.printf("the model's own layer %d stand-alone: %.1f us%n", tap + 1, alone(own, spec, in, out, off));
            // and in the network, per-layer timing as ./mobilevec bench does it
            try (var session = model.newSession(1, 1)) {
                int n = 600, layers = model.layers().size();
                long[] ln = new long[layers];
                long[][] per = new long[3][n];
                float[] y = new float[session.outputLength()];
                for (int i = -200; i < n; i++) {
                    session.run(x, 0, Layout.NCHW, y, 0, ln);
                    if (i >= 0) {
                        per[0][i] = ln[tap];
                        per[1][i] = ln[tap + 1];
                        per[2][i] = ln[tap + 2];
                    }
                }
                for (long[] q : per) Arrays.sort(q);
                System.out.printf("in the network, per-layer timing, median us: layer %d %.1f, layer %d %.1f, layer %d %.1f%n",
                        tap, per[0][n / 2] / 1e3, tap + 1, per[1][n / 2] / 1e3, tap + 2, per[2][n / 2] / 1e3);
                System.out.printf("the model's own layer %d stand-alone, after: %.1f us%n", tap + 1, alone(own, spec, in, out, off));
            }
        }
        PreparedConv fresh = kern.prepare(spec, wt, new float[c], Activation.RELU);
        System.out.printf("%s alone, freshly prepared, after the model: %.1f us%n", sh(spec), alone(fresh, spec, in, out, off));
    }

    static String sh(ConvSpec s) {
        return s.inH() + "x" + s.inW() + "x" + s.inC() + "/k" + s.kH() + "s" + s.strideH();
    }
}
