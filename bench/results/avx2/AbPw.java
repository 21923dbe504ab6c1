import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Interleaved A/B of pointwise kernel variants in one JVM: each variant is the kernel jar in its own class loader,
 * initialised after setting its system properties (static finals read at class init). Args: jar, then variants as
 * "name:prop=val,prop=val" ("name:" for none). -Dshapes, -Dsets, -Drounds.
 */
public class AbPw {
    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int nv = args.length - 1;
        String[] names = new String[nv];
        Object[] inst = new Object[nv]; Method[] prep = new Method[nv]; Method[] pw = new Method[nv];
        Class<?>[] specC = new Class<?>[nv], actC = new Class<?>[nv];
        Object[] relu6 = new Object[nv]; Class<?>[] pci = new Class<?>[nv];
        for (int v = 0; v < nv; v++) {
            String[] nm = args[v + 1].split(":", 2);
            names[v] = nm[0];
            List<String> set = new ArrayList<>();
            if (nm.length > 1 && !nm[1].isEmpty()) for (String kv : nm[1].split(",")) { String[] p = kv.split("="); System.setProperty(p[0], p[1]); set.add(p[0]); }
            URLClassLoader cl = new URLClassLoader(new URL[]{Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> g = Class.forName("dev.mobilevec.kernels.PointwiseGemm", true, cl);
            inst[v] = g.getField("INSTANCE").get(null);
            specC[v] = cl.loadClass("dev.mobilevec.kernels.ConvSpec");
            actC[v] = cl.loadClass("dev.mobilevec.kernels.Activation");
            relu6[v] = actC[v].getField("RELU6").get(null);
            pci[v] = cl.loadClass("dev.mobilevec.kernels.PreparedConv");
            prep[v] = g.getMethod("prepare", specC[v], float[].class, float[].class, actC[v]);
            for (String p : set) System.clearProperty(p);
        }
        String[] ss = System.getProperty("shapes", "14,14,512,512").split(";");
        int sets = Integer.getInteger("sets", 24), rounds = Integer.getInteger("rounds", 10);
        Random r = new Random(1);
        for (String sh : ss) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            Object[][] pcs = new Object[nv][sets];
            Method[] run = new Method[nv]; int units = 0; long inLen = 0, outLen = 0;
            for (int v = 0; v < nv; v++) {
                Object spec = specC[v].getMethod("pointwise", int.class, int.class, int.class, int.class).invoke(null, s[0], s[1], s[2], s[3]);
                int wl = (int) specC[v].getMethod("weightLength").invoke(spec);
                Random rw = new Random(7);
                for (int q = 0; q < sets; q++) {
                    float[] w = new float[wl]; for (int i = 0; i < wl; i++) w[i] = rw.nextFloat() - 0.5f;
                    pcs[v][q] = prep[v].invoke(inst[v], spec, w, new float[s[3]], relu6[v]);
                }
                Class<?> pc = pci[v];
                run[v] = pc.getMethod("run", int.class, float[].class, int.class, float[].class, int.class, int.class, int.class);
                units = (int) pc.getMethod("workUnits", int.class).invoke(pcs[v][0], 1);
            }
            int off = 16;
            float[] in = new float[off + s[0] * s[1] * s[2] + 64]; for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] out = new float[off + s[0] * s[1] * s[3] + 64];
            double flops = 2.0 * s[0] * s[1] * s[2] * s[3];
            int reps = (int) Math.max(10, 4e9 / flops / 4);
            double[] best = new double[nv]; List<double[]> ratios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double[] g = new double[nv];
                for (int v = 0; v < nv; v++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) run[v].invoke(pcs[v][i % sets], 1, in, off, out, off, 0, units);
                    g[v] = flops * reps / (System.nanoTime() - t0);
                }
                if (round >= 2) { for (int v = 0; v < nv; v++) best[v] = Math.max(best[v], g[v]); ratios.add(g); }
            }
            StringBuilder sb = new StringBuilder(String.format("%-18s", sh));
            for (int v = 0; v < nv; v++) {
                double[] rr = new double[ratios.size()]; for (int i = 0; i < rr.length; i++) rr[i] = ratios.get(i)[v] / ratios.get(i)[0];
                Arrays.sort(rr);
                sb.append(String.format("  %s best %.1f med-ratio %.3f", names[v], best[v], rr[rr.length / 2]));
            }
            System.out.println(sb);
        }
    }
}
