import dev.mobilevec.network.*;
import dev.mobilevec.kernels.*;
import java.util.*;

/** v1 windows of 100 inferences, each followed by the FMA probe and an L1 triad: which of them move together. */
public class Modes2 {
    public static void main(String[] a) throws Exception {
        MobileNetV1 arch = MobileNetV1.standard(1.0, 224);
        Model model = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        int seconds = Integer.parseInt(a[0]);
        float[] seed = FmaProbe.seed();
        float[] x = new float[4096], y = new float[4096], z = new float[4096];
        float[] bx = new float[1 << 22], by = new float[1 << 22], bz = new float[1 << 22];
        try (Session s = model.newSession(1, 1)) {
            float[] in = new float[224 * 224 * 3];
            for (int i = 0; i < in.length; i++) in[i] = (float) Math.sin(i);
            float[] out = new float[s.outputLength()];
            int n = 60; long[] tot = new long[n];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            float sink = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < n; i++) { long t0 = System.nanoTime(); s.run(in, out); tot[i] = System.nanoTime() - t0; }
                Arrays.sort(tot);
                long t0 = System.nanoTime(); int steps = 2_000_000; sink += FmaProbe.run(seed, steps); long fmaNs = System.nanoTime() - t0;
                double gf = (double) steps * FmaProbe.FMAS_PER_STEP * seed.length / (double) fmaNs; 
                t0 = System.nanoTime(); for (int r = 0; r < 20000; r++) BandwidthProbe.triad(x, y, z, 1.5f, 4096); long l1 = System.nanoTime() - t0;
                t0 = System.nanoTime(); for (int r = 0; r < 20; r++) BandwidthProbe.triad(bx, by, bz, 1.5f, 1 << 22); long dram = System.nanoTime() - t0;
                System.out.printf("v1 %7.3f ms  fma %6.1f  L1 triad %6.1f GB/s  DRAM triad %5.1f GB/s%n", tot[n / 2] / 1e6, gf,
                        20000.0 * 3 * 4 * 4096 / l1, 20.0 * 3 * 4 * (1 << 22) / dram);
            }
            System.out.println(sink);
        }
    }
}
