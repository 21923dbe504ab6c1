package dev.mobilevec.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.network.AdjointBound;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.PropagatedBound;
import dev.mobilevec.network.Session;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imported models against PyTorch (test-data/, made by test-data/generate.py).
 *
 * <p>Tolerance, per model and per output element, from {@link AdjointBound}: B is the first-order
 * bound on the distance of any float32 evaluation with our per-layer error budget (fast kernels and
 * reference kernels alike) from the exact result of the float32 model. PyTorch's float64 run is
 * that exact result to ~1e-16 relative. So |ours - PyTorch float64| <= c B with c = 2 for the
 * second-order terms (stated here, not tuned).
 */
class OnnxGoldenTest {

    static List<GoldenData.Case> cases() {
        return GoldenData.cases();
    }

    static float[] run(Model m, GoldenData.Case c, int threads, Layout layout, float[] input) {
        float[] out = new float[c.outputLength()];
        try (Session s = m.newSession(1, threads)) {
            s.run(input, 0, layout, out, 0, null);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchWithinDerivedBoundAndTop5(GoldenData.Case c) throws IOException {
        OnnxImporter.Imported imp = OnnxImporter.read(c.model());
        assertEquals(c.opset(), imp.opset());
        int[] s = c.inputShape();
        assertEquals(s[1], imp.arch().inputChannels());
        assertEquals(s[2], imp.arch().height());
        assertEquals(s[3], imp.arch().width());
        Model fast = imp.model(Backend.FAST), ref = imp.model(Backend.REFERENCE);
        assertEquals(c.outputLength(), fast.outputLength());

        float[] nhwc = GoldenData.nchwToNhwc(c.inputNchw(), s[0], s[1], s[2], s[3]);
        AdjointBound ab = new AdjointBound(fast, 1, nhwc);
        double[] bound = ab.bound();

        float[] gotRef = run(ref, c, 1, Layout.NCHW, c.inputNchw());
        // The session's graph plumbing (buffers, residuals, SE) gives exactly the layer-by-layer walk.
        assertArrayEquals(ab.reference(), gotRef, "reference session vs layer-by-layer reference walk");
        PropagatedBound.assertWithin(c + ": reference vs PyTorch float64", c.expected64(), gotRef, bound, 2);

        float[] fast1 = run(fast, c, 1, Layout.NCHW, c.inputNchw());
        PropagatedBound.assertWithin(c + ": fast vs PyTorch float64", c.expected64(), fast1, bound, 2);
        System.out.printf("%s: max |fast - torch64| / bound = %.3g, max bound %.3g%n", c, maxRatio(c.expected64(), fast1, bound),
                java.util.Arrays.stream(bound).max().orElse(0));
        assertEquals(c.top5(), GoldenData.topK(fast1, 5), c + ": top-5 order");
        assertEquals(c.top5(), GoldenData.topK(gotRef, 5), c + ": top-5 order (reference)");

        // Same bits with 2 threads and with the input given as NHWC. One thread runs the blocks band by band (3x3 and
        // 5x5, stride 1 and 2; squeeze-excitation blocks as expansion > depthwise, the depthwise output whole): the
        // same bits as no fusion. Every golden graph has blocks to fuse.
        assertArrayEquals(fast1, run(fast, c, 2, Layout.NCHW, c.inputNchw()), "2 threads");
        float[] unfused = new float[c.outputLength()];
        try (Session plain = fast.newSession(1, 1, dev.mobilevec.network.Schedule.AUTO, false)) {
            plain.run(c.inputNchw(), 0, Layout.NCHW, unfused, 0, null);
        }
        assertArrayEquals(fast1, unfused, "fused blocks vs layer by layer");
        try (Session fused = fast.newSession(1, 1)) {
            System.out.printf("%s: %d blocks fused%n", c, fused.fusedBlocks().size());
            assertTrue(!fused.fusedBlocks().isEmpty(), c + ": no fused block");
        }
        assertArrayEquals(fast1, run(fast, c, 1, Layout.NHWC, nhwc), "NHWC input");
    }

    static double maxRatio(double[] expected, float[] actual, double[] bound) {
        double r = 0;
        for (int i = 0; i < expected.length; i++) {
            r = Math.max(r, Math.abs(expected[i] - actual[i]) / bound[i]);
        }
        return r;
    }

    /**
     * Our native MobileNetV2 layer table is torchvision's graph: the same layers, shapes, strides,
     * pads, activations and residual edges as the imported torchvision model; with its weights the
     * native network gives the imported one's output bit for bit.
     */
    @org.junit.jupiter.api.Test
    void nativeMobileNetV2IsTorchvisionsGraph() throws IOException {
        GoldenData.Case c = cases().stream().filter(k -> k.name().startsWith("mobilenet_v2")).findFirst().orElseThrow();
        OnnxImporter.Imported imp = OnnxImporter.read(c.model());
        dev.mobilevec.network.MobileNetV2 v2 = new dev.mobilevec.network.MobileNetV2(0.5, 160, 160, 100);
        List<dev.mobilevec.network.LayerDef> ours = v2.layers(), theirs = imp.arch().layers();
        assertEquals(ours.size() - 1, theirs.size(), "ours ends in softmax, the export in Gemm");
        for (int i = 0; i < theirs.size(); i++) {
            var a = ours.get(i);
            var b = theirs.get(i);
            String where = "layer " + i + " (" + a.name() + " / " + b.name() + ")";
            assertEquals(a.type(), b.type(), where);
            assertEquals(a.conv(), b.conv(), where);
            assertEquals(a.activation(), b.activation(), where);
            // Add is commutative (in float too): compare operands as a set.
            assertEquals(new java.util.HashSet<>(List.of(a.input(), a.input2())), new java.util.HashSet<>(List.of(b.input(), b.input2())), where);
        }
        float[][] w = new float[ours.size()][], bias = new float[ours.size()][];
        Model imported = imp.model(Backend.FAST);
        for (int i = 0; i < theirs.size(); i++) {
            w[i] = imported.foldedWeights(i);
            bias[i] = imported.foldedBias(i);
        }
        Model nat = Model.fromFolded(v2, w, bias, Backend.FAST);
        float[] logits = run(imported, c, 1, Layout.NCHW, c.inputNchw());
        float[] probs = new float[100];
        try (Session s = nat.newSession(1, 1)) {
            s.run(c.inputNchw(), 0, Layout.NCHW, probs, 0, null);
        }
        float[] expected = new float[100];
        dev.mobilevec.kernels.VectorTensorOps.INSTANCE.softmax(1, 100, logits, 0, expected, 0);
        assertArrayEquals(expected, probs);
    }

    /** The imported torchvision MobileNetV2: bitwise the same over thread counts, and an image's output does not depend on its batch. */
    @org.junit.jupiter.api.Test
    void importedV2IsDeterministicAcrossThreadsAndBatches() throws IOException {
        GoldenData.Case c = cases().stream().filter(k -> k.name().startsWith("mobilenet_v2")).findFirst().orElseThrow();
        Model fast = OnnxImporter.read(c.model()).model(Backend.FAST);
        int n = 3, len = fast.arch().inputLength(), outLen = fast.outputLength();
        float[] batch = new float[n * len];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] base = new float[n * outLen];
        try (Session s = fast.newSession(n, 1)) {
            s.run(batch, 0, Layout.NCHW, base, 0, null);
        }
        for (int threads = 2; threads <= 3; threads++) {
            float[] out = new float[n * outLen];
            try (Session s = fast.newSession(n, threads)) {
                s.run(batch, 0, Layout.NCHW, out, 0, null);
            }
            assertArrayEquals(base, out, threads + " threads");
        }
        for (int img = 0; img < n; img++) {
            float[] one = new float[outLen];
            try (Session s = fast.newSession(1, 2)) {
                s.run(java.util.Arrays.copyOfRange(batch, img * len, (img + 1) * len), 0, Layout.NCHW, one, 0, null);
            }
            assertArrayEquals(java.util.Arrays.copyOfRange(base, img * outLen, (img + 1) * outLen), one, "image " + img + " alone");
        }
    }
}
