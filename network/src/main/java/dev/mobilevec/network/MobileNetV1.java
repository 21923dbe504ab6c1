package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.Checks;
import dev.mobilevec.kernels.ConvSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNet v1 (Howard et al. 2017, Table 1) as a layer table: a 3x3/s2 convolution to 32
 * channels, 13 depthwise-separable blocks, global average pooling, a fully connected layer and
 * softmax. Batch norm is folded into every convolution, so each convolution carries a bias; ReLU6
 * follows every convolution but the classifier.
 *
 * @param alpha   width multiplier: channels = max(8, floor(c * alpha))
 * @param height  input height (the resolution multiplier is just the input size), >= 32
 * @param width   input width, >= 32
 * @param classes classifier outputs
 */
public record MobileNetV1(double alpha, int height, int width, int classes, Padding padding) implements Architecture {

    /** Output channels and stride of the 13 depthwise-separable blocks. */
    static final int[][] BLOCKS = {
        {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
        {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
    static final int STEM = 32;
    public static final int MIN_SIZE = 32;

    public MobileNetV1 {
        if (!(alpha > 0) || alpha > 4 || Double.isNaN(alpha)) {
            throw new IllegalArgumentException("width multiplier alpha must be in (0, 4], got " + alpha);
        }
        if (height < MIN_SIZE || width < MIN_SIZE) {
            throw new IllegalArgumentException("input must be at least " + MIN_SIZE + "x" + MIN_SIZE + ", got " + height + "x" + width);
        }
        Checks.positive("classes", classes);
        if (padding == null) {
            throw new IllegalArgumentException("padding must not be null");
        }
        Checks.product("input image size (H*W*3)", height, width, 3);
    }

    public static MobileNetV1 standard(double alpha, int resolution) {
        return new MobileNetV1(alpha, resolution, resolution, 1000, Padding.SYMMETRIC);
    }

    public int channels(int c) {
        return Math.max(8, (int) Math.floor(c * alpha + 1e-9));
    }

    @Override
    public int inputChannels() {
        return 3;
    }

    @Override
    public MobileNetV1 withInput(int h, int w) {
        return new MobileNetV1(alpha, h, w, classes, padding);
    }

    @Override
    public String family() {
        return "mobilenet_v1";
    }

    /** The layer table. */
    @Override
    public List<LayerDef> layers() {
        List<LayerDef> t = new ArrayList<>();
        int h = height, w = width, c = 3;
        int oc = channels(STEM);
        ConvSpec stem = conv3x3(h, w, c, oc, 2, false);
        t.add(def(t, "conv0", LayerType.CONV3X3, stem, Activation.RELU6));
        h = stem.outH();
        w = stem.outW();
        c = oc;
        for (int b = 0; b < BLOCKS.length; b++) {
            int stride = BLOCKS[b][1];
            ConvSpec dw = conv3x3(h, w, c, c, stride, true);
            t.add(def(t, "block" + (b + 1) + ".dw", LayerType.DEPTHWISE, dw, Activation.RELU6));
            h = dw.outH();
            w = dw.outW();
            oc = channels(BLOCKS[b][0]);
            t.add(def(t, "block" + (b + 1) + ".pw", LayerType.POINTWISE, ConvSpec.pointwise(h, w, c, oc), Activation.RELU6));
            c = oc;
        }
        t.add(new LayerDef(t.size(), "avgpool", LayerType.AVGPOOL, null, Activation.NONE, h, w, c, 1, 1, c));
        t.add(def(t, "fc", LayerType.FC, ConvSpec.pointwise(1, 1, c, classes), Activation.NONE));
        t.add(new LayerDef(t.size(), "softmax", LayerType.SOFTMAX, null, Activation.NONE, 1, 1, classes, 1, 1, classes));
        return List.copyOf(t);
    }

    private ConvSpec conv3x3(int h, int w, int cin, int cout, int stride, boolean depthwise) {
        int[] py = padding.pads(h, 3, stride), px = padding.pads(w, 3, stride);
        return depthwise
                ? ConvSpec.depthwise3x3(h, w, cin, stride, py[0], px[0], py[1], px[1])
                : ConvSpec.full(h, w, cin, cout, 3, stride, py[0], px[0], py[1], px[1]);
    }

    private static LayerDef def(List<LayerDef> t, String name, LayerType type, ConvSpec s, Activation act) {
        return new LayerDef(t.size(), name, type, s, act, s.inH(), s.inW(), s.inC(), s.outH(), s.outW(), s.outC());
    }

    @Override
    public String toString() {
        return "MobileNet v1 " + alpha + "-" + (height == width ? String.valueOf(height) : height + "x" + width)
                + " (" + classes + " classes, " + padding.name().toLowerCase(java.util.Locale.ROOT) + " padding)";
    }
}
