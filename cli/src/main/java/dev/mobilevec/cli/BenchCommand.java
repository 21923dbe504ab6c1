package dev.mobilevec.cli;

import dev.mobilevec.kernels.Lanes;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Times MobileNet inference: per-layer table, latency, images/s, check against the reference.",
        description = "Runs MobileNet v1 1.0-224 on seeded weights unless told otherwise (--arch v2, --model with an ONNX file):"
            + " warm-up with progress, then a per-layer table, end-to-end latency percentiles, images/s, the fraction of this"
            + " core's FMA peak, and the output checked against the reference kernels. For rigorous numbers use the JMH suite"
            + " in bench/ (see README).")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    WeightOptions weightOptions = new WeightOptions();

    @Option(names = "--threads", description = "Threads, the caller's included. Default: 0, meaning all available processors.", defaultValue = "0")
    int threads;

    @Option(names = "--batch", defaultValue = "1", description = "Images per inference. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--warmup", defaultValue = "200", description = "Warm-up inferences (not measured; C2 needs a few hundred to compile every kernel). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--iterations", defaultValue = "100", description = "Measured inferences. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--no-check", description = "Skip the comparison with the reference kernels (slow at large sizes). Default: off (the check runs).")
    boolean noCheck;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || batch < 1 || warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("need --threads >= 1, --batch >= 1, --warmup >= 0, --iterations >= 1; got threads "
                    + t + ", batch " + batch + ", warmup " + warmup + ", iterations " + iterations);
        }
        WeightOptions.Loaded loaded = weightOptions.load(model);
        Model fast = loaded.model(Backend.FAST);
        List<LayerDef> layers = fast.layers();
        out.printf(Locale.ROOT, "%s, %s, batch %d, %d thread%s, %d-bit vectors%n", fast.arch(), loaded.source(), batch, t,
                t == 1 ? "" : "s", Lanes.bits());

        float[] input = new float[batch * fast.arch().inputLength()];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] probs = new float[batch * fast.outputLength()];
        long[] layerNanos = new long[layers.size()];
        long[] layerTotal = new long[layers.size()];
        long[] latency = new long[iterations];
        try (Session s = fast.newSession(batch, t)) {
            for (int i = 0; i < warmup; i++) {
                s.run(input, 0, Layout.NHWC, probs, 0, null);
                if (i % Math.max(1, warmup / 10) == 0 || i == warmup - 1) {
                    out.printf(Locale.ROOT, "\rwarm-up %d/%d", i + 1, warmup);
                    out.flush();
                }
            }
            out.printf(Locale.ROOT, "%nmeasuring %d inferences...%n", iterations);
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                s.run(input, 0, Layout.NHWC, probs, 0, layerNanos);
                latency[i] = System.nanoTime() - t0;
                for (int l = 0; l < layerNanos.length; l++) {
                    layerTotal[l] += layerNanos[l];
                }
            }
        }
        long sum = Arrays.stream(layerTotal).sum();
        out.printf(Locale.ROOT, "%n%-3s %-16s %-8s %-14s %9s %10s %9s %6s%n", "#", "layer", "type", "output", "MFLOPs", "us", "GFLOPS", "time");
        for (LayerDef l : layers) {
            double us = layerTotal[l.index()] / 1e3 / iterations;
            double mflop = l.flops() * batch / 1e6;
            out.printf(Locale.ROOT, "%-3d %-16s %-8s %-14s %9.2f %10.1f %9.1f %5.1f%%%n", l.index(), l.name(), l.label(),
                    l.outShape(), mflop, us, us > 0 ? mflop / us * 1e3 : 0, 100.0 * layerTotal[l.index()] / sum);
        }
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        double median = pct(sorted, 50) / 1e6;
        long flops = layers.stream().mapToLong(LayerDef::flops).sum() * batch;
        out.printf(Locale.ROOT, "%nlatency per batch of %d: median %.3f ms, p90 %.3f ms, p99 %.3f ms, min %.3f ms%n", batch, median,
                pct(sorted, 90) / 1e6, pct(sorted, 99) / 1e6, sorted[0] / 1e6);
        double peak = FmaPeak.measure();
        out.printf(Locale.ROOT, "throughput: %.1f images/s, %.1f GFLOPS (%.1f MFLOP per image)%n", batch / median * 1e3,
                flops / median / 1e6, flops / 1e6 / batch);
        out.printf(Locale.ROOT, "FMA peak of one core, measured now: %.1f GFLOPS; the median inference ran at %.0f %% of %d x that%n",
                peak, 100 * flops / median / 1e6 / (peak * t), t);

        if (!noCheck) {
            out.println("checking against the reference kernels (scalar, double accumulation)...");
            out.flush();
            Model ref = loaded.model(Backend.REFERENCE);
            float[] expected = new float[probs.length];
            try (Session s = ref.newSession(batch, 1)) {
                s.run(input, expected);
            }
            double maxDiff = 0;
            for (int i = 0; i < probs.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - probs[i]));
            }
            boolean sameTop = true;
            for (int n = 0; n < batch; n++) {
                sameTop &= Arrays.equals(Top.topK(expected, n * fast.outputLength(), fast.outputLength(), 5), Top.topK(probs, n * fast.outputLength(), fast.outputLength(), 5));
            }
            out.printf(Locale.ROOT, "check: max |output difference| %.3g, top-5 classes %s%n", maxDiff, sameTop ? "identical" : "DIFFER");
            if (!sameTop) {
                return 4;
            }
        }
        return 0;
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
