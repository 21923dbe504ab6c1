package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Squeeze-excitation blocks fused as expansion > depthwise: the expanded tensor lives in a band window and the
 * depthwise layer writes its output band by band into the arena, where the pooling and the scaling read it whole.
 * The network here has the MobileNetV3 shapes that matter: a first 3x3 convolution feeding a stride-2 3x3 depthwise
 * layer with SE (V3-small's first block), a 5x5 stride-1 block with SE and a residual, a 5x5 stride-2 block with SE,
 * and a block without SE (a whole depthwise-separable block) between them.
 */
class SqueezeExcitationFusionTest {

    /** A small MobileNetV3-like table. */
    record SeNet(int height, int width) implements Architecture {
        @Override
        public int inputChannels() {
            return 3;
        }

        @Override
        public List<LayerDef> layers() {
            List<LayerDef> t = new ArrayList<>();
            ConvSpec stem = ConvSpec.full(height, width, 3, 16, 3, 2, 1, 1, 1, 1);
            int x = conv(t, "conv0", LayerType.CONV3X3, stem, Activation.HARDSWISH, -1);
            // V3-small's first block: the stem feeds a stride-2 3x3 depthwise layer with SE, then a projection.
            int d = conv(t, "b1.dw", LayerType.DEPTHWISE, dw(stem.outH(), stem.outW(), 16, 3, 2), Activation.RELU, x);
            int h = t.get(d).outH(), w = t.get(d).outW();
            x = conv(t, "b1.project", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 16, 16), Activation.NONE, squeeze(t, "b1", d, 8));
            // 5x5 stride 1 with SE and a residual.
            int e = conv(t, "b2.expand", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 16, 48), Activation.HARDSWISH, x);
            d = conv(t, "b2.dw", LayerType.DEPTHWISE, dw(h, w, 48, 5, 1), Activation.HARDSWISH, e);
            int p = conv(t, "b2.project", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 48, 16), Activation.NONE, squeeze(t, "b2", d, 16));
            t.add(new LayerDef(t.size(), "b2.add", LayerType.ADD, null, Activation.NONE, h, w, 16, h, w, 16, p, x));
            x = t.size() - 1;
            // A block without SE: fused whole (expansion > depthwise > projection).
            e = conv(t, "b3.expand", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 16, 40), Activation.RELU, x);
            d = conv(t, "b3.dw", LayerType.DEPTHWISE, dw(h, w, 40, 3, 1), Activation.RELU, e);
            x = conv(t, "b3.project", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 40, 24), Activation.NONE, d);
            // 5x5 stride 2 with SE.
            e = conv(t, "b4.expand", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 24, 72), Activation.HARDSWISH, x);
            d = conv(t, "b4.dw", LayerType.DEPTHWISE, dw(h, w, 72, 5, 2), Activation.HARDSWISH, e);
            h = t.get(d).outH();
            w = t.get(d).outW();
            x = conv(t, "b4.project", LayerType.POINTWISE, ConvSpec.pointwise(h, w, 72, 32), Activation.NONE, squeeze(t, "b4", d, 24));
            t.add(new LayerDef(t.size(), "avgpool", LayerType.AVGPOOL, null, Activation.NONE, h, w, 32, 1, 1, 32, x, -1));
            conv(t, "fc", LayerType.FC, ConvSpec.pointwise(1, 1, 32, 10), Activation.NONE, t.size() - 1);
            t.add(new LayerDef(t.size(), "softmax", LayerType.SOFTMAX, null, Activation.NONE, 1, 1, 10, 1, 1, 10));
            return List.copyOf(t);
        }

        private static ConvSpec dw(int h, int w, int c, int k, int stride) {
            int pad = k / 2;
            return new ConvSpec(h, w, c, c, k, k, stride, stride, pad, pad, pad, pad, c);
        }

        private static int conv(List<LayerDef> t, String name, LayerType type, ConvSpec s, Activation act, int input) {
            t.add(new LayerDef(t.size(), name, type, s, act, s.inH(), s.inW(), s.inC(), s.outH(), s.outW(), s.outC(), input, -1));
            return t.size() - 1;
        }

        /** Pool, reduce (ReLU), expand (hard sigmoid), scale the depthwise output d: returns the scaled layer. */
        private static int squeeze(List<LayerDef> t, String name, int d, int reduced) {
            LayerDef l = t.get(d);
            int c = l.outC();
            t.add(new LayerDef(t.size(), name + ".pool", LayerType.AVGPOOL, null, Activation.NONE, l.outH(), l.outW(), c, 1, 1, c, d, -1));
            int r = conv(t, name + ".fc1", LayerType.POINTWISE, ConvSpec.pointwise(1, 1, c, reduced), Activation.RELU, t.size() - 1);
            int g = conv(t, name + ".fc2", LayerType.POINTWISE, ConvSpec.pointwise(1, 1, reduced, c), Activation.HARDSIGMOID, r);
            t.add(new LayerDef(t.size(), name + ".scale", LayerType.SCALE, null, Activation.NONE, l.outH(), l.outW(), c,
                    l.outH(), l.outW(), c, d, g));
            return t.size() - 1;
        }

        @Override
        public Architecture withInput(int h, int w) {
            return new SeNet(h, w);
        }

        @Override
        public String family() {
            return "se_test";
        }
    }

    // 16 x 14 pixels after the two stride-2 layers: enough row blocks that the expansions run by pixel blocks.
    static final SeNet NET = new SeNet(64, 56);
    static final Model MODEL = Model.create(NET, SeededWeights.generate(NET, 11), Backend.FAST);

    /** The plan: the three SE blocks as expansion (or conv0) > depthwise, and the plain block whole. */
    @Test
    void squeezeExcitationBlocksFuseTheirExpansionAndDepthwiseLayers() {
        LayerDef[] table = MODEL.layers().toArray(new LayerDef[0]);
        List<String> se = new ArrayList<>(), whole = new ArrayList<>();
        for (BlockChain c : BlockChain.find(MODEL, table, 1, 0)) {
            if (c == null) {
                continue;
            }
            assertEquals(c.depthwise() - 1, c.expand(), c.describe(table));
            if (c.windowsDepthwise()) {
                assertEquals(c.depthwise() + 1, c.project());
                whole.add(table[c.depthwise()].name());
            } else {
                assertEquals(-1, c.project());
                assertEquals(c.depthwise(), c.last());
                assertTrue(c.describe(table).endsWith("(depthwise output whole)"), c.describe(table));
                se.add(table[c.depthwise()].name());
            }
        }
        assertEquals(List.of("b1.dw", "b2.dw", "b4.dw"), se);
        assertEquals(List.of("b3.dw"), whole);
        // Only the expanded tensors leave the arena: the depthwise outputs keep their buffers.
        int[] assignment = new int[table.length];
        Session.assignBuffers(table, assignment, BlockChain.find(MODEL, table, 1, 0));
        for (String name : List.of("conv0", "b2.expand", "b4.expand", "b3.expand", "b3.dw")) {
            assertEquals(-1, assignment[index(table, name)], name);
        }
        for (String name : List.of("b1.dw", "b2.dw", "b4.dw")) {
            assertTrue(assignment[index(table, name)] >= 0, name);
        }
    }

    /**
     * Fused, the network gives the bits of its layers run one by one: band heights 1, 2, 3, 5, 64 and automatic,
     * batches 1 and 3, 1 to 3 threads (layer-parallel parts cut the depthwise rows), both schedules, timed and
     * untimed; and the SE blocks' depthwise outputs, whole in the arena, can be tapped with the same bits.
     */
    @Test
    void fusedSqueezeExcitationBlocksGiveTheBitsOfLayerByLayer() {
        int len = NET.inputLength(), classes = MODEL.outputLength();
        LayerDef[] table = MODEL.layers().toArray(new LayerDef[0]);
        int[] taps = {index(table, "b1.dw"), index(table, "b4.dw")};
        for (int batch : new int[] {1, 3}) {
            float[] input = NetworkEquivalenceTest.image(batch * len, 70 + batch);
            float[] base = new float[batch * classes];
            float[][] baseTaps = tapBuffers(table, taps, batch);
            try (Session s = new Session(MODEL, batch, 1, Schedule.LAYER_PARALLEL, false)) {
                assertTrue(s.fusedBlocks().isEmpty());
                s.run(input, 0, Layout.NHWC, base, 0, null, taps, baseTaps);
            }
            for (int band : new int[] {1, 2, 3, 5, 64, 0}) {
                for (int threads = 1; threads <= 3; threads++) {
                    for (Schedule schedule : new Schedule[] {Schedule.LAYER_PARALLEL, Schedule.IMAGE_PARALLEL}) {
                        String what = "batch " + batch + ", band " + band + ", " + threads + " threads, " + schedule;
                        try (Session s = new Session(MODEL, batch, threads, schedule, true, Alignment.ARENA_OFFSET, band)) {
                            assertEquals(4, s.fusedBlocks().size(), what);
                            float[] out = new float[base.length];
                            float[][] got = tapBuffers(table, taps, batch);
                            s.run(input, 0, Layout.NHWC, out, 0, null, taps, got);
                            assertArrayEquals(base, out, what);
                            for (int i = 0; i < taps.length; i++) {
                                assertArrayEquals(baseTaps[i], got[i], "tap " + table[taps[i]].name() + ": " + what);
                            }
                            java.util.Arrays.fill(out, 0);
                            long[] nanos = new long[table.length];
                            s.run(input, 0, Layout.NHWC, out, 0, nanos);
                            assertArrayEquals(base, out, "timed: " + what);
                            for (int l : new int[] {index(table, "b2.expand"), index(table, "b2.dw")}) {
                                assertTrue(nanos[l] > 0, "timed: " + table[l].name() + " has no time: " + what);
                            }
                        }
                    }
                }
            }
        }
    }

    private static float[][] tapBuffers(LayerDef[] table, int[] taps, int batch) {
        float[][] b = new float[taps.length][];
        for (int i = 0; i < taps.length; i++) {
            b[i] = new float[batch * table[taps[i]].outputLength()];
        }
        return b;
    }

    private static int index(LayerDef[] table, String name) {
        for (LayerDef l : table) {
            if (l.name().equals(name)) {
                return l.index();
            }
        }
        throw new IllegalArgumentException(name);
    }
}
