import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * One bench jar loaded twice, each in its own class loader, b's after setting the system properties PROPS_B
 * ("name=value,name=value": static finals read at class init) and cleared after; a session of the same model in each,
 * fused as by default; alternating rounds of PER untimed inferences (end to end, System.nanoTime around Session.run), per
 * round the median of each, then the median of the per-round ratios b / a with quartiles, and the outputs compared bit
 * for bit. Usage: {@code javac -d /tmp/fa PropAb.java}; {@code java --add-modules jdk.incubator.vector
 * -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000
 * -XX:CompileCommand=quiet -XX:CompileCommand=exclude,PropAb::main -cp /tmp/pa PropAb MODEL THREADS ROUNDS PER JAR PROPS_B}.
 */
public class PropAb {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        Object[] sessions = new Object[2], inputs = new Object[2], nchws = new Object[2];
        Method[] runs = new Method[2];
        float[][] outs = new float[2][];
        for (int j = 0; j < 2; j++) {
            List<String> set = new ArrayList<>();
            if (j == 1 && args.length > 5) for (String kv : args[5].split(",")) { String[] p = kv.split("=", 2); System.setProperty(p[0], p[1]); set.add(p[0]); }
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
            sessions[j] = ns.invoke(m, 1, thr, auto, true);
            Class.forName("dev.mobilevec.network.Session", true, cl);
            Object arch = m.getClass().getMethod("arch").invoke(m);
            Method inM = null;
            for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm;
            inM.setAccessible(true);
            inputs[j] = inM.invoke(null, arch, 1);
            outs[j] = new float[(int) sessions[j].getClass().getMethod("outputLength").invoke(sessions[j])];
            nchws[j] = Enum.valueOf((Class) cl.loadClass("dev.mobilevec.network.Layout"), System.getProperty("layout", "NCHW"));
            for (Method mm : sessions[j].getClass().getMethods()) if (mm.getName().equals("run") && mm.getParameterCount() == 6) runs[j] = mm;
            for (String p : set) System.clearProperty(p);
        }
        for (int w = 0; w < 300; w++) for (int j = 0; j < 2; j++) runs[j].invoke(sessions[j], inputs[j], 0, nchws[j], outs[j], 0, null);
        if (!Arrays.equals(outs[0], outs[1])) throw new AssertionError("the two builds' outputs differ");
        double[][] med = new double[2][rounds];
        double[] q = new double[rounds];
        long[] t = new long[per];
        for (int r = 0; r < rounds; r++) {
            for (int jj = 0; jj < 2; jj++) {
                int j = r % 2 == 0 ? jj : 1 - jj;
                for (int i = 0; i < per; i++) {
                    long t0 = System.nanoTime();
                    runs[j].invoke(sessions[j], inputs[j], 0, nchws[j], outs[j], 0, null);
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                med[j][r] = t[per / 2] / 1e3;
            }
            q[r] = med[1][r] / med[0][r];
        }
        Arrays.sort(q);
        for (double[] a : med) Arrays.sort(a);
        System.out.printf("# FuseAb %s  %s%n%s %d thread(s): a %.1f us, b %.1f us, b/a median %.3f [%.3f..%.3f]%n",
                String.join(" ", args), new Date(), model, threads, med[0][rounds / 2], med[1][rounds / 2], q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
        for (Object s : sessions) s.getClass().getMethod("close").invoke(s);
        System.exit(0);
    }
}
