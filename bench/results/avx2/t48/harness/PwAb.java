import java.lang.invoke.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Two builds of the kernels (class directories or jars) in one JVM, each loaded by its own class loader: the same
 * 1x1 layers prepared in both with the same weights, run in alternating rounds of PER calls; per-round medians, their
 * median per build and the median of per-round ratios (b / a). Usage: PwAb ROUNDS PER DIR_A DIR_B [HxWxK>N[r] ...]
 */
public class PwAb {
    public static void main(String[] args) throws Throwable {
        int rounds = Integer.parseInt(args[0]), per = Integer.parseInt(args[1]);
        String[] dirs = {args[2], args[3]};
        List<String> shapes = new ArrayList<>(Arrays.asList(args).subList(4, args.length));
        if (shapes.isEmpty()) shapes = List.of("112x112x16>8", "112x112x8>24r", "56x56x16>48r", "56x56x48>16");
        Object[][] layers = new Object[shapes.size()][2];
        MethodHandle[] run = new MethodHandle[2];
        Object[] fma = new Object[2];
        ClassLoader[] cl = new ClassLoader[2];
        for (int b = 0; b < 2; b++) {
            cl[b] = new URLClassLoader(new URL[] {Path.of(dirs[b]).toUri().toURL()}, PwAb.class.getClassLoader().getParent());
        }
        Random r = new Random(3);
        float[][] in = new float[shapes.size()][], out = new float[shapes.size()][], w = new float[shapes.size()][];
        for (int s = 0; s < shapes.size(); s++) {
            String sh = shapes.get(s);
            boolean relu = sh.endsWith("r");
            String[] p = sh.replace("r", "").split("[x>]");
            int h = Integer.parseInt(p[0]), wd = Integer.parseInt(p[1]), k = Integer.parseInt(p[2]), n = Integer.parseInt(p[3]);
            w[s] = new float[k * n];
            for (int i = 0; i < w[s].length; i++) w[s][i] = (float) r.nextGaussian() * 0.3f;
            in[s] = new float[h * wd * k];
            for (int i = 0; i < in[s].length; i++) in[s][i] = r.nextFloat();
            out[s] = new float[h * wd * n];
            for (int b = 0; b < 2; b++) {
                Class<?> spec = cl[b].loadClass("dev.mobilevec.kernels.ConvSpec");
                Class<?> act = cl[b].loadClass("dev.mobilevec.kernels.Activation");
                Class<?> gemm = cl[b].loadClass("dev.mobilevec.kernels.PointwiseGemm");
                Object sp = spec.getMethod("pointwise", int.class, int.class, int.class, int.class).invoke(null, h, wd, k, n);
                Object a = act.getField(relu ? "RELU" : "NONE").get(null);
                Object inst = gemm.getField("INSTANCE").get(null);
                layers[s][b] = gemm.getMethod("prepare", spec, float[].class, float[].class, act).invoke(inst, sp, w[s], null, a);
                Class<?> pc = cl[b].loadClass("dev.mobilevec.kernels.PreparedConv");
                run[b] = MethodHandles.publicLookup().findVirtual(pc, "run",
                        MethodType.methodType(void.class, int.class, float[].class, int.class, float[].class, int.class));
            }
        }
        System.out.println("# PwAb " + String.join(" ", args));
        System.out.println("# " + new Date());
        MethodHandle peak = MethodHandles.publicLookup().findStatic(cl[0].loadClass("dev.mobilevec.kernels.FmaProbe"), "gflops",
                MethodType.methodType(double.class, boolean.class));
        boolean wide = (int) cl[0].loadClass("dev.mobilevec.kernels.Lanes").getMethod("bits").invoke(null) >= 512;
        System.out.printf("FMA peak before: %.1f GFLOPS%n", (double) peak.invoke(wide));
        for (int s = 0; s < shapes.size(); s++) {
            float[] o0 = new float[out[s].length];
            for (int b = 0; b < 2; b++) {
                for (long end = System.nanoTime() + 1_500_000_000L; System.nanoTime() < end; ) run[b].invoke(layers[s][b], 1, in[s], 0, out[s], 0);
                if (b == 0) System.arraycopy(out[s], 0, o0, 0, o0.length);
            }
            boolean same = Arrays.equals(o0, out[s]);
            double[][] med = new double[2][rounds];
            double[] ratio = new double[rounds];
            long[] t = new long[per];
            for (int k = 0; k < rounds; k++) {
                for (int bb = 0; bb < 2; bb++) {
                    int b = (k & 1) == 0 ? bb : 1 - bb;
                    for (int i = 0; i < per; i++) {
                        long t0 = System.nanoTime();
                        run[b].invoke(layers[s][b], 1, in[s], 0, out[s], 0);
                        t[i] = System.nanoTime() - t0;
                    }
                    Arrays.sort(t);
                    med[b][k] = t[per / 2] / 1e3;
                }
                ratio[k] = med[1][k] / med[0][k];
            }
            Arrays.sort(ratio);
            for (double[] m : med) Arrays.sort(m);
            String[] p = shapes.get(s).replace("r", "").split("[x>]");
            double flops = 2.0 * Integer.parseInt(p[0]) * Integer.parseInt(p[1]) * Integer.parseInt(p[2]) * Integer.parseInt(p[3]);
            System.out.printf("%-14s a %.1f us (%.1f GFLOPS)  b %.1f us (%.1f GFLOPS)  b/a median %.3f [%.3f..%.3f]  bits %s%n", shapes.get(s),
                    med[0][rounds / 2], flops / med[0][rounds / 2] / 1e3, med[1][rounds / 2], flops / med[1][rounds / 2] / 1e3,
                    ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4], same ? "same" : "DIFFER");
        }
        System.out.printf("FMA peak after: %.1f GFLOPS%n", (double) peak.invoke(wide));
    }
}
