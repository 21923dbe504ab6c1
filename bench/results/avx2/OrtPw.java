import ai.onnxruntime.*;
import dev.mobilevec.kernels.*;
import java.nio.FloatBuffer;
import java.util.*;
public class OrtPw {
    public static void main(String[] a) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double peak = FmaProbe.gflops(false);
        System.out.printf("peak %.1f%n", peak);
        for (String f : a) {
            String[] p = f.replace(".onnx", "").split("_");
            int h = Integer.parseInt(p[1]), w = Integer.parseInt(p[2]), ci = Integer.parseInt(p[3]), co = Integer.parseInt(p[4]);
            var o = new OrtSession.SessionOptions();
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setIntraOpNumThreads(1); o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession s = env.createSession(f, o);
            float[] x = new float[ci * h * w]; Random r = new Random(1); for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, ci, h, w});
            Map<String, OnnxTensor> feed = Map.of("x", t);
            ConvSpec spec = ConvSpec.pointwise(h, w, ci, co);
            float[] wt = new float[spec.weightLength()]; for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
            PreparedConv pc = PointwiseGemm.INSTANCE.prepare(spec, wt, new float[co], Activation.NONE);
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1)], out = new float[off + spec.outputLength(1)];
            System.arraycopy(x, 0, in, off, x.length);
            int units = pc.workUnits(1);
            double flops = 2.0 * h * w * ci * co;
            int reps = (int) Math.max(10, 3e8 / flops);
            double bo = 1e18, bm = 1e18;
            for (int round = 0; round < 12; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) try (var res = s.run(feed)) {}
                long t1 = System.nanoTime();
                for (int i = 0; i < reps; i++) pc.run(1, in, off, out, off, 0, units);
                long t2 = System.nanoTime();
                if (round >= 2) { bo = Math.min(bo, (t1 - t0) / (double) reps); bm = Math.min(bm, (t2 - t1) / (double) reps); }
            }
            System.out.printf("%-22s ORT %7.1f us (%5.1f GFLOPS)  ours %7.1f us (%5.1f GFLOPS)  ours/ORT %.2f%n", f, bo / 1e3, flops / bo, bm / 1e3, flops / bm, bm / bo);
        }
    }
}
