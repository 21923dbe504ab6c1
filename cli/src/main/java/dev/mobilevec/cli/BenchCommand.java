package dev.mobilevec.cli;

import dev.mobilevec.kernels.CountedLoopSafepoints;
import dev.mobilevec.kernels.FmaProbe;
import dev.mobilevec.kernels.HeapAlignment;
import dev.mobilevec.kernels.Lanes;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.MachineFingerprint;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Schedule;
import dev.mobilevec.network.Session;
import dev.mobilevec.network.image.ImageClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--iterations", defaultValue = "100", description = "Measured inferences (at most 10000000). Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--no-check", description = "Skip the comparison with the reference kernels (slow at large sizes). Default: off (the check runs).")
    boolean noCheck;

    @Option(names = "--no-fuse", description = "Run every layer whole, one after another: no depthwise-separable block"
            + " band by band, no residual add in the projection (same bits, for comparison). Default: off (fused).")
    boolean noFuse;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout (latency percentiles, images/s,"
            + " GFLOPS, %% of peak, the per-layer table, the check and the machine fingerprint); progress goes to stderr."
            + " Default: off (a table).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        PrintWriter stderr = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        PrintWriter out = json ? stderr : stdout; // with --json, everything but the document is progress
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("--iterations must be at most " + MAX_ITERATIONS + " (each timed run's latency is kept"
                    + " for the percentiles), got " + iterations);
        }
        if (t < 1 || batch < 1 || warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("need --threads >= 1, --batch >= 1, --warmup >= 0, --iterations >= 1; got threads "
                    + t + ", batch " + batch + ", warmup " + warmup + ", iterations " + iterations);
        }
        WeightOptions.Loaded loaded = weightOptions.load(model);
        Model fast = loaded.model(Backend.FAST);
        List<LayerDef> layers = fast.layers();
        out.printf(Locale.ROOT, "%s, %s, batch %d, %d thread%s, %d-bit vectors, tiles for %d vector registers%s%n", fast.arch(),
                loaded.source(), batch, t, t == 1 ? "" : "s", Lanes.bits(), Lanes.REGISTERS,
                Lanes.FMA512_HALF_RATE ? " and half-rate 512-bit FMAs" : "");
        Schedule schedule = Schedule.AUTO.resolve(batch, t);

        float[] input = BatchBuffers.floats("the input", batch, fast.arch().inputLength());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] probs = BatchBuffers.floats("the output", batch, fast.outputLength());
        long[] layerNanos = new long[layers.size()];
        long[] layerTotal = new long[layers.size()];
        // Per-layer samples for the median (the last LAYER_SAMPLES runs) and the minimum: on a shared machine a
        // neighbour's bursts pulled the mean of a 14x14x512 1x1 layer to 1.3-2x its median (Zen 3 VM, 2 vCPUs).
        int keep = Math.min(iterations, LAYER_SAMPLES);
        long[][] layerSamples = new long[layers.size()][keep];
        long[] layerMin = new long[layers.size()];
        Arrays.fill(layerMin, Long.MAX_VALUE);
        long[] latency = new long[iterations];
        // Per timed run, its wall time minus the sum of its layer times: the output copy (and the input copy, where there
        // is one) and the hand-offs, which no layer's timer sees (the NCHW input copy went unseen that way until the
        // twenty-seventh session).
        long[] outside = new long[iterations];
        long arenaBytes;
        boolean buffersAligned, inPlace;
        List<String> fused;
        String tailFrom;
        try (Session s = fast.newSession(batch, t, Schedule.AUTO, !noFuse)) {
            arenaBytes = s.activationBytes();
            buffersAligned = s.buffersAligned();
            inPlace = s.readsInputInPlace(Layout.NHWC);
            fused = s.fusedBlocks();
            int tailAt = s.batchedTail();
            tailFrom = tailAt < 0 ? null : fast.layers().get(tailAt).name();
            out.printf(Locale.ROOT, "schedule %s%s, activation buffers %.1f MB%n", s.schedule(),
                    tailAt < 0 ? "" : ", then layers " + tailAt + " (" + fast.layers().get(tailAt).name() + ") to the end over the whole batch, layer-parallel",
                    arenaBytes / 1048576.0);
            out.println(alignmentLine(buffersAligned));
            out.println(pagesLine(HeapAlignment.TRANSPARENT_HUGE_PAGES, THP_MODE));
            out.println(loopLine(CountedLoopSafepoints.ON));
            out.printf(Locale.ROOT, "fused blocks (run band by band%s): %s%n",
                    t > 1 && s.schedule() == Schedule.LAYER_PARALLEL ? ", each of " + t + " threads its share of the rows, then what is left of the others'" : "",
                    fused.isEmpty() ? (noFuse ? "none (--no-fuse)" : "none") : fused.size() + "\n  " + String.join("\n  ", fused));
            for (int i = 0; i < warmup; i++) {
                s.run(input, 0, Layout.NHWC, probs, 0, null);
                if (i % Math.max(1, warmup / 10) == 0 || i == warmup - 1) {
                    out.printf(Locale.ROOT, "\rwarm-up %d/%d", i + 1, warmup);
                    out.flush();
                }
            }
            // Latency untimed per layer (per-layer timing runs an image-parallel batch one image at a time), then
            // as many runs again for the per-layer table.
            out.printf(Locale.ROOT, "%nmeasuring %d inferences, then %d more timed layer by layer...%n", iterations, iterations);
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                s.run(input, 0, Layout.NHWC, probs, 0, null);
                latency[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                s.run(input, 0, Layout.NHWC, probs, 0, layerNanos);
                outside[i] = System.nanoTime() - t0;
                for (int l = 0; l < layerNanos.length; l++) {
                    outside[i] -= layerNanos[l];
                    layerTotal[l] += layerNanos[l];
                    layerSamples[l][i % keep] = layerNanos[l];
                    layerMin[l] = Math.min(layerMin[l], layerNanos[l]);
                }
            }
        }
        long[] layerMedian = new long[layers.size()];
        for (int l = 0; l < layerMedian.length; l++) {
            long[] sm = layerSamples[l].clone();
            Arrays.sort(sm);
            layerMedian[l] = pct(sm, 50);
        }
        long sum = Math.max(1, Arrays.stream(layerMedian).sum());
        long[] outsideSorted = outside.clone();
        Arrays.sort(outsideSorted);
        double outsideUs = pct(outsideSorted, 50) / 1e3;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LayerDef l : layers) {
            int li = l.index();
            double us = layerMedian[li] / 1e3, usMin = layerMin[li] / 1e3;
            double mflop = l.flops() * batch / 1e6;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", li);
            row.put("name", l.name());
            row.put("type", l.label());
            row.put("output", l.outShape());
            row.put("mflop", mflop);
            row.put("us", us);
            row.put("us_min", usMin);
            row.put("us_mean", layerTotal[li] / 1e3 / iterations);
            row.put("gflops", us > 0 ? mflop / us * 1e3 : 0);
            row.put("gflops_best", usMin > 0 ? mflop / usMin * 1e3 : 0);
            row.put("share_of_time", (double) layerMedian[li] / sum);
            rows.add(row);
        }
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        double median = pct(sorted, 50) / 1e6;
        long flops = layers.stream().mapToLong(LayerDef::flops).sum() * batch;
        Map<String, Object> fingerprint = json ? MachineFingerprint.collect(t, true) : null;
        double peak = json ? ((Number) ((Map<?, ?>) fingerprint.get("measured")).get("fma_peak_gflops")).doubleValue()
                : FmaProbe.gflops(true);
        // With several threads, the FMA loop on all of them at once: on a VM whose vCPUs can share a core the
        // threads' timings above may have run on less than t cores, which no per-layer table would show.
        double[] together = t > 1 && !json ? FmaProbe.gflopsTogether(t) : null;
        double gflops = flops / median / 1e6;
        if (!json) {
            out.printf(Locale.ROOT, "%n%-3s %-16s %-8s %-14s %9s %10s %10s %9s %6s%n", "#", "layer", "type", "output", "MFLOPs", "median us",
                    "min us", "GFLOPS", "time");
            for (Map<String, Object> r2 : rows) {
                out.printf(Locale.ROOT, "%-3d %-16s %-8s %-14s %9.2f %10.1f %10.1f %9.1f %5.1f%%%n", r2.get("index"), r2.get("name"), r2.get("type"),
                        r2.get("output"), r2.get("mflop"), r2.get("us"), r2.get("us_min"), r2.get("gflops"), 100 * (double) r2.get("share_of_time"));
            }
            out.printf(Locale.ROOT, "per layer: median and minimum of %d timed runs%s; GFLOPS and time share from the medians%n",
                    keep, keep < iterations ? " (the last " + keep + ")" : "");
            out.printf(Locale.ROOT, "outside the layers (%s, hand-offs between threads): median %.1f us per timed run%n",
                    inPlace ? "the output copy; the first layer reads the NHWC input where it lies" : "input and output copies", outsideUs);
            out.printf(Locale.ROOT, "%nlatency per batch of %d: median %.3f ms, p90 %.3f ms, p99 %.3f ms, min %.3f ms%n", batch, median,
                    pct(sorted, 90) / 1e6, pct(sorted, 99) / 1e6, sorted[0] / 1e6);
            out.printf(Locale.ROOT, "throughput: %.1f images/s, %.1f GFLOPS (%.1f MFLOP per image)%n", batch / median * 1e3,
                    gflops, flops / 1e6 / batch);
            out.printf(Locale.ROOT, "FMA peak of one core, measured now: %.1f GFLOPS; the median inference ran at %.0f %% of %d x that%n",
                    peak, 100 * gflops / (peak * t), t);
            if (together != null) {
                double share = together[1] / (t * peak);
                out.printf(Locale.ROOT, "FMA loop on %d threads at once, measured now: median %.1f GFLOPS (best %.1f), %.2f x %d cores%s%n", t,
                        together[1], together[0], share, t, share < 0.8
                                ? ": the threads did not each have a core to themselves (shared vCPUs or a busy neighbour); multi-thread timings from this machine now understate the code"
                                : "");
            }
        }

        Map<String, Object> check = null;
        int code = 0;
        if (!noCheck) {
            // The reference network takes about a second per image: a large batch is checked on its first CHECK_IMAGES
            // images (no image's output depends on its batch mates; SessionTest checks that bit for bit).
            int checked = Math.min(batch, CHECK_IMAGES);
            out.printf(Locale.ROOT, "checking %s against the reference kernels (scalar, double accumulation)...%n",
                    checked == batch ? (batch == 1 ? "the output" : "all " + batch + " images") : "images 1-" + checked + " of " + batch);
            out.flush();
            Model ref = loaded.model(Backend.REFERENCE);
            float[] expected = BatchBuffers.floats("the reference output", checked, fast.outputLength());
            try (Session s = ref.newSession(checked, 1)) {
                s.run(input, expected); // the first `checked` images of the input
            }
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - probs[i]));
            }
            boolean sameTop = true;
            for (int n = 0; n < checked; n++) {
                sameTop &= Arrays.equals(ImageClassifier.topIndices(expected, n * fast.outputLength(), fast.outputLength(), 5),
                        ImageClassifier.topIndices(probs, n * fast.outputLength(), fast.outputLength(), 5));
            }
            out.printf(Locale.ROOT, "check: max |output difference| %.3g, top-5 classes %s%n", maxDiff, sameTop ? "identical" : "DIFFER");
            check = new LinkedHashMap<>();
            check.put("max_abs_difference", maxDiff);
            check.put("top5_identical", sameTop);
            check.put("images_checked", checked);
            code = sameTop ? 0 : 4;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "mobilevec-bench/1");
            doc.put("model", fast.arch().toString());
            doc.put("weights", loaded.source());
            doc.put("batch", batch);
            doc.put("threads", t);
            doc.put("schedule", schedule.name());
            doc.put("batched_tail_from", tailFrom); // first layer run over the whole batch at once, or null
            doc.put("activation_bytes", arenaBytes);
            doc.put("fused_blocks", fused);
            doc.put("vector_bits", Lanes.bits());
            doc.put("vector_registers", Lanes.REGISTERS);
            doc.put("tiles_for_half_rate_fma512", Lanes.FMA512_HALF_RATE); // the CPU guess (or -Dmobilevec.fma512) the tiles follow
            doc.put("aligned_64", HeapAlignment.FLOAT_OFFSET > 0);
            doc.put("weights_aligned", HeapAlignment.ALLOCATES_ALIGNED);
            doc.put("huge_pages", HeapAlignment.TRANSPARENT_HUGE_PAGES || "always".equals(THP_MODE));
            doc.put("counted_loop_safepoints", CountedLoopSafepoints.ON); // null where the JVM does not say
            doc.put("buffers_aligned", buffersAligned);
            doc.put("warmup", warmup);
            doc.put("iterations", iterations);
            Map<String, Object> lat = new LinkedHashMap<>();
            lat.put("median", median);
            lat.put("p90", pct(sorted, 90) / 1e6);
            lat.put("p99", pct(sorted, 99) / 1e6);
            lat.put("min", sorted[0] / 1e6);
            doc.put("latency_ms", lat);
            doc.put("outside_layers_us", outsideUs); // median over the timed runs of wall time minus the layers' sum
            doc.put("input_read_in_place", inPlace); // the first layer reads the caller's NHWC array: no input copy
            doc.put("images_per_second", batch / median * 1e3);
            doc.put("mflop_per_image", flops / 1e6 / batch);
            doc.put("gflops", gflops);
            doc.put("fma_peak_gflops_per_core", peak);
            doc.put("fraction_of_peak", gflops / (peak * t));
            doc.put("layers", rows);
            doc.put("check", check);
            doc.put("fingerprint", fingerprint);
            stdout.println(MachineFingerprint.toJson(doc));
            stdout.flush();
        }
        return code;
    }

    /** Per-layer samples kept for the median: 64 layers x 4096 runs is 2 MB, whatever --iterations asks. */
    static final int LAYER_SAMPLES = 4096;

    /** Images of a batch the reference network checks (the first ones): it takes about a second per image. */
    static final int CHECK_IMAGES = 8;

    /** Two longs per timed run are kept (160 MB at this count): hours of runs even for the smallest model. */
    static final int MAX_ITERATIONS = 10_000_000;

    /** What is 64-byte aligned in this JVM (see HeapAlignment), and what the flag would add. */
    static String alignmentLine(boolean buffersAligned) {
        if (HeapAlignment.FLOAT_OFFSET > 0) {
            return "weights and activations 64-byte aligned (-XX:ObjectAlignmentInBytes=64)";
        }
        if (HeapAlignment.ALLOCATES_ALIGNED) {
            return "weights 64-byte aligned (G1 region-aligned arrays), activation buffers "
                    + (buffersAligned ? "too" : "not (each under half a G1 region)")
                    + "; -XX:ObjectAlignmentInBytes=64 aligns everything (README, 64-byte alignment)";
        }
        return "weights and activations not aligned: neither G1 nor -XX:ObjectAlignmentInBytes=64 (4-18 % slower, README)";
    }

    /** The kernel's transparent-huge-page mode, read once: the bench line and the JSON say the same. */
    static final String THP_MODE = thpMode();

    /** The kernel's transparent-huge-page mode (always, madvise, never), or null where there is no such file. */
    static String thpMode() {
        try {
            String s = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            int a = s.indexOf('['), b = s.indexOf(']');
            return a >= 0 && b > a ? s.substring(a + 1, b) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Which pages the Java heap is on, and what the flag would change (README, "Huge pages"). */
    static String pagesLine(boolean jvmFlag, String thpMode) {
        if (jvmFlag) {
            return "Java heap on 2 MB transparent huge pages (-XX:+UseTransparentHugePages)";
        }
        if ("always".equals(thpMode)) {
            return "Java heap on transparent huge pages where the kernel finds them (THP mode always)";
        }
        if ("madvise".equals(thpMode)) {
            return "Java heap on 4 KB pages: -XX:+UseTransparentHugePages puts it on 2 MB pages (1-2 % faster, README)";
        }
        return thpMode == null ? "Java heap on the OS's default pages (no transparent huge pages found)"
                : "Java heap on 4 KB pages (the kernel's transparent huge pages are " + thpMode + ")";
    }

    /** Whether C2 keeps safepoints in counted loops here, and the flags when it does not (see CountedLoopSafepoints). */
    static String loopLine(Boolean on) {
        if (on == null) {
            return "counted-loop safepoints unknown (not HotSpot's C2)";
        }
        return on ? "counted-loop safepoints on (G1's default, or " + CountedLoopSafepoints.FLAGS + ")"
                : "counted-loop safepoints off (the Serial and Parallel collectors' default): C2 then spills the short-K 1x1"
                + " tiles, up to 1.7x slower; add " + CountedLoopSafepoints.FLAGS + " (README, Counted-loop safepoints)";
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
