import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/** Interleaved A/B of two builds in one JVM: each jar in its own class loader; per round, each build runs N forwards; median per build per round. */
public class AbDriver {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]), per = Integer.parseInt(args[3]);
        int batch = Integer.getInteger("batch", 1); // -Dbatch=B: every runtime runs batches of B (sessions on Schedule.AUTO)
        String[] jars = Arrays.copyOfRange(args, 4, args.length);
        int nj = jars.length, n = nj + 1;  // the last one is ONNX Runtime
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        ai.onnxruntime.OrtSession ort;
        Map<String, ai.onnxruntime.OnnxTensor> feed;
        {
            Class<?> bm = Class.forName("dev.mobilevec.bench.BenchModels");
            Method mm0 = bm.getDeclaredMethod("model", String.class); mm0.setAccessible(true); Object m = mm0.invoke(null, model);
            Method ox = bm.getDeclaredMethod("onnx", String.class, Class.forName("dev.mobilevec.network.Model")); ox.setAccessible(true);
            var o = new ai.onnxruntime.OrtSession.SessionOptions();
            o.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            ort = env.createSession((byte[]) ox.invoke(null, model, m), o);
            var a = (dev.mobilevec.network.Architecture) m.getClass().getMethod("arch").invoke(m);
            Method inM = null; for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm; inM.setAccessible(true);
            var input = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap((float[]) inM.invoke(null, a, batch)), new long[] {batch, a.inputChannels(), a.height(), a.width()});
            feed = Map.of("input", input);
        }
        Object[] sessions = new Object[n]; Method[] run = new Method[n]; Object[] inputs = new Object[n], outputs = new Object[n]; Object[] nchw = new Object[n];
        for (int j = 0; j < nj; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[]{Path.of(jars[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bm = cl.loadClass("dev.mobilevec.bench.BenchModels");
            Method mm0 = bm.getDeclaredMethod("model", String.class); mm0.setAccessible(true); Object m = mm0.invoke(null, model);
            Class<?> sched = cl.loadClass("dev.mobilevec.network.Schedule");
            // -Dschedules=S0,S1,...: Schedule per jar (the same jar may be given twice); AUTO otherwise.
            String[] scheds = System.getProperty("schedules", "").split(",");
            Object auto = Enum.valueOf((Class) sched, j < scheds.length && !scheds[j].isEmpty() ? scheds[j] : "AUTO");
            Method th = bm.getDeclaredMethod("threads", String.class); th.setAccessible(true); Object thr = th.invoke(null, String.valueOf(threads));
            Method ns = null;
            for (Method mm : m.getClass().getMethods()) if (mm.getName().equals("newSession") && mm.getParameterCount() == 4) ns = mm;
            // -Dfuses=B0,B1,...: fused blocks per jar (false: a --no-fuse session; the same jar may be given twice); on otherwise.
            String[] fz = System.getProperty("fuses", "").split(",");
            sessions[j] = ns.invoke(m, batch, thr, auto, !(j < fz.length && fz[j].equals("false")));
            Object arch = m.getClass().getMethod("arch").invoke(m);
            Method inM = null; for (Method mm : bm.getDeclaredMethods()) if (mm.getName().equals("input")) inM = mm; inM.setAccessible(true);
            inputs[j] = inM.invoke(null, arch, batch);
            outputs[j] = new float[(int) sessions[j].getClass().getMethod("outputLength").invoke(sessions[j])];
            Class<?> layout = cl.loadClass("dev.mobilevec.network.Layout");
            nchw[j] = Enum.valueOf((Class) layout, "NCHW");
            for (Method mm : sessions[j].getClass().getMethods()) if (mm.getName().equals("run") && mm.getParameterCount() == 6) run[j] = mm;
        }
        // warm-up
        // -Donly=J: run only runtime J (the last is ONNX Runtime), the others idle: one runtime per process.
        int only = Integer.getInteger("only", -1);
        for (int w = 0; w < 3; w++) for (int j = 0; j < n; j++) if (only < 0 || j == only) for (int i = 0; i < 100; i++) fwd(j, nj, run, sessions, inputs, nchw, outputs, ort, feed);
        double[][] med = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int jj = 0; jj < n; jj++) {
                int j = (r % 2 == 0) ? jj : n - 1 - jj;
                if (only >= 0 && j != only) continue;
                long[] t = new long[per];
                for (int i = 0; i < per; i++) { long t0 = System.nanoTime(); fwd(j, nj, run, sessions, inputs, nchw, outputs, ort, feed); t[i] = System.nanoTime() - t0; }
                Arrays.sort(t); med[j][r] = t[per / 2] / 1e6;
                // -Dpause=MS: let the runtime just measured go idle (ONNX Runtime's intra-op threads spin after a run)
                // before the next one starts, so at 2 threads on 2 cores one does not run beside the other's spinners.
                long pause = Long.getLong("pause", 0);
                if (pause > 0) Thread.sleep(pause);
            }
        }
        StringBuilder sb = new StringBuilder(model + " t" + threads + (batch > 1 ? " b" + batch : ""));
        for (int j = 0; j < n; j++) {
            if (only >= 0 && j != only) continue;
            double[] m = med[j].clone(); Arrays.sort(m);
            sb.append(String.format("  %s: min %.3f median %.3f", j < nj ? Path.of(jars[j]).getFileName() : "ort", m[0], m[rounds / 2]));
        }
        // paired ratio: per round new/base
        for (int j = 1; j < n && only < 0; j++) { double[] q = new double[rounds]; int base = j < nj ? 0 : nj - 1; if (j == base) continue; for (int r = 0; r < rounds; r++) q[r] = med[base][r] / med[j][r]; Arrays.sort(q); sb.append(String.format("  %d/%d median %.3f [%.3f..%.3f]", base, j, q[rounds / 2], q[0], q[rounds - 1])); }
        if (false) { double[] q = new double[rounds]; for (int r = 0; r < rounds; r++) q[r] = med[1][r] / med[0][r]; Arrays.sort(q); sb.append(String.format("  ratio(2/1) median %.3f [%.3f..%.3f]", q[rounds / 2], q[0], q[rounds - 1])); }
        System.out.println(sb);
        // -Drounds=true: every round's median per runtime (jars in order, ONNX Runtime last), one line a round.
        if (Boolean.getBoolean("rounds")) {
            for (int r = 0; r < rounds; r++) {
                StringBuilder rb = new StringBuilder("r");
                for (int j = 0; j < n; j++) rb.append(String.format(" %.3f", med[j][r]));
                System.out.println(rb);
            }
        }
        for (int j = 0; j < nj; j++) sessions[j].getClass().getMethod("close").invoke(sessions[j]);
        System.exit(0);
    }

    static void fwd(int j, int nj, Method[] run, Object[] sessions, Object[] inputs, Object[] nchw, Object[] outputs,
                    ai.onnxruntime.OrtSession ort, Map<String, ai.onnxruntime.OnnxTensor> feed) throws Exception {
        if (j < nj) { run[j].invoke(sessions[j], inputs[j], 0, nchw[j], outputs[j], 0, null); return; }
        try (var r = ort.run(feed)) { ((ai.onnxruntime.OnnxTensor) r.get(0)).getFloatBuffer().get(0); }
    }
}
