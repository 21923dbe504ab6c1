import dev.mobilevec.network.*;

/**
 * A fresh JVM's first inferences: the wall time of inference 1, 2, ... of one session (seeded weights), printed at
 * growing indices, and the time since start when an inference first ran within 1.2x of the median of the last 100.
 * Usage: ColdStart v1|v2 THREADS [N]
 */
public class ColdStart {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        boolean v2 = args[0].equals("v2");
        int threads = Integer.parseInt(args[1]), n = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Architecture arch = v2 ? MobileNetV2.standard(1.0, 224) : MobileNetV1.standard(1.0, 224);
        Model model = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        long built = System.nanoTime();
        float[] in = new float[224 * 224 * 3];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
        long[] t = new long[n], at = new long[n];
        try (Session s = model.newSession(1, threads, Schedule.AUTO)) {
            float[] out = new float[s.outputLength()];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                s.run(in, out);
                t[i] = System.nanoTime() - t0;
                at[i] = System.nanoTime() - start;
            }
        }
        StringBuilder later = new StringBuilder();
        // A second session of the same model, and one of the other architecture, in the now warm JVM.
        Architecture other = v2 ? MobileNetV1.standard(1.0, 224) : MobileNetV2.standard(1.0, 224);
        Model otherModel = Model.create(other, SeededWeights.generate(other, 42), Backend.FAST);
        for (Model m : new Model[] {model, otherModel}) {
            try (Session s = m.newSession(1, threads, Schedule.AUTO)) {
                float[] out = new float[s.outputLength()];
                StringBuilder sb = new StringBuilder(m == model ? "  a new session of the same model, first 5:" : "  a session of the other model, first 5:");
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    s.run(in, out);
                    sb.append(String.format(" %.2f", (System.nanoTime() - t0) / 1e6));
                }
                later.append(sb).append(" ms\n");
            }
        }
        long[] tail = java.util.Arrays.copyOfRange(t, n - 100, n);
        java.util.Arrays.sort(tail);
        double med = tail[50] / 1e6;
        System.out.printf("%s, %d thread(s): model built in %.2f s; steady median (last 100) %.2f ms%n", args[0], threads, (built - start) / 1e9, med);
        for (int i : new int[] {0, 1, 2, 4, 9, 19, 49, 99, 199, n - 1}) {
            if (i < n) System.out.printf("  inference %4d: %8.2f ms (at %.2f s)%n", i + 1, t[i] / 1e6, at[i] / 1e9);
        }
        double sum = 0;
        int firstNear = -1;
        for (int i = 0; i < n; i++) {
            if (firstNear < 0 && t[i] / 1e6 <= 1.2 * med) {
                boolean stays = true;
                for (int j = i; j < Math.min(n, i + 10); j++) stays &= t[j] / 1e6 <= 1.5 * med;
                if (stays) firstNear = i;
            }
        }
        for (int i = 0; i < (firstNear < 0 ? n : firstNear); i++) sum += t[i] / 1e6;
        System.out.printf("  within 1.2x of steady (and 10 more within 1.5x) from inference %d, %.2f s after start; the %d before took %.0f ms%n",
                firstNear + 1, firstNear < 0 ? -1 : at[firstNear] / 1e9, firstNear, sum);
        System.out.print(later);
    }
}
