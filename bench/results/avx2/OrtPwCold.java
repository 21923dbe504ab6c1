import ai.onnxruntime.*;
import dev.mobilevec.kernels.*;
import java.nio.FloatBuffer;
import java.util.*;
/** OrtPw with N weight sets per side cycled (-Dsets=16), so weights come from L3/DRAM as inside a network. */
public class OrtPwCold {
    public static void main(String[] a) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int sets = Integer.getInteger("sets", 16);
        double peak = FmaProbe.gflops(false);
        System.out.printf("peak %.1f, %d weight sets%n", peak, sets);
        for (String f : a) {
            String[] p = f.replace(".onnx", "").split("_");
            int h = Integer.parseInt(p[1]), w = Integer.parseInt(p[2]), ci = Integer.parseInt(p[3]), co = Integer.parseInt(p[4]);
            var o = new OrtSession.SessionOptions();
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setIntraOpNumThreads(1); o.setInterOpNumThreads(1);
            o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession[] s = new OrtSession[sets];
            for (int i = 0; i < sets; i++) s[i] = env.createSession(f, o);
            float[] x = new float[ci * h * w]; Random r = new Random(1); for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, ci, h, w});
            Map<String, OnnxTensor> feed = Map.of("x", t);
            ConvSpec spec = ConvSpec.pointwise(h, w, ci, co);
            PreparedConv[] pc = new PreparedConv[sets];
            for (int j = 0; j < sets; j++) {
                float[] wt = new float[spec.weightLength()]; for (int i = 0; i < wt.length; i++) wt[i] = r.nextFloat() - 0.5f;
                pc[j] = PointwiseGemm.INSTANCE.prepare(spec, wt, new float[co], Activation.RELU);
            }
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1)], out = new float[off + 16 + spec.outputLength(1)];
            System.arraycopy(x, 0, in, off, x.length);
            int units = pc[0].workUnits(1);
            double flops = 2.0 * h * w * ci * co;
            int reps = (int) Math.max(sets, 3e8 / flops) / sets * sets;
            double[] ro = new double[12], rm = new double[12];
            for (int round = 0; round < 14; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) try (var res = s[i % sets].run(feed)) {}
                long t1 = System.nanoTime();
                for (int i = 0; i < reps; i++) pc[i % sets].run(1, in, off, out, off + 16, 0, units);
                long t2 = System.nanoTime();
                if (round >= 2) { ro[round - 2] = (t1 - t0) / (double) reps; rm[round - 2] = (t2 - t1) / (double) reps; }
            }
            double[] ratio = new double[12];
            for (int i = 0; i < 12; i++) ratio[i] = rm[i] / ro[i];
            Arrays.sort(ro); Arrays.sort(rm); Arrays.sort(ratio);
            System.out.printf("%-22s ORT min %7.1f med %7.1f us | ours min %7.1f med %7.1f us (%5.1f GFLOPS best) | ours/ORT median of paired %.2f%n",
                f, ro[0] / 1e3, ro[6] / 1e3, rm[0] / 1e3, rm[6] / 1e3, flops / rm[0], ratio[6]);
        }
    }
}
