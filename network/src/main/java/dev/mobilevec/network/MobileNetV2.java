package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.Checks;
import dev.mobilevec.kernels.ConvSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 (Sandler et al. 2018, Table 2) as a layer table: a 3x3/s2 stem, 17 inverted residual
 * blocks, a 1x1 head to 1280 channels, global average pooling, the classifier and softmax, with
 * batch norm folded into every convolution and PyTorch's symmetric padding.
 *
 * <p>Block: 1x1 expansion to t x channels with ReLU6 (absent when t = 1), depthwise 3x3 at the
 * stage's stride with ReLU6, a linear 1x1 projection, and a residual add when the stride is 1 and
 * the channel count is unchanged. Channels under the width multiplier are rounded to multiples of 8
 * as torchvision does ({@link #divisible}); the head keeps 1280 for alpha below 1.
 *
 * <p>Layer names follow our scheme ({@code conv0}, {@code blockK.expand|dw|project|add},
 * {@code conv_last}, {@code fc}); weights use the same tensor names as v1 ({@code L.weight},
 * {@code L.bn.*}, {@code fc.weight}, {@code fc.bias}).
 */
public record MobileNetV2(double alpha, int height, int width, int classes) implements Architecture {

    /** (t, c, n, s): expansion, output channels, repeats, stride of the first repeat. */
    static final int[][] STAGES = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    static final int STEM = 32, HEAD = 1280;

    public MobileNetV2 {
        if (!(alpha > 0) || alpha > 4 || Double.isNaN(alpha)) {
            throw new IllegalArgumentException("width multiplier alpha must be in (0, 4], got " + alpha);
        }
        if (height < MobileNetV1.MIN_SIZE || width < MobileNetV1.MIN_SIZE) {
            throw new IllegalArgumentException("input must be at least " + MobileNetV1.MIN_SIZE + "x" + MobileNetV1.MIN_SIZE
                    + ", got " + height + "x" + width);
        }
        Checks.positive("classes", classes);
        Checks.product("input image size (H*W*3)", height, width, 3);
    }

    public static MobileNetV2 standard(double alpha, int resolution) {
        return new MobileNetV2(alpha, resolution, resolution, 1000);
    }

    /** torchvision's _make_divisible: nearest multiple of 8, at least 8, never more than 10 % below v. */
    public static int divisible(double v) {
        int d = 8;
        int r = Math.max(d, (int) (v + d / 2.0) / d * d);
        return r < 0.9 * v ? r + d : r;
    }

    @Override
    public int inputChannels() {
        return 3;
    }

    @Override
    public MobileNetV2 withInput(int h, int w) {
        return new MobileNetV2(alpha, h, w, classes);
    }

    @Override
    public String family() {
        return "mobilenet_v2";
    }

    @Override
    public List<LayerDef> layers() {
        List<LayerDef> t = new ArrayList<>();
        int c = divisible(STEM * alpha);
        ConvSpec stem = ConvSpec.full(height, width, 3, c, 3, 2, 1, 1, 1, 1);
        add(t, "conv0", LayerType.CONV3X3, stem, Activation.RELU6, -1);
        int h = stem.outH(), w = stem.outW(), block = 0;
        for (int[] st : STAGES) {
            int oc = divisible(st[1] * alpha);
            for (int i = 0; i < st[2]; i++) {
                int stride = i == 0 ? st[3] : 1;
                String name = "block" + (++block);
                int blockIn = t.size() - 1;
                int hidden = (int) Math.round(c * (double) st[0]);
                if (st[0] != 1) {
                    add(t, name + ".expand", LayerType.POINTWISE, ConvSpec.pointwise(h, w, c, hidden), Activation.RELU6, t.size() - 1);
                }
                ConvSpec dw = new ConvSpec(h, w, hidden, hidden, 3, 3, stride, stride, 1, 1, 1, 1, hidden);
                add(t, name + ".dw", LayerType.DEPTHWISE, dw, Activation.RELU6, t.size() - 1);
                h = dw.outH();
                w = dw.outW();
                add(t, name + ".project", LayerType.POINTWISE, ConvSpec.pointwise(h, w, hidden, oc), Activation.NONE, t.size() - 1);
                if (stride == 1 && c == oc) {
                    t.add(new LayerDef(t.size(), name + ".add", LayerType.ADD, null, Activation.NONE, h, w, oc, h, w, oc,
                            t.size() - 1, blockIn));
                }
                c = oc;
            }
        }
        int head = alpha > 1 ? divisible(HEAD * alpha) : HEAD;
        add(t, "conv_last", LayerType.POINTWISE, ConvSpec.pointwise(h, w, c, head), Activation.RELU6, t.size() - 1);
        t.add(new LayerDef(t.size(), "avgpool", LayerType.AVGPOOL, null, Activation.NONE, h, w, head, 1, 1, head));
        add(t, "fc", LayerType.FC, ConvSpec.pointwise(1, 1, head, classes), Activation.NONE, t.size() - 1);
        t.add(new LayerDef(t.size(), "softmax", LayerType.SOFTMAX, null, Activation.NONE, 1, 1, classes, 1, 1, classes));
        return List.copyOf(t);
    }

    private static void add(List<LayerDef> t, String name, LayerType type, ConvSpec s, Activation act, int input) {
        t.add(new LayerDef(t.size(), name, type, s, act, s.inH(), s.inW(), s.inC(), s.outH(), s.outW(), s.outC(), input, -1));
    }

    @Override
    public String toString() {
        return "MobileNet v2 " + alpha + "-" + (height == width ? String.valueOf(height) : height + "x" + width)
                + " (" + classes + " classes)";
    }
}
