import dev.mobilevec.network.*;
import dev.mobilevec.kernels.*;

/**
 * One convolution of a warm v1 session (seeded weights, one thread) run alone on its own arrays in the same JVM: the
 * first call after an inference, the call right after that, 200 calls in a row, and a copy of the same layer prepared
 * with other weights before any network ran (a JIT or data effect would tell them apart).
 * Usage: {@code javac --add-modules jdk.incubator.vector -cp network/target/classes:kernels/target/classes -d /tmp/inj
 * InNet.java}; {@code java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages
 * -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000 -cp /tmp/inj:network/target/classes:kernels/target/classes
 * InNet LAYER} (LAYER: index in v1's layer table, 7 = block4.dw).
 */
public class InNet {
    static long med(PreparedConv p, float[] x, float[] y) {
        long[] t = new long[200];
        for (int i = 0; i < 200; i++) { long t0 = System.nanoTime(); p.run(1, x, 12, y, 12); t[i] = System.nanoTime() - t0; }
        java.util.Arrays.sort(t);
        return t[100];
    }
    public static void main(String[] args) throws Exception {
        int layer = Integer.parseInt(args[0]);
        Architecture arch = MobileNetV1.standard(1.0, 224);
        Model model = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        var mth = Model.class.getDeclaredMethod("conv", int.class); mth.setAccessible(true); PreparedConv pc = (PreparedConv) mth.invoke(model, layer);
        ConvSpec sp = pc.spec();
        float[] x = new float[16 + sp.inH() * sp.inW() * sp.inC()], y = new float[16 + sp.outH() * sp.outW() * sp.outC()];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        float[] in = new float[224 * 224 * 3];
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        float[] wts = new float[sp.outC() * 9], bias = new float[sp.outC()];
        for (int i = 0; i < wts.length; i++) wts[i] = (float) r.nextGaussian() * 0.3f;
        PreparedConv fresh = DepthwiseConv3x3Nhwc.INSTANCE.prepare(sp, wts, bias, Activation.RELU6);
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) fresh.run(1, x, 12, y, 12);
        System.out.printf("fresh layer before any network: %.1f us%n", med(fresh, x, y) / 1e3);
        try (Session s = model.newSession(1, 1, Schedule.AUTO)) {
            float[] out = new float[s.outputLength()];
            for (int i = 0; i < 300; i++) s.run(in, out);
            for (int rep = 0; rep < 5; rep++) {
                long[] hot = new long[200], after = new long[200], inf = new long[200];
                for (int i = 0; i < 200; i++) {
                    long t0 = System.nanoTime();
                    s.run(in, out);
                    long t1 = System.nanoTime();
                    pc.run(1, x, 12, y, 12);
                    long t2 = System.nanoTime();
                    pc.run(1, x, 12, y, 12);
                    long t3 = System.nanoTime();
                    inf[i] = t1 - t0; after[i] = t2 - t1; hot[i] = t3 - t2;
                }
                java.util.Arrays.sort(hot); java.util.Arrays.sort(after); java.util.Arrays.sort(inf);
                System.out.printf("fresh layer now: %.1f us, model layer 200 in a row: %.1f us%n", med(fresh, x, y) / 1e3, med(pc, x, y) / 1e3);
                System.out.printf("layer %d %s: alone after an inference %.1f us, back to back %.1f us; inference %.3f ms%n", layer, sp, after[100] / 1e3, hot[100] / 1e3, inf[100] / 1e6);
            }
        }
    }
}
