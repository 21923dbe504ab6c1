import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/** Per-layer A/B of two builds in one JVM (own class loaders), runs alternated; per layer the median over rounds of each round's median. */
public class AbLayers {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        String[] jars = Arrays.copyOfRange(args, 4, args.length);
        int nj = jars.length;
        Object[] sessions = new Object[nj]; Method[] run = new Method[nj]; Object[] layouts = new Object[nj];
        float[][] ins = new float[nj][], outs = new float[nj][];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < nj; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[]{Path.of(jars[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bm = cl.loadClass("dev.mobilevec.bench.BenchModels");
            Method mm = bm.getDeclaredMethod("model", String.class); mm.setAccessible(true);
            Object m = mm.invoke(null, model);
            Object arch = m.getClass().getMethod("arch").invoke(m);
            Method inM = null; for (Method x : bm.getDeclaredMethods()) if (x.getName().equals("input")) inM = x; inM.setAccessible(true);
            ins[j] = (float[]) inM.invoke(null, arch, 1);
            Object s = m.getClass().getMethod("newSession", int.class, int.class).invoke(m, 1, threads);
            sessions[j] = s;
            outs[j] = new float[(int) s.getClass().getMethod("outputLength").invoke(s)];
            Class<?> lay = cl.loadClass("dev.mobilevec.network.Layout");
            layouts[j] = Enum.valueOf((Class) lay, "NHWC");
            run[j] = s.getClass().getMethod("run", float[].class, int.class, lay, float[].class, int.class, long[].class);
            if (j == 0) {
                List<?> ls = (List<?>) m.getClass().getMethod("layers").invoke(m);
                for (Object l : ls) {
                    String nm = (String) l.getClass().getMethod("name").invoke(l);
                    Object t = l.getClass().getMethod("type").invoke(l);
                    int oh = (int) l.getClass().getMethod("outH").invoke(l), ow = (int) l.getClass().getMethod("outW").invoke(l), oc = (int) l.getClass().getMethod("outC").invoke(l);
                    names.add(t + " " + oh + "x" + ow + "x" + oc + " " + nm);
                }
            }
        }
        int n = names.size();
        long[] ln = new long[n];
        for (int w = 0; w < 150; w++) for (int j = 0; j < nj; j++) run[j].invoke(sessions[j], ins[j], 0, layouts[j], outs[j], 0, ln);
        double[][][] med = new double[nj][n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j0 = 0; j0 < nj; j0++) {
                int j = (r % 2 == 0) ? j0 : nj - 1 - j0;
                long[][] t = new long[n][per];
                for (int i = 0; i < per; i++) {
                    Arrays.fill(ln, 0);
                    run[j].invoke(sessions[j], ins[j], 0, layouts[j], outs[j], 0, ln);
                    for (int l = 0; l < n; l++) t[l][i] = ln[l];
                }
                for (int l = 0; l < n; l++) { Arrays.sort(t[l]); med[j][l][r] = t[l][per / 2] / 1e3; }
            }
        }
        double[] tot = new double[nj];
        for (int l = 0; l < n; l++) {
            StringBuilder sb = new StringBuilder(String.format("%-70s", names.get(l).length() > 70 ? names.get(l).substring(0, 70) : names.get(l)));
            double[] v = new double[nj];
            for (int j = 0; j < nj; j++) { double[] x = med[j][l].clone(); Arrays.sort(x); v[j] = x[rounds / 2]; tot[j] += v[j]; sb.append(String.format(" %8.1f", v[j])); }
            if (nj > 1 && v[0] > 0) sb.append(String.format("  %6.3f", v[1] / v[0]));
            System.out.println(sb);
        }
        StringBuilder sb = new StringBuilder(String.format("%-70s", "sum"));
        for (int j = 0; j < nj; j++) sb.append(String.format(" %8.1f", tot[j]));
        System.out.println(sb);
        for (Object s : sessions) ((AutoCloseable) s).close();
    }
}
