import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * What the input copy costs a whole inference: each build (jar, own class loader) runs the same image as NCHW and as
 * NHWC (the NHWC copy is one System.arraycopy), in interleaved rounds of PER inferences; per round and build, the
 * difference of the two layouts' medians. Usage: LayoutAb MODEL THREADS ROUNDS PER a.jar b.jar ...
 * With -Dfirst=true (added in the twenty-eighth session, t47) every call is timed per layer (layerNanos), and each build
 * and layout also reports the median of its first layer's time (the first convolution: its own, or its share of the
 * first fused block's).
 */
public class LayoutAb {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        String[] jars = Arrays.copyOfRange(args, 4, args.length);
        int nj = jars.length;
        Object[] sessions = new Object[nj], layouts = new Object[2 * nj];
        Method[] run = new Method[nj];
        float[][] nchw = new float[nj][], nhwc = new float[nj][], out = new float[nj][];
        for (int j = 0; j < nj; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[]{Path.of(jars[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bm = cl.loadClass("dev.mobilevec.bench.BenchModels");
            Method mm0 = bm.getDeclaredMethod("model", String.class); mm0.setAccessible(true); Object m = mm0.invoke(null, model);
            Class<?> sched = cl.loadClass("dev.mobilevec.network.Schedule");
            Object auto = Enum.valueOf((Class) sched, "AUTO");
            Method ns = null;
            for (Method mm : m.getClass().getMethods()) if (mm.getName().equals("newSession") && mm.getParameterCount() == 4) ns = mm;
            sessions[j] = ns.invoke(m, 1, threads, auto, true);
            Object arch = m.getClass().getMethod("arch").invoke(m);
            Method inM = null; for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm; inM.setAccessible(true);
            nchw[j] = (float[]) inM.invoke(null, arch, 1);
            int h = (int) arch.getClass().getMethod("height").invoke(arch), w = (int) arch.getClass().getMethod("width").invoke(arch);
            int c = (int) arch.getClass().getMethod("inputChannels").invoke(arch), hw = h * w;
            nhwc[j] = new float[nchw[j].length];
            for (int p = 0; p < hw; p++) for (int k = 0; k < c; k++) nhwc[j][p * c + k] = nchw[j][k * hw + p];
            out[j] = new float[(int) sessions[j].getClass().getMethod("outputLength").invoke(sessions[j])];
            Class<?> layout = cl.loadClass("dev.mobilevec.network.Layout");
            layouts[2 * j] = Enum.valueOf((Class) layout, "NCHW");
            layouts[2 * j + 1] = Enum.valueOf((Class) layout, "NHWC");
            for (Method mm : sessions[j].getClass().getMethods()) if (mm.getName().equals("run") && mm.getParameterCount() == 6) run[j] = mm;
        }
        for (int w = 0; w < 300; w++) for (int v = 0; v < 2 * nj; v++) fwd(v, run, sessions, layouts, nchw, nhwc, out);
        double[][] med = new double[2 * nj][rounds], first = new double[2 * nj][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int vv = 0; vv < 2 * nj; vv++) {
                int v = r % 2 == 0 ? vv : 2 * nj - 1 - vv;
                long[] t = new long[per], f = new long[per];
                for (int i = 0; i < per; i++) { long t0 = System.nanoTime(); fwd(v, run, sessions, layouts, nchw, nhwc, out); t[i] = System.nanoTime() - t0; f[i] = NANOS[0]; }
                Arrays.sort(t);
                Arrays.sort(f);
                med[v][r] = t[per / 2] / 1e3;
                first[v][r] = f[per / 2] / 1e3;
            }
        }
        StringBuilder sb = new StringBuilder(model + " t" + threads + ", median over rounds (us):");
        for (int j = 0; j < nj; j++) {
            double[] d = new double[rounds];
            for (int r = 0; r < rounds; r++) d[r] = med[2 * j][r] - med[2 * j + 1][r];
            if (FIRST) {
                double[] fd = new double[rounds];
                for (int r = 0; r < rounds; r++) fd[r] = first[2 * j][r] - first[2 * j + 1][r];
                sb.append(String.format("%n  %s whole: NCHW %.0f NHWC %.0f, NCHW - NHWC per round median %.0f [%.0f..%.0f]; first layer: NCHW %.0f NHWC %.0f, NCHW - NHWC %.0f [%.0f..%.0f]",
                        Path.of(jars[j]).getFileName(), median(med[2 * j]), median(med[2 * j + 1]), median(d), q(d, 0.25), q(d, 0.75),
                        median(first[2 * j]), median(first[2 * j + 1]), median(fd), q(fd, 0.25), q(fd, 0.75)));
                continue;
            }
            sb.append(String.format("  %s NCHW %.0f NHWC %.0f, NCHW - NHWC per round: median %.0f quartiles %.0f..%.0f",
                    Path.of(jars[j]).getFileName(), median(med[2 * j]), median(med[2 * j + 1]), median(d), q(d, 0.25), q(d, 0.75)));
        }
        System.out.println(sb);
        for (Object s : sessions) s.getClass().getMethod("close").invoke(s);
        System.exit(0);
    }

    static double median(double[] a) { return q(a, 0.5); }

    static double q(double[] a, double f) { double[] b = a.clone(); Arrays.sort(b); return b[(int) Math.min(b.length - 1, Math.floor(f * b.length))]; }

    static final boolean FIRST = Boolean.getBoolean("first");
    static final long[] NANOS = new long[512];

    static void fwd(int v, Method[] run, Object[] sessions, Object[] layouts, float[][] nchw, float[][] nhwc, float[][] out) throws Exception {
        int j = v / 2;
        run[j].invoke(sessions[j], v % 2 == 0 ? nchw[j] : nhwc[j], 0, layouts[v], out[j], 0, FIRST ? NANOS : null);
    }
}
