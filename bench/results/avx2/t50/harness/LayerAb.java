import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Two builds of the bench jar in one JVM, each in its own class loader, the same model in a session of each (batch 1,
 * one schedule, fused blocks as by default), alternating rounds of PER inferences timed layer by layer (the
 * {@code layerNanos} of {@code Session.run}, as {@code ./mobilevec bench}'s per-layer table): per layer the median of
 * the per-round ratios b / a of the two builds' round medians, with quartiles, beside each build's median of round
 * medians. A machine's slow phases then hit both builds alike, which per-layer tables from separate JVMs minutes apart
 * do not. Usage (from the repository root, for the torchvision files under bench/models):
 * {@code javac -cp A.jar -d /tmp/la LayerAb.java}; {@code java --add-modules jdk.incubator.vector
 * -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000
 * -XX:CompileCommand=quiet -XX:CompileCommand=exclude,LayerAb::main -cp /tmp/la:A.jar LayerAb MODEL THREADS ROUNDS PER
 * A.jar B.jar} (MODEL as AbDriver takes it: v2-1.0-224, mnasnet1_0, ...); {@code -Dfilter=dw} keeps the layers whose
 * type starts so.
 */
public class LayerAb {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]), rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        String[] jars = {args[4], args[5]};
        Object[] sessions = new Object[2], inputs = new Object[2], outputs = new Object[2], nchw = new Object[2];
        Method[] run = new Method[2];
        List<String> names = new ArrayList<>(), types = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(jars[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bm = cl.loadClass("dev.mobilevec.bench.BenchModels");
            Method mm0 = bm.getDeclaredMethod("model", String.class);
            mm0.setAccessible(true);
            Object m = mm0.invoke(null, model);
            Class<?> sched = cl.loadClass("dev.mobilevec.network.Schedule");
            Object auto = Enum.valueOf((Class) sched, "AUTO");
            Method th = bm.getDeclaredMethod("threads", String.class);
            th.setAccessible(true);
            Object thr = th.invoke(null, String.valueOf(threads));
            Method ns = null;
            for (Method mm : m.getClass().getMethods()) if (mm.getName().equals("newSession") && mm.getParameterCount() == 4) ns = mm;
            sessions[j] = ns.invoke(m, 1, thr, auto, true);
            Object arch = m.getClass().getMethod("arch").invoke(m);
            Method inM = null;
            for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm;
            inM.setAccessible(true);
            inputs[j] = inM.invoke(null, arch, 1);
            outputs[j] = new float[(int) sessions[j].getClass().getMethod("outputLength").invoke(sessions[j])];
            nchw[j] = Enum.valueOf((Class) cl.loadClass("dev.mobilevec.network.Layout"), "NCHW");
            for (Method mm : sessions[j].getClass().getMethods()) if (mm.getName().equals("run") && mm.getParameterCount() == 6) run[j] = mm;
            if (j == 0) {
                for (Object l : (List<?>) arch.getClass().getMethod("layers").invoke(arch)) {
                    names.add(String.valueOf(l.getClass().getMethod("name").invoke(l)));
                    Object type = l.getClass().getMethod("type").invoke(l), conv = l.getClass().getMethod("conv").invoke(l);
                    String shape = "";
                    if (conv != null) {
                        Class<?> cs = conv.getClass();
                        int k = (int) cs.getMethod("kH").invoke(conv);
                        shape = (type.toString().equals("DEPTHWISE") ? "dw" + k + "x" + k : type.toString().toLowerCase()) + " s"
                                + cs.getMethod("strideH").invoke(conv) + " " + cs.getMethod("outH").invoke(conv) + "x"
                                + cs.getMethod("outW").invoke(conv) + "x" + cs.getMethod("outC").invoke(conv);
                    }
                    types.add(shape.isEmpty() ? type.toString().toLowerCase() : shape);
                }
            }
        }
        int nl = names.size();
        long[][] nanos = new long[2][nl];
        for (int w = 0; w < 300; w++) for (int j = 0; j < 2; j++) run[j].invoke(sessions[j], inputs[j], 0, nchw[j], outputs[j], 0, nanos[j]);
        double[][][] med = new double[2][nl][rounds];
        long[][] t = new long[nl][per];
        for (int r = 0; r < rounds; r++) {
            for (int jj = 0; jj < 2; jj++) {
                int j = r % 2 == 0 ? jj : 1 - jj;
                for (int i = 0; i < per; i++) {
                    run[j].invoke(sessions[j], inputs[j], 0, nchw[j], outputs[j], 0, nanos[j]);
                    for (int l = 0; l < nl; l++) t[l][i] = nanos[j][l];
                }
                for (int l = 0; l < nl; l++) {
                    Arrays.sort(t[l]);
                    med[j][l][r] = t[l][per / 2] / 1e3;
                }
            }
        }
        String filter = System.getProperty("filter", "");
        System.out.printf("# LayerAb %s%n# %s%n", String.join(" ", args), new Date());
        double sa = 0, sb = 0;
        for (int l = 0; l < nl; l++) {
            double[] q = new double[rounds];
            for (int r = 0; r < rounds; r++) q[r] = med[1][l][r] / med[0][l][r];
            Arrays.sort(q);
            double[] a = med[0][l].clone(), b = med[1][l].clone();
            Arrays.sort(a);
            Arrays.sort(b);
            sa += a[rounds / 2];
            sb += b[rounds / 2];
            if (!types.get(l).contains(filter)) continue;
            System.out.printf("%3d %-24s a %8.1f us  b %8.1f us  b/a median %.3f [%.3f..%.3f]%n", l, types.get(l), a[rounds / 2],
                    b[rounds / 2], q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
        }
        System.out.printf("sum of the layers' medians: a %.1f us, b %.1f us%n", sa, sb);
        for (int j = 0; j < 2; j++) sessions[j].getClass().getMethod("close").invoke(sessions[j]);
        System.exit(0);
    }
}
