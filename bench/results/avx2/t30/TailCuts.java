package dev.mobilevec.network;

import java.util.*;

/** Alternates image-parallel sessions of one model with different batched-tail cuts; median ms per round. */
public class TailCuts {
    public static void main(String[] a) throws Exception {
        String arch = a[0];
        int batch = Integer.parseInt(a[1]), threads = Integer.parseInt(a[2]), rounds = Integer.parseInt(a[3]), per = Integer.parseInt(a[4]);
        Architecture ar = arch.equals("v2") ? MobileNetV2.standard(1.0, 224) : MobileNetV1.standard(1.0, 224);
        Model m = Model.create(ar, SeededWeights.generate(ar, 42), Backend.FAST);
        List<LayerDef> ls = m.layers();
        String[] names = Arrays.copyOfRange(a, 5, a.length);
        Session[] ss = new Session[names.length];
        for (int i = 0; i < names.length; i++) {
            int cut = names[i].equals("auto") ? Session.AUTO_TAIL : names[i].equals("none") ? Session.NO_TAIL : idx(ls, names[i]);
            ss[i] = new Session(m, batch, threads, Schedule.IMAGE_PARALLEL, true, Alignment.ARENA_OFFSET, 0, cut);
            System.out.println(names[i] + " -> tail " + ss[i].batchedTail() + ", " + (ss[i].activationBytes() >> 20) + " MB");
        }
        float[] in = new float[batch * ar.inputLength()];
        Random r = new Random(1);
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        float[] out = new float[batch * m.outputLength()];
        for (int w = 0; w < 30; w++) for (Session s : ss) s.run(in, out);
        double[][] med = new double[ss.length][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int jj = 0; jj < ss.length; jj++) {
                int j = k % 2 == 0 ? jj : ss.length - 1 - jj;
                long[] t = new long[per];
                for (int i = 0; i < per; i++) { long t0 = System.nanoTime(); ss[j].run(in, out); t[i] = System.nanoTime() - t0; }
                Arrays.sort(t);
                med[j][k] = t[per / 2] / 1e6;
            }
        }
        for (int j = 0; j < ss.length; j++) {
            double[] q = new double[rounds];
            for (int k = 0; k < rounds; k++) q[k] = med[0][k] / med[j][k];
            Arrays.sort(q);
            double[] mm = med[j].clone(); Arrays.sort(mm);
            System.out.printf("%-12s median %.2f ms  min %.2f  %s/this median %.3f [%.3f..%.3f]%n", names[j], mm[rounds / 2], mm[0], names[0], q[rounds / 2], q[0], q[rounds - 1]);
        }
        for (Session s : ss) s.close();
    }
    static int idx(List<LayerDef> ls, String n) { for (LayerDef l : ls) if (l.name().equals(n)) return l.index(); throw new IllegalArgumentException(n); }
}
