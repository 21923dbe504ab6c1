import dev.mobilevec.kernels.*;
import java.util.*;
public class OpsHarness {
    public static void main(String[] args) {
        TensorOps ops = VectorTensorOps.INSTANCE;
        String[] shapes = System.getProperty("shapes", "28,28,72;28,28,120;14,14,480;14,14,672;7,7,960;56,56,16;7,7,1280;14,14,96").split(";");
        Random r = new Random(1);
        for (String sh : shapes) {
            int[] s = Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
            int h = s[0], w = s[1], c = s[2];
            float[] in = new float[h * w * c + 64], out = new float[h * w * c + 64], g = new float[c + 16], pool = new float[c + 16];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            for (int i = 0; i < g.length; i++) g[i] = r.nextFloat();
            double bp = 1e9, bs = 1e9;
            for (int round = 0; round < 15; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) ops.globalAveragePool(1, h, w, c, in, 0, pool, 0);
                long t1 = System.nanoTime();
                for (int i = 0; i < 2000; i++) ops.scaleChannels(1, h * w, c, in, 0, g, 0, out, 0);
                long t2 = System.nanoTime();
                if (round > 3) { bp = Math.min(bp, (t1 - t0) / 2000e3); bs = Math.min(bs, (t2 - t1) / 2000e3); }
            }
            System.out.printf("%-12s pool %6.2f us  scale %6.2f us%n", sh, bp, bs);
        }
        float[] logits = new float[1000], prob = new float[1000];
        for (int i = 0; i < 1000; i++) logits[i] = (float) r.nextGaussian() * 5;
        double best = 1e9;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5000; i++) ops.softmax(1, 1000, logits, 0, prob, 0);
            best = Math.min(best, (System.nanoTime() - t0) / 5000e3);
        }
        System.out.printf("softmax 1000: %.2f us%n", best);
    }
}
