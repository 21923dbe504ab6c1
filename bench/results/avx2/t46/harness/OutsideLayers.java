import dev.mobilevec.network.*;
import java.nio.file.Path;
import java.util.*;

/**
 * Time outside the layers: per inference, its wall time and the sum of its per-layer times (Session.run with
 * layerNanos, the same call), and the difference: input copy, output copy, hand-offs, whatever no layer's timer sees.
 * Each timed call is followed by the same call untimed, and the pair's difference is what the timing itself adds.
 * Usage: OutsideLayers MODEL.onnx|v1|v2 THREADS RUNS [NCHW|NHWC]
 */
public class OutsideLayers {
    public static void main(String[] args) throws Exception {
        Model m = switch (args[0]) {
            case "v1" -> { var a = MobileNetV1.standard(1.0, 224); yield Model.create(a, SeededWeights.generate(a, 42), Backend.FAST); }
            case "v2" -> { var a = MobileNetV2.standard(1.0, 224); yield Model.create(a, SeededWeights.generate(a, 42), Backend.FAST); }
            default -> dev.mobilevec.onnx.OnnxImporter.read(Path.of(args[0])).model(Backend.FAST);
        };
        int threads = Integer.parseInt(args[1]), runs = Integer.parseInt(args[2]);
        Layout layout = args.length > 3 ? Layout.valueOf(args[3]) : Layout.NCHW;
        try (Session s = m.newSession(1, threads)) {
            float[] in = new float[s.inputLength()], out = new float[s.outputLength()];
            Random r = new Random(7);
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 2 - 1;
            long[] nanos = new long[m.layers().size()];
            for (int i = 0; i < 300; i++) s.run(in, 0, layout, out, 0, nanos);
            long[] wall = new long[runs], sum = new long[runs], diff = new long[runs], plain = new long[runs], cost = new long[runs];
            for (int i = 0; i < runs; i++) {
                Arrays.fill(nanos, 0);
                long t0 = System.nanoTime();
                s.run(in, 0, layout, out, 0, nanos);
                wall[i] = System.nanoTime() - t0;
                for (long t : nanos) sum[i] += t;
                diff[i] = wall[i] - sum[i];
                // The same call untimed, right after: what the per-layer timing itself adds to a run.
                t0 = System.nanoTime();
                s.run(in, 0, layout, out, 0, null);
                plain[i] = System.nanoTime() - t0;
                cost[i] = wall[i] - plain[i];
            }
            Arrays.sort(wall); Arrays.sort(sum); Arrays.sort(diff); Arrays.sort(plain); Arrays.sort(cost);
            System.out.printf("%s t%d %s: wall median %.0f us, layers' sum median %.0f us, wall - sum per run: median %.0f us (quartiles %.0f..%.0f, min %.0f);"
                    + " untimed run median %.0f us, timed - untimed per pair: median %.0f us (quartiles %.0f..%.0f)%n",
                    Path.of(args[0]).getFileName(), threads, layout, wall[runs / 2] / 1e3, sum[runs / 2] / 1e3, diff[runs / 2] / 1e3,
                    diff[runs / 4] / 1e3, diff[3 * runs / 4] / 1e3, diff[0] / 1e3, plain[runs / 2] / 1e3, cost[runs / 2] / 1e3,
                    cost[runs / 4] / 1e3, cost[3 * runs / 4] / 1e3);
        }
    }
}
