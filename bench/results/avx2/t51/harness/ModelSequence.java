import dev.mobilevec.network.*;
import dev.mobilevec.onnx.OnnxImporter;
import java.nio.file.Path;
import java.util.*;

/**
 * Does any model run slower once other models ran in the same JVM? Each model in turn: warmed up and timed alone
 * (first pass), then, after all have run, every model timed again (second pass); per model the minimum and median of
 * N inferences and of its first layer, both passes. A shared profile (such as FloatVector.intoArray's mask branch,
 * README "One vector of first-layer outputs") shows as a second pass slower than the first. Usage: ModelSequence N
 * MODEL... where MODEL is v1-ALPHA or v2-ALPHA (224, seeded weights) or an ONNX file. Run with ./mobilevec's flags and
 * -XX:CompileCommand=exclude,ModelSequence::main.
 */
public class ModelSequence {
    static Model model(String name) throws Exception {
        if (name.endsWith(".onnx")) {
            return OnnxImporter.read(Path.of(name)).model(Backend.FAST);
        }
        String[] p = name.split("-");
        double alpha = Double.parseDouble(p[1]);
        Architecture arch = p[0].equals("v1") ? MobileNetV1.standard(alpha, 224) : MobileNetV2.standard(alpha, 224);
        return Model.create(arch, SeededWeights.generate(arch, 7), Backend.FAST);
    }

    /**
     * Warm-up, then n timed runs: {min, median} of the whole inference and of layer 0, in microseconds; each layer's
     * minimum over the runs into layerMin (microseconds).
     */
    static double[] time(Session s, float[] in, float[] out, long[] ln, int warm, int n, double[] layerMin) {
        long[] total = new long[n], first = new long[n];
        for (int i = 0; i < warm; i++) s.run(in, 0, Layout.NCHW, out, 0, ln);
        Arrays.fill(layerMin, Double.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            Arrays.fill(ln, 0);
            long t0 = System.nanoTime();
            s.run(in, 0, Layout.NCHW, out, 0, ln);
            total[i] = System.nanoTime() - t0;
            first[i] = ln[0];
            for (int l = 0; l < ln.length; l++) layerMin[l] = Math.min(layerMin[l], ln[l] / 1e3);
        }
        Arrays.sort(total);
        Arrays.sort(first);
        return new double[] {total[0] / 1e3, total[n / 2] / 1e3, first[0] / 1e3, first[n / 2] / 1e3};
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<String> names = Arrays.asList(args).subList(1, args.length);
        List<Session> sessions = new ArrayList<>();
        List<float[]> ins = new ArrayList<>(), outs = new ArrayList<>();
        List<long[]> lns = new ArrayList<>();
        double[][] first = new double[names.size()][], firstLayers = new double[names.size()][];
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Model m = model(names.get(i));
            models.add(m);
            firstLayers[i] = new double[m.layers().size()];
            Session s = m.newSession(1, 1);
            float[] in = new float[m.layers().get(0).inputLength()];
            for (int j = 0; j < in.length; j++) in[j] = (float) Math.sin(j * 0.37);
            sessions.add(s);
            ins.add(in);
            outs.add(new float[m.outputLength()]);
            lns.add(new long[m.layers().size()]);
            first[i] = time(s, in, outs.get(i), lns.get(i), 3 * n, n, firstLayers[i]);
        }
        System.out.printf("# ModelSequence %s, %s%n", String.join(" ", args), new Date());
        System.out.println("# per model: inference min / median us, first layer min / median us; alone (first pass) -> after all the others ran (second pass)");
        double slower = Double.parseDouble(System.getProperty("slower", "1.15"));
        double grewUs = Double.parseDouble(System.getProperty("grewUs", "20"));
        for (int i = 0; i < names.size(); i++) {
            double[] second = new double[firstLayers[i].length];
            double[] a = first[i], b = time(sessions.get(i), ins.get(i), outs.get(i), lns.get(i), n, n, second);
            System.out.printf("%-40s inference %8.0f / %8.0f -> %8.0f / %8.0f (min %.3fx)   first layer %6.1f / %6.1f -> %6.1f / %6.1f (min %.3fx)%n",
                    names.get(i), a[0], a[1], b[0], b[1], b[0] / a[0], a[2], a[3], b[2], b[3], b[2] / a[2]);
            // Layers whose minimum grew by more than -Dslower (default 1.15) and at least -DgrewUs (default 20 us):
            // where a shared profile would show first.
            for (int l = 0; l < second.length; l++) {
                if (second[l] > slower * firstLayers[i][l] && second[l] - firstLayers[i][l] >= grewUs) {
                    System.out.printf("    layer %3d %-36s min %8.1f -> %8.1f us (%.3fx)%n", l, models.get(i).layers().get(l).name(),
                            firstLayers[i][l], second[l], second[l] / firstLayers[i][l]);
                }
            }
        }
        for (Session s : sessions) s.close();
    }
}
