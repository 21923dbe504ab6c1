import java.lang.invoke.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Two builds of the kernels (class directories or jars) in one JVM, each loaded by its own class loader: the same
 * layers prepared in both with the same weights, run in alternating rounds of PER calls; per-round medians, their
 * median per build and the median of per-round ratios (b / a), and whether the outputs are the same bits.
 * Usage: ConvAb ROUNDS PER DIR_A DIR_B LAYER... where LAYER is KERNEL:h,w,cin,cout,k,stride,pt,pl,pb,pr,groups[,r|r6|hs]
 * (KERNEL a class in dev.mobilevec.kernels with an INSTANCE; r = ReLU, r6 = ReLU6, hs = hard-swish). It covers 1x1
 * layers too (PointwiseGemm:h,w,k,n,1,1,0,0,0,0,1), so it supersedes ../../t48/harness/PwAb.java, whose timing loop it
 * repeats (each harness is one file, compiled alone). Run it with -XX:CompileCommand=exclude,ConvAb::main: compiling
 * this method took the guest's one C2 thread for up to 12 s, the second build's kernels left in tier-3 code meanwhile.
 * Options added in the thirty-sixth session (bench/results/zen5/t55), all off by default: -Dcold, -Dwarmin, -Dwarmout
 * (tensors evicted, then one side read back, before each timed call), -Dpwband and -Dpass (a row-major 1x1 layer in
 * band calls through a window, with an optional pass over its input first).
 */
public class ConvAb {
    /** Warm-up per build and layer in seconds (-Dwarm, default 1.5): on 2 CPUs C2 can still be compiling the kernels' rarely called methods 15 s in. */
    static final double WARM_S = Double.parseDouble(System.getProperty("warm", "1.5"));
    /**
     * Floats in front of the input and output data (-Dpad, default 0). With -XX:ObjectAlignmentInBytes=64 a float
     * array's data starts 16 bytes past a 64-byte boundary; -Dpad=12 puts it on one, as the network's arena does.
     */
    static final int PAD = Integer.getInteger("pad", 0);
    /** Output rows (work units) per call (-Dband, default 0: the whole layer in one call), as a fused block's bands run. */
    static final int BAND = Integer.getInteger("band", 0);
    /**
     * MB of an unrelated array read (and a tenth of it written) before every timed call, untimed (-Dcold, default 0):
     * evicts the layer's input, output and weights from the caches, as the rest of a network does between its runs.
     */
    static final int COLD_MB = Integer.getInteger("cold", 0);
    static final float[] EVICT = new float[COLD_MB << 18];
    static float sink;
    /** After evicting, read the layer's input back (-Dwarmin) or its output (-Dwarmout): which side's misses cost what. */
    static final boolean WARM_IN = Boolean.getBoolean("warmin"), WARM_OUT = Boolean.getBoolean("warmout");

    static void touch(float[] a) {
        float s = 0;
        for (int i = 0; i < a.length; i += 16) s += a[i];
        sink += s;
    }

    /**
     * Units per call of a row-major 1x1 layer (-Dpwband, default 0: off), each call's output written through a window
     * (PreparedConv.runWindow with the offset moved back by the units before it) into the same region of a buffer the
     * size of one band, as a fused block's expansion writes its band window.
     */
    static final int PW_BAND = Integer.getInteger("pwband", 0);

    /** With -Dpwband: read every line of the whole input in one forward pass first, inside the timed call (-Dpass). */
    static final boolean PASS = Boolean.getBoolean("pass");

