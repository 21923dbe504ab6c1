package dev.mobilevec.bench;


import dev.mobilevec.kernels.*;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.LayerType;
import java.util.*;

/**
 * Every distinct 1x1 shape of the given models at the preferred width (PointwiseGemm) and at half of it
 * (PointwiseGemmHalf), alternated round by round in one JVM, weights cycled through -Dsets copies (default 8) so
 * they are not all hot. Prints per shape: best and median microseconds of each, median ratio half / preferred.
 * java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -cp /tmp/pww:bench/target/benchmarks.jar dev.mobilevec.bench.PwWidths v2-1.0-224 mnasnet0_5 ...
 */
public class PwWidths {
    public static void main(String[] args) throws Exception {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, Activation> acts = new HashMap<>();
        for (String model : args) {
            List<LayerDef> layers = BenchModels.TORCHVISION.contains(model)
                    ? dev.mobilevec.onnx.OnnxImporter.read(BenchModels.file(model)).arch().layers()
                    : BenchModels.arch(model).layers();
            for (LayerDef l : layers) {
                if (l.type() != LayerType.POINTWISE && l.type() != LayerType.FC) continue;
                ConvSpec c = l.conv();
                String key = c.inH() + "x" + c.inW() + "x" + c.inC() + "->" + c.outC();
                shapes.putIfAbsent(key, new int[] {c.inH(), c.inW(), c.inC(), c.outC()});
                acts.putIfAbsent(key, l.activation());
            }
        }
        String only = System.getProperty("only");
        int sets = Integer.getInteger("sets", 8), rounds = Integer.getInteger("rounds", 10);
        System.out.printf("%-20s %10s %10s %10s %10s %8s%n", "shape", "pref best", "pref med", "half best", "half med", "half/pref");
        Random r = new Random(1);
        // -Dpref.only: the preferred width twice (runs on builds without PointwiseGemmHalf: it is never loaded).
        Conv2dKernel[] ks = Boolean.getBoolean("pref.only") ? new Conv2dKernel[] {PointwiseGemm.INSTANCE, PointwiseGemm.INSTANCE}
                : new Conv2dKernel[] {PointwiseGemm.INSTANCE, PointwiseGemmHalf.INSTANCE};
        System.out.printf("lanes %d, registers %d, kernels %s / %s, %d weight sets, %d rounds%n", Lanes.COUNT, Lanes.REGISTERS,
                ks[0].name(), ks[1].name(), sets, rounds);
        for (var e : shapes.entrySet()) {
            if (only != null && !Arrays.asList(only.split(";")).contains(e.getKey())) continue;
            int[] s = e.getValue();
            ConvSpec spec = ConvSpec.pointwise(s[0], s[1], s[2], s[3]);
            float[] b = new float[s[3]];
            PreparedConv[][] pcs = new PreparedConv[2][sets];
            for (int q = 0; q < sets; q++) {
                float[] w = new float[spec.weightLength()];
                for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
                for (int x = 0; x < 2; x++) pcs[x][q] = ks[x].prepare(spec, w, b, acts.get(e.getKey()));
            }
            int off = HeapAlignment.FLOAT_OFFSET;
            float[] in = new float[off + spec.inputLength(1) + 64];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat();
            float[] out = new float[off + spec.outputLength(1) + 64];
            double flops = 2.0 * spec.macs();
            int reps = (int) Math.max(20, 1e9 / flops);
            double[][] t = new double[2][rounds];
            long[] alloc = new long[2];
            var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            for (int round = -2; round < rounds; round++) {
                for (int x = 0; x < 2; x++) {
                    int xx = (round & 1) == 0 ? x : 1 - x;
                    PreparedConv[] p = pcs[xx];
                    int units = p[0].workUnits(1);
                    long a0 = mx.getCurrentThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) p[i % sets].run(1, in, off, out, off, 0, units);
                    double us = (System.nanoTime() - t0) / 1e3 / reps;
                    if (round == rounds - 1) alloc[xx] = (mx.getCurrentThreadAllocatedBytes() - a0) / reps;
                    if (round >= 0) t[xx][round] = us;
                }
            }
            double[] med = new double[2], best = new double[2];
            for (int x = 0; x < 2; x++) { double[] c = t[x].clone(); Arrays.sort(c); med[x] = (c[(rounds - 1) / 2] + c[rounds / 2]) / 2; best[x] = c[0]; }
            System.out.printf("%-20s %10.1f %10.1f %10.1f %10.1f %8.3f%s%n", e.getKey(), best[0], med[0], best[1], med[1], med[1] / med[0],
                    alloc[0] + alloc[1] > 0 ? "  allocated B/call " + alloc[0] + " / " + alloc[1] : "");
        }
    }
}
