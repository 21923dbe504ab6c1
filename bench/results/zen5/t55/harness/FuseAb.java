import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * One bench jar, one class loader, two sessions of the same model: a fused (as by default), b layer by layer
 * ({@code --no-fuse}); alternating rounds of PER untimed inferences (end to end, System.nanoTime around Session.run), per
 * round the median of each, then the median of the per-round ratios b / a with quartiles. Same compiled kernels for both,
 * so only the plan differs. Usage: {@code javac -d /tmp/fa FuseAb.java}; {@code java --add-modules jdk.incubator.vector
 * -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000
 * -XX:CompileCommand=quiet -XX:CompileCommand=exclude,FuseAb::main -cp /tmp/fa FuseAb MODEL THREADS ROUNDS PER JAR}.
 */
public class FuseAb {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(args[4]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> bm = cl.loadClass("dev.mobilevec.bench.BenchModels");
        Method mm0 = bm.getDeclaredMethod("model", String.class);
        mm0.setAccessible(true);
        Object m = mm0.invoke(null, model);
        Object auto = Enum.valueOf((Class) cl.loadClass("dev.mobilevec.network.Schedule"), "AUTO");
        Method th = bm.getDeclaredMethod("threads", String.class);
        th.setAccessible(true);
        Object thr = th.invoke(null, String.valueOf(threads));
        Method ns = null;
        for (Method mm : m.getClass().getMethods()) if (mm.getName().equals("newSession") && mm.getParameterCount() == 4) ns = mm;
        Object[] sessions = {ns.invoke(m, 1, thr, auto, true), ns.invoke(m, 1, thr, auto, false)};
        Object arch = m.getClass().getMethod("arch").invoke(m);
        Method inM = null;
        for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm;
        inM.setAccessible(true);
        Object input = inM.invoke(null, arch, 1);
        float[][] outs = new float[2][(int) sessions[0].getClass().getMethod("outputLength").invoke(sessions[0])];
        Object nchw = Enum.valueOf((Class) cl.loadClass("dev.mobilevec.network.Layout"), "NCHW");
        Method run = null;
        for (Method mm : sessions[0].getClass().getMethods()) if (mm.getName().equals("run") && mm.getParameterCount() == 6) run = mm;
        for (int w = 0; w < 300; w++) for (int j = 0; j < 2; j++) run.invoke(sessions[j], input, 0, nchw, outs[j], 0, null);
        if (!Arrays.equals(outs[0], outs[1])) throw new AssertionError("fused and layer-by-layer outputs differ");
        double[][] med = new double[2][rounds];
        double[] q = new double[rounds];
        long[] t = new long[per];
        for (int r = 0; r < rounds; r++) {
            for (int jj = 0; jj < 2; jj++) {
                int j = r % 2 == 0 ? jj : 1 - jj;
                for (int i = 0; i < per; i++) {
                    long t0 = System.nanoTime();
                    run.invoke(sessions[j], input, 0, nchw, outs[j], 0, null);
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                med[j][r] = t[per / 2] / 1e3;
            }
            q[r] = med[1][r] / med[0][r];
        }
        Arrays.sort(q);
        for (double[] a : med) Arrays.sort(a);
        System.out.printf("# FuseAb %s  %s%n%s %d thread(s): fused %.1f us, layer by layer %.1f us, unfused/fused median %.3f [%.3f..%.3f]%n",
                String.join(" ", args), new Date(), model, threads, med[0][rounds / 2], med[1][rounds / 2], q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
        for (Object s : sessions) s.getClass().getMethod("close").invoke(s);
        System.exit(0);
    }
}
