package dev.mobilevec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void costPrintsThePaperTotals() {
        Result r = cli("cost");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MACs 568.7 M"), r.out());
        assertTrue(r.out().contains("params 4.22 M"), r.out());
        assertTrue(r.out().contains("block13.pw"), r.out());
        Result c = cli("cost", "--alpha", "0.5", "--compare", "28,3,5,64");
        assertTrue(c.out().contains("MACs 149.5 M"), c.out());
        assertTrue(c.out().contains("3,763,200"), c.out());
        assertTrue(c.out().contains("0.0556"), c.out());
    }

    @Test
    void badFlagsGiveAOneLineReasonAndUsageNotAStackTrace() {
        Result r = cli("bench", "--alpha", "abc");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("mobilevec: Invalid value for option '--alpha'"), r.err());
        assertTrue(r.err().contains("Usage:"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());

        Result bad = cli("cost", "--resolution", "16");
        assertEquals(1, bad.code());
        assertEquals("mobilevec: input must be at least 32x32, got 16x16", bad.err().lines().findFirst().orElse(""));
        assertFalse(bad.err().contains("\tat "), bad.err());

        assertEquals(2, cli("frobnicate").code());
    }

    @Test
    void runWritesProbabilitiesAndChecksTheInputSize(@TempDir Path dir) throws Exception {
        int h = 40, w = 36, n = 2;
        ByteBuffer b = ByteBuffer.allocate(4 * n * h * w * 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n * h * w * 3; i++) {
            b.putFloat((i % 17) / 17f);
        }
        Path in = dir.resolve("in.raw"), out = dir.resolve("out.raw");
        Files.write(in, b.array());
        Result r = cli("run", "--seed", "5", "--alpha", "0.25", "--resolution", h + "x" + w, "--batch", "2",
                "--input", in.toString(), "--output", out.toString(), "--layout", "nchw");
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(out);
        assertEquals(4 * n * 1000, bytes.length);
        ByteBuffer o = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += o.getFloat(4 * i);
        }
        assertEquals(1.0, sum, 1e-4);

        Result wrong = cli("run", "--seed", "5", "--alpha", "0.25", "--resolution", h + "x" + w, "--batch", "3",
                "--input", in.toString(), "--output", out.toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("has " + (4 * n * h * w * 3) + " bytes") && wrong.err().contains("needs " + (4 * 3 * h * w * 3) + " bytes"),
                wrong.err());
    }

    @Test
    void weightsWrittenByTheCliLoadBackIntoRun(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.safetensors");
        Result r = cli("weights", "--alpha", "0.25", "--seed", "9", "--output", w.toString());
        assertEquals(0, r.code(), r.err());
        Path in = dir.resolve("in.raw"), a = dir.resolve("a.raw"), b = dir.resolve("b.raw");
        Files.write(in, new byte[4 * 32 * 32 * 3]);
        assertEquals(0, cli("run", "--weights", w.toString(), "--resolution", "32", "--input", in.toString(), "--output", a.toString()).code());
        assertEquals(0, cli("run", "--seed", "9", "--alpha", "0.25", "--resolution", "32", "--input", in.toString(), "--output", b.toString()).code());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), "file weights = seeded weights");
        // The same weights as an ONNX graph (folded batch norm): the importer gets the same folded floats, so the same bits.
        Path onnx = dir.resolve("w.onnx"), c = dir.resolve("c.raw");
        Result o = cli("weights", "--alpha", "0.25", "--seed", "9", "--resolution", "32", "--output", onnx.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("as ONNX to"), o.out());
        assertEquals(0, cli("run", "--model", onnx.toString(), "--input", in.toString(), "--output", c.toString()).code());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(c), "ONNX export = seeded weights");
        Result missing = cli("run", "--weights", dir.resolve("nope.safetensors").toString(), "--input", in.toString(), "--output", a.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void benchRunsEndToEndAndChecksAgainstTheReference() {
        Result r = cli("bench", "--alpha", "0.25", "--resolution", "64", "--warmup", "2", "--iterations", "3", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("latency per batch of 1: median"), r.out());
        assertTrue(r.out().contains("top-5 classes identical"), r.out());
        assertTrue(r.out().contains("FMA peak of one core, measured now"), r.out());
        assertTrue(r.out().contains("FMA loop on 2 threads at once, measured now: median "), "with --threads 2, whether they had two cores: " + r.out());
        assertTrue(r.out().contains("block13.pw"), r.out());
        assertTrue(r.out().contains("outside the layers (the output copy; the first layer reads the NHWC input where it lies, hand-offs between threads): median "), r.out());
        // The test JVM runs with the default object alignment: bench says what it could align anyway (G1's region-aligned
        // arrays, when the JVM chose G1) and what the flag would add.
        assertTrue(r.out().contains(dev.mobilevec.kernels.HeapAlignment.ALLOCATES_ALIGNED
                ? "weights 64-byte aligned (G1 region-aligned arrays), activation buffers"
                : "weights and activations not aligned: neither G1 nor -XX:ObjectAlignmentInBytes=64"), r.out());
        assertTrue(r.out().contains("-XX:ObjectAlignmentInBytes=64"), r.out());
        // And which pages the heap is on: the line for this JVM's flag and this kernel's THP mode.
        assertTrue(r.out().contains(BenchCommand.pagesLine(dev.mobilevec.kernels.HeapAlignment.TRANSPARENT_HUGE_PAGES,
                BenchCommand.thpMode())), r.out());
        // And whether C2 keeps safepoints in counted loops in this JVM.
        assertTrue(r.out().contains(BenchCommand.loopLine(dev.mobilevec.kernels.CountedLoopSafepoints.ON)), r.out());
    }

    @Test
    void loopLineGivesTheFlagsOnlyWhereCountedLoopsHaveNoSafepoints() {
        assertTrue(BenchCommand.loopLine(true).startsWith("counted-loop safepoints on"));
        assertTrue(BenchCommand.loopLine(false).contains("add -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000"),
                BenchCommand.loopLine(false));
        assertTrue(BenchCommand.loopLine(null).contains("unknown"));
    }

    @Test
    void pagesLineNamesTheFlagOnlyWhereTheKernelOffersHugePages() {
        assertEquals("Java heap on 2 MB transparent huge pages (-XX:+UseTransparentHugePages)",
                BenchCommand.pagesLine(true, "madvise"));
        assertTrue(BenchCommand.pagesLine(false, "madvise").contains("-XX:+UseTransparentHugePages puts it on 2 MB pages"));
        assertTrue(BenchCommand.pagesLine(false, "always").contains("THP mode always"));
        assertFalse(BenchCommand.pagesLine(false, "never").contains("-XX:+UseTransparentHugePages"));
        assertTrue(BenchCommand.pagesLine(false, "never").contains("are never"));
        assertTrue(BenchCommand.pagesLine(false, null).contains("no transparent huge pages found"));
    }

    static Path testData(String name) {
        Path p = Path.of("test-data", name);
        return Files.exists(p) ? p : Path.of("../test-data", name);
    }

    @Test
    void costOfV2AndInspectOfAnOnnxModel() {
        Result v2 = cli("cost", "--arch", "v2");
        assertEquals(0, v2.code(), v2.err());
        assertTrue(v2.out().contains("MACs 300.8 M"), v2.out());
        assertTrue(v2.out().contains("block17.project"), v2.out());
        Result bad = cli("cost", "--arch", "v9");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--arch must be v1 or v2, got 'v9'"), bad.err());

        Result in = cli("inspect", "--model", testData("mobilenet_v3_small_128.onnx").toString());
        assertEquals(0, in.code(), in.err());
        assertTrue(in.out().contains("opset 17"), in.out());
        assertTrue(in.out().contains("dw5x5"), in.out());
        assertTrue(in.out().contains("hardswish"), in.out());
        assertTrue(in.out().contains("scale"), in.out());
    }

    @Test
    void runWithAnOnnxModelWritesTheDeclaredOutput(@TempDir Path dir) throws Exception {
        Path model = testData("mobilenet_v1_0.25_96.onnx"), input = testData("mobilenet_v1_0.25_96.input.f32");
        Path out = dir.resolve("out.raw");
        Result r = cli("run", "--model", model.toString(), "--input", input.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 * 10, b.capacity(), "10 probabilities, as the graph declares [N, 10]");
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += b.getFloat();
        }
        assertEquals(1.0, sum, 1e-5);

        Result wrong = cli("run", "--model", model.toString(), "--input", model.toString(), "--output", out.toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("3x96x96 (nchw) float32 needs 110592 bytes"), wrong.err());
        Result both = cli("run", "--model", model.toString(), "--weights", "w.safetensors", "--input", input.toString(),
                "--output", out.toString());
        assertTrue(both.err().contains("--model and --weights exclude each other"), both.err());
        Result missing = cli("inspect", "--model", dir.resolve("nope.onnx").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Path junk = dir.resolve("junk.onnx");
        Files.write(junk, new byte[] {0x0a, (byte) 0xff, (byte) 0xff, 0x7f});
        Result j = cli("inspect", "--model", junk.toString());
        assertEquals(1, j.code());
        assertTrue(j.err().contains("not an ONNX model"), j.err());
        assertFalse(j.err().contains("\tat "), j.err());
    }

    /** --json: one JSON document on stdout with the latency, the per-layer table, the check and the fingerprint. */
    @Test
    @SuppressWarnings("unchecked")
    void benchJsonIsOneDocumentWithTheFingerprint() {
        Result r = cli("bench", "--alpha", "0.25", "--resolution", "40", "--threads", "1", "--warmup", "2", "--iterations", "3", "--json");
        assertEquals(0, r.code(), r.err());
        java.util.Map<String, Object> doc = (java.util.Map<String, Object>) dev.mobilevec.network.internal.Json.parse(r.out());
        assertEquals("mobilevec-bench/1", doc.get("schema"));
        assertEquals(false, doc.get("aligned_64"), "the test JVM runs with the default object alignment");
        assertEquals(dev.mobilevec.kernels.HeapAlignment.ALLOCATES_ALIGNED, doc.get("weights_aligned"));
        assertEquals(dev.mobilevec.kernels.HeapAlignment.TRANSPARENT_HUGE_PAGES || "always".equals(BenchCommand.thpMode()),
                doc.get("huge_pages"), "the test JVM runs without the flag: huge pages only in THP mode always");
        assertTrue(doc.get("buffers_aligned") instanceof Boolean, "buffers_aligned: " + doc.get("buffers_aligned"));
        assertEquals(dev.mobilevec.kernels.CountedLoopSafepoints.ON, doc.get("counted_loop_safepoints"));
        assertEquals(dev.mobilevec.kernels.Lanes.FMA512_HALF_RATE, doc.get("tiles_for_half_rate_fma512"));
        assertEquals(30L, (long) ((java.util.List<?>) doc.get("layers")).size(), "v1 has 30 layers");
        assertTrue(doc.containsKey("batched_tail_from") && doc.get("batched_tail_from") == null, "batch 1 has no batched tail");
        java.util.Map<String, Object> lat = (java.util.Map<String, Object>) doc.get("latency_ms");
        assertTrue(((Number) lat.get("median")).doubleValue() > 0 && ((Number) lat.get("p99")).doubleValue() >= ((Number) lat.get("median")).doubleValue());
        // Wall time minus the layers' sum, whose timers all run inside the call: positive (the output copy alone takes
        // time) and a part of an inference, so below the p99 latency.
        assertEquals(true, doc.get("input_read_in_place"), "v1's first convolution reads the NHWC input where it lies");
        double outside = ((Number) doc.get("outside_layers_us")).doubleValue();
        assertTrue(outside > 0 && outside < 1e3 * ((Number) lat.get("p99")).doubleValue(), "outside_layers_us " + outside + ", latency " + lat);
        assertEquals(true, ((java.util.Map<String, Object>) doc.get("check")).get("top5_identical"));
        assertEquals(1L, ((java.util.Map<String, Object>) doc.get("check")).get("images_checked"));
        java.util.Map<String, Object> fp = (java.util.Map<String, Object>) doc.get("fingerprint");
        assertEquals("mobilevec-fingerprint/1", fp.get("schema"));
        assertEquals(1L, fp.get("threads_used"));
        assertTrue(((java.util.Map<String, Object>) fp.get("measured")).get("fma_peak_gflops") instanceof Number, fp.toString());
        assertTrue(r.err().contains("measuring 3 inferences"), "progress goes to stderr: " + r.err());
    }

    /**
     * The reference network takes about a second per image, so a batch is checked on its first CHECK_IMAGES images
     * (each image's output is independent of its batch mates): the images compared are those, the output says so.
     */
    @Test
    @SuppressWarnings("unchecked")
    void benchChecksTheFirstImagesOfALargeBatch() {
        for (int batch : new int[] {3, BenchCommand.CHECK_IMAGES + 2}) {
            Result r = cli("bench", "--alpha", "0.25", "--resolution", "40", "--threads", "2", "--batch", String.valueOf(batch),
                    "--warmup", "0", "--iterations", "1", "--json");
            assertEquals(0, r.code(), r.err());
            java.util.Map<String, Object> check = (java.util.Map<String, Object>)
                    ((java.util.Map<String, Object>) dev.mobilevec.network.internal.Json.parse(r.out())).get("check");
            int checked = Math.min(batch, BenchCommand.CHECK_IMAGES);
            assertEquals((long) checked, check.get("images_checked"));
            assertEquals(true, check.get("top5_identical"), check.toString());
            assertTrue(((Number) check.get("max_abs_difference")).doubleValue() < 1e-4, check.toString());
            assertTrue(r.err().contains(checked == batch ? "checking all " + batch + " images against the reference"
                    : "checking images 1-" + checked + " of " + batch + " against the reference"), r.err());
        }
    }

    /** A batch on one thread runs image by image, then its deepest layers over the whole batch: the JSON names where. */
    @Test
    @SuppressWarnings("unchecked")
    void benchJsonNamesTheBatchedTail() {
        Result r = cli("bench", "--alpha", "0.25", "--resolution", "40", "--threads", "1", "--batch", "3", "--warmup", "2",
                "--iterations", "3", "--no-check", "--json");
        assertEquals(0, r.code(), r.err());
        java.util.Map<String, Object> doc = (java.util.Map<String, Object>) dev.mobilevec.network.internal.Json.parse(r.out());
        assertEquals("IMAGE_PARALLEL", doc.get("schedule"));
        Object tail = doc.get("batched_tail_from");
        assertTrue(tail instanceof String name && ((java.util.List<java.util.Map<String, Object>>) doc.get("layers")).stream()
                .anyMatch(l -> name.equals(l.get("name"))), "batched_tail_from names a layer of the table: " + tail);
    }

    /** classify: one line per input, in order, errors included; exit 1 when any failed; labels-free model: null labels. */
    @Test
    void classifyPrintsOneJsonLinePerInputInOrder(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("imgs/sub"));
        Path src = Path.of("test-data", "images", "src");
        if (!Files.isDirectory(src)) {
            src = Path.of("..", "test-data", "images", "src");
        }
        Files.copy(src.resolve("chelsea.jpg"), dir.resolve("b.jpg"));
        Files.copy(src.resolve("palette_90x140.png"), tmp.resolve("imgs/a.png"));
        Files.writeString(dir.resolve("c.txt"), "not an image");
        Path model = src.resolve("../../mobilenet_v2_0.5_160.onnx").normalize();
        Result r = cli("classify", tmp.resolve("imgs").toString(), tmp.resolve("missing.jpg").toString(), "--model", model.toString(),
                "--json", "--top", "2", "--threads", "2", "--batch", "2");
        assertEquals(1, r.code(), r.err());
        java.util.List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"file\": \"" + tmp.resolve("imgs/a.png") + "\", \"top\": [{\"index\": "), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"file\": \"" + dir.resolve("b.jpg") + "\", \"top\": ["), lines.get(1));
        assertTrue(lines.get(1).contains("\"label\": null"), lines.get(1));
        assertEquals("{\"file\": \"" + dir.resolve("c.txt") + "\", \"error\": \"not an image this decoder reads (JPEG, PNG, BMP, GIF); 12 bytes\"}", lines.get(2));
        assertEquals("{\"file\": \"" + tmp.resolve("missing.jpg") + "\", \"error\": \"no such file\"}", lines.get(3));
        // Each line parses, and the scores are descending probabilities.
        for (String l : lines.subList(0, 2)) {
            java.util.Map<?, ?> o = (java.util.Map<?, ?>) dev.mobilevec.network.internal.Json.parse(l);
            java.util.List<?> top = (java.util.List<?>) o.get("top");
            double s0 = ((Number) ((java.util.Map<?, ?>) top.get(0)).get("score")).doubleValue();
            double s1 = ((Number) ((java.util.Map<?, ?>) top.get(1)).get("score")).doubleValue();
            assertTrue(s0 >= s1 && s0 <= 1 && s1 > 0, l);
        }
        // The same image alone, another batch size and thread count: the same line.
        Result one = cli("classify", dir.resolve("b.jpg").toString(), "--model", model.toString(), "--json", "--top", "2", "--threads", "1", "--batch", "1");
        assertEquals(0, one.code(), one.err());
        assertEquals(lines.get(1), one.out().strip());
    }

    /** preprocess writes torchvision's tensor bit for bit (golden: Resize(64), CenterCrop(56), ToTensor, Normalize). */
    @Test
    void preprocessWritesTorchvisionsTensor(@TempDir Path tmp) throws Exception {
        Path images = Files.isDirectory(Path.of("test-data", "images")) ? Path.of("test-data", "images") : Path.of("..", "test-data", "images");
        Path out = tmp.resolve("x.f32");
        Result r = cli("preprocess", images.resolve("src/coffee.jpg").toString(), "--output", out.toString(), "--resize", "64", "--crop", "56");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("9408 floats (1x3x56x56"), r.out());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(images.resolve("expected/coffee.r64c56.f32")), Files.readAllBytes(out)));
        Result bad = cli("preprocess", images.resolve("src/coffee.jpg").toString(), "--output", out.toString(), "--max-pixels", "1000");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("mobilevec: JPEG header declares 600x400 = 240000 pixels, more than the limit of 1000"), bad.err());
    }
}