    static void pwBanded(MethodHandle window, int units, int pixelsPerUnit, int n, Object layer, int batch, float[] in, int inOff,
                         float[] out, int outOff) throws Throwable {
        if (PASS) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = inOff;
            for (; i + 48 < in.length; i += 64) {
                s0 += in[i];
                s1 += in[i + 16];
                s2 += in[i + 32];
                s3 += in[i + 48];
            }
            sink += (s0 + s1) + (s2 + s3);
        }
        for (int u = 0; u < units; u += PW_BAND) {
            window.invoke(layer, batch, in, inOff, out, outOff - u * pixelsPerUnit * n, u, Math.min(units, u + PW_BAND));
        }
    }

    static void evict() {
        float s = 0;
        for (int i = 0; i < EVICT.length; i += 16) s += EVICT[i];
        for (int i = 0; i < EVICT.length / 10; i += 16) EVICT[i] = s;
        sink += s;
    }

    static void banded(MethodHandle units, int outH, Object layer, int batch, float[] in, int inOff, float[] out, int outOff) throws Throwable {
        for (int u = 0; u < batch * outH; u += BAND) {
            units.invoke(layer, batch, in, inOff, out, outOff, u, Math.min(batch * outH, u + BAND));
        }
    }

    public static void main(String[] args) throws Throwable {
        int rounds = Integer.parseInt(args[0]), per = Integer.parseInt(args[1]);
        String[] dirs = {args[2], args[3]};
        List<String> shapes = Arrays.asList(args).subList(4, args.length);
        Object[][] layers = new Object[shapes.size()][2];
        MethodHandle[][] runOf = new MethodHandle[shapes.size()][2]; // per layer and build: banded runs know its height
        ClassLoader[] cl = new ClassLoader[2];
        for (int b = 0; b < 2; b++) {
            cl[b] = new URLClassLoader(new URL[] {Path.of(dirs[b]).toUri().toURL()}, ConvAb.class.getClassLoader().getParent());
        }
        Random r = new Random(3);
        float[][] in = new float[shapes.size()][], out = new float[shapes.size()][];
        double[] flops = new double[shapes.size()];
        for (int s = 0; s < shapes.size(); s++) {
            String[] kv = shapes.get(s).split(":");
            String[] p = kv[1].split(",");
            int[] v = new int[11];
            for (int i = 0; i < 11; i++) v[i] = Integer.parseInt(p[i]);
            String actName = p.length > 11 ? (p[11].equals("r6") ? "RELU6" : p[11].equals("hs") ? "HARDSWISH" : "RELU") : "NONE";
            int h = v[0], wd = v[1], cin = v[2], cout = v[3], k = v[4], st = v[5], g = v[10];
            int oh = (h + v[6] + v[8] - k) / st + 1, ow = (wd + v[7] + v[9] - k) / st + 1;
            float[] w = new float[cout * k * k * (cin / g)], bias = new float[cout];
            for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian() * 0.3f;
            for (int i = 0; i < bias.length; i++) bias[i] = (float) r.nextGaussian() * 0.1f;
            in[s] = new float[PAD + h * wd * cin];
            for (int i = 0; i < in[s].length; i++) in[s][i] = r.nextFloat();
            boolean pwb = PW_BAND > 0 && kv[0].equals("PointwiseGemm");
            out[s] = new float[PAD + (pwb ? 4 * PW_BAND * cout : oh * ow * cout)];
            flops[s] = 2.0 * oh * ow * cout * k * k * (cin / g);
            for (int b = 0; b < 2; b++) {
                Class<?> spec = cl[b].loadClass("dev.mobilevec.kernels.ConvSpec");
                Class<?> act = cl[b].loadClass("dev.mobilevec.kernels.Activation");
                Class<?> kern = cl[b].loadClass("dev.mobilevec.kernels." + kv[0]);
                var ctor = spec.getDeclaredConstructor(int.class, int.class, int.class, int.class, int.class, int.class, int.class,
                        int.class, int.class, int.class, int.class, int.class, int.class);
                ctor.setAccessible(true);
                Object sp = ctor.newInstance(h, wd, cin, cout, k, k, st, st, v[6], v[7], v[8], v[9], g);
                Object a = act.getField(actName).get(null);
                Object inst = kern.getField("INSTANCE").get(null);
                layers[s][b] = kern.getMethod("prepare", spec, float[].class, float[].class, act).invoke(inst, sp, w, bias, a);
                Class<?> pc = cl[b].loadClass("dev.mobilevec.kernels.PreparedConv");
                MethodHandle whole = MethodHandles.publicLookup().findVirtual(pc, "run",
                        MethodType.methodType(void.class, int.class, float[].class, int.class, float[].class, int.class));
                runOf[s][b] = whole;
                if (pwb) {
                    int units = (int) pc.getMethod("workUnits", int.class).invoke(layers[s][b], 1);
                    int ppu = (int) pc.getMethod("pixelsPerUnit", int.class).invoke(layers[s][b], 1);
                    if (ppu != 4) throw new IllegalStateException("pwband needs a row-major layer of 4-pixel units, got " + ppu);
                    MethodHandle window = MethodHandles.publicLookup().findVirtual(pc, "runWindow", MethodType.methodType(void.class, int.class,
                            float[].class, int.class, float[].class, int.class, int.class, int.class));
                    MethodHandle banded = MethodHandles.lookup().findStatic(ConvAb.class, "pwBanded", MethodType.methodType(void.class,
                            MethodHandle.class, int.class, int.class, int.class, Object.class, int.class, float[].class, int.class,
                            float[].class, int.class));
                    runOf[s][b] = MethodHandles.insertArguments(banded, 0, window, units, ppu, cout).asType(whole.type());
                } else if (BAND > 0) {
                    // run(1, in, PAD, out, PAD) becomes the layer's output rows BAND at a time, in order.
                    MethodHandle units = MethodHandles.publicLookup().findVirtual(pc, "run", MethodType.methodType(void.class, int.class,
                            float[].class, int.class, float[].class, int.class, int.class, int.class));
                    MethodHandle banded = MethodHandles.lookup().findStatic(ConvAb.class, "banded", MethodType.methodType(void.class,
                            MethodHandle.class, int.class, Object.class, int.class, float[].class, int.class, float[].class, int.class));
                    runOf[s][b] = MethodHandles.insertArguments(banded, 0, units, oh).asType(whole.type());
                }
            }
        }
        System.out.println("# ConvAb " + String.join(" ", args));
        System.out.println("# " + new Date());
        MethodHandle peak = MethodHandles.publicLookup().findStatic(cl[0].loadClass("dev.mobilevec.kernels.FmaProbe"), "gflops",
                MethodType.methodType(double.class, boolean.class));
        boolean wide = (int) cl[0].loadClass("dev.mobilevec.kernels.Lanes").getMethod("bits").invoke(null) >= 512;
        double peakBefore = (double) peak.invoke(wide);
        System.out.printf("FMA peak before: %.1f GFLOPS%n", peakBefore);
        for (int s = 0; s < shapes.size(); s++) {
            float[] o0 = new float[out[s].length];
            for (int b = 0; b < 2; b++) {
                for (long end = System.nanoTime() + (long) (WARM_S * 1e9); System.nanoTime() < end; ) runOf[s][b].invoke(layers[s][b], 1, in[s], PAD, out[s], PAD);
                if (b == 0) System.arraycopy(out[s], 0, o0, 0, o0.length);
            }
            boolean same = Arrays.equals(o0, out[s]);
            // Bytes allocated by 100 warm runs of each build (boxed vectors show up here; 0 expected).
            long[] alloc = new long[2];
            var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            for (int b = 0; b < 2; b++) {
                long a0 = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100; i++) runOf[s][b].invoke(layers[s][b], 1, in[s], PAD, out[s], PAD);
                alloc[b] = mx.getCurrentThreadAllocatedBytes() - a0;
            }
            double[][] med = new double[2][rounds];
            double[] ratio = new double[rounds];
            long[] t = new long[per];
            for (int k = 0; k < rounds; k++) {
                for (int bb = 0; bb < 2; bb++) {
                    int b = (k & 1) == 0 ? bb : 1 - bb;
                    for (int i = 0; i < per; i++) {
                        if (COLD_MB > 0) evict();
                        if (WARM_IN) touch(in[s]);
                        if (WARM_OUT) touch(out[s]);
                        long t0 = System.nanoTime();
                        runOf[s][b].invoke(layers[s][b], 1, in[s], PAD, out[s], PAD);
                        t[i] = System.nanoTime() - t0;
                    }
                    Arrays.sort(t);
                    med[b][k] = t[per / 2] / 1e3;
                }
                ratio[k] = med[1][k] / med[0][k];
            }
            Arrays.sort(ratio);
            for (double[] m : med) Arrays.sort(m);
            System.out.printf("%-40s a %.1f us (%.1f GFLOPS)  b %.1f us (%.1f GFLOPS)  b/a median %.3f [%.3f..%.3f]  bits %s%n", shapes.get(s),
                    med[0][rounds / 2], flops[s] / med[0][rounds / 2] / 1e3, med[1][rounds / 2], flops[s] / med[1][rounds / 2] / 1e3,
                    ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4], same ? "same" : "DIFFER");
            System.out.printf("%-40s bytes allocated by 100 runs: a %d, b %d%n", "", alloc[0], alloc[1]);
            // A rate above the FMA peak means the run did less than the layer's work (a harness slip, as the first
            // -Dband version made): say so rather than print it as a figure.
            for (int b = 0; b < 2; b++) {
                double g = flops[s] / med[b][rounds / 2] / 1e3;
                if (g > 1.05 * peakBefore) System.out.printf("%-40s IMPLAUSIBLE: %s at %.1f GFLOPS, above the FMA peak%n", "", b == 0 ? "a" : "b", g);
            }
        }
        System.out.printf("FMA peak after: %.1f GFLOPS%n", (double) peak.invoke(wide));
    }
}
