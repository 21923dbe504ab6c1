import dev.mobilevec.network.*;
import java.util.*;
/** Image-parallel sessions with one or two images per thread at a time (-Dmobilevec.subBatch at construction), alternated. */
public class SubBatch {
    public static void main(String[] a) {
        String arch = a[0];
        int batch = Integer.parseInt(a[1]), threads = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]), per = Integer.parseInt(a[4]);
        Architecture ar = arch.equals("v1") ? new MobileNetV1(1.0, 224, 224, 1000, Padding.SYMMETRIC) : new MobileNetV2(1.0, 224, 224, 1000);
        Model m = Model.create(ar, SeededWeights.generate(ar, 42), Backend.FAST);
        Session[] s = new Session[2];
        for (int i = 0; i < 2; i++) {
            System.setProperty("mobilevec.subBatch", String.valueOf(i + 1));
            s[i] = m.newSession(batch, threads);
        }
        float[] in = new float[batch * ar.inputLength()];
        Random r = new Random(1);
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        float[][] out = new float[2][batch * m.outputLength()];
        for (int w = 0; w < 3; w++) for (int i = 0; i < 2; i++) s[i].run(in, out[i]);
        System.out.println("outputs bitwise equal: " + Arrays.equals(out[0], out[1]));
        double[][] med = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            for (int bb = 0; bb < 2; bb++) {
                int i = (k & 1) == 0 ? bb : 1 - bb;
                long[] t = new long[per];
                for (int j = 0; j < per; j++) { long t0 = System.nanoTime(); s[i].run(in, out[i]); t[j] = System.nanoTime() - t0; }
                Arrays.sort(t);
                med[i][k] = t[per / 2] / 1e6;
            }
            ratio[k] = med[1][k] / med[0][k];
            System.out.printf("round %2d: sub1 %.2f ms  sub2 %.2f ms  ratio %.3f%n", k, med[0][k], med[1][k], ratio[k]);
        }
        Arrays.sort(ratio);
        System.out.printf("%s batch %d threads %d: sub2/sub1 median ratio %.3f [%.3f..%.3f]%n", arch, batch, threads, ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
        for (Session x : s) x.close();
    }
}
