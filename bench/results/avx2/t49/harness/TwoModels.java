import dev.mobilevec.network.*;
import java.util.Arrays;

/**
 * Does a model run slower after another model ran in the same JVM? Times model A (median whole inference and median
 * first-layer time over N runs), then runs model B for a while, then times A again. Usage: TwoModels A B N, where a
 * model is v1-ALPHA or v2-ALPHA at 224 (e.g. v2-1.0, v1-0.25). Run with the flags of ./mobilevec and
 * -XX:CompileCommand=exclude,TwoModels::main.
 */
public class TwoModels {
    static Model model(String name) {
        String[] p = name.split("-");
        double alpha = Double.parseDouble(p[1]);
        Architecture arch = p[0].equals("v1") ? MobileNetV1.standard(alpha, 224) : MobileNetV2.standard(alpha, 224);
        return Model.create(arch, SeededWeights.generate(arch, 7), Backend.FAST);
    }

    static String time(Model m, int n) {
        try (Session s = m.newSession(1, 1)) {
            float[] in = new float[m.layers().get(0).inputLength()], out = new float[m.outputLength()];
            for (int i = 0; i < in.length; i++) in[i] = (float) Math.sin(i * 0.37);
            long[] ln = new long[m.layers().size()];
            long[] total = new long[n], first = new long[n];
            for (int i = 0; i < n; i++) {
                Arrays.fill(ln, 0);
                long t0 = System.nanoTime();
                s.run(in, 0, Layout.NHWC, out, 0, ln);
                total[i] = System.nanoTime() - t0;
                first[i] = ln[0];
            }
            Arrays.sort(total);
            Arrays.sort(first);
            return String.format("median %.3f ms (min %.3f), first layer median %.1f us (min %.1f)", total[n / 2] / 1e6,
                    total[0] / 1e6, first[n / 2] / 1e3, first[0] / 1e3);
        }
    }

    public static void main(String[] args) {
        Model a = model(args[0]), b = model(args[1]);
        int n = Integer.parseInt(args[2]);
        time(a, n);
        System.out.println(args[0] + " alone:        " + time(a, n));
        time(b, 3 * n);
        System.out.println(args[1] + " meanwhile:    " + time(b, n));
        time(a, n);
        System.out.println(args[0] + " after " + args[1] + ": " + time(a, n));
    }
}
