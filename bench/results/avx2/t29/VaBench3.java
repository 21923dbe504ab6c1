package dev.mobilevec.kernels;
public class VaBench3 {
    public static void main(String[] a) {
        int n = Integer.getInteger("n", 96 * 24);
        float[] buf = new float[n + 64], res = new float[n + 64];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < buf.length; i++) { buf[i] = r.nextFloat() * 8 - 4; res[i] = r.nextFloat() * 1e-6f; }
        Activation[] acts = {Activation.NONE, Activation.RELU6};
        for (int round = 0; round < 6; round++) for (Activation act : acts) {
            int reps = 200_000_000 / n;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) { VectorActivation.addApply(act, buf, 16, res, 16, 1, 0, n); buf[17] = 1f; }
            long t = System.nanoTime() - t0;
            if (round >= 3) System.out.printf("%-6s n=%d  %.3f ns per vector%n", act.kind(), n, t / (double) reps / (n / Lanes.COUNT));
        }
    }
}
