package dev.mobilevec.kernels;

/**
 * The shape of one 2-D convolution over NHWC tensors (batch is given per call).
 *
 * <p>Weights are OHWI: {@code [outC][kH][kW][inC/groups]}. For depthwise 3x3 that is {@code [C][3][3]}
 * and for pointwise {@code [Cout][Cin]}, the same order as PyTorch's OIHW for those two cases.
 * Padding is explicit per side so both symmetric padding and TensorFlow 'SAME' (extra padding at
 * bottom/right for stride 2) can be expressed.
 */
public record ConvSpec(int inH, int inW, int inC, int outC, int kH, int kW,
                       int strideH, int strideW,
                       int padTop, int padLeft, int padBottom, int padRight, int groups) {

    public ConvSpec {
        Checks.positive("input height", inH);
        Checks.positive("input width", inW);
        Checks.positive("input channels", inC);
        Checks.positive("output channels", outC);
        Checks.positive("kernel height", kH);
        Checks.positive("kernel width", kW);
        Checks.positive("stride height", strideH);
        Checks.positive("stride width", strideW);
        Checks.positive("groups", groups);
        checkPad("top", padTop, kH);
        checkPad("bottom", padBottom, kH);
        checkPad("left", padLeft, kW);
        checkPad("right", padRight, kW);
        if (inC % groups != 0 || outC % groups != 0) {
            throw new IllegalArgumentException("groups (" + groups + ") must divide input channels (" + inC
                    + ") and output channels (" + outC + ")");
        }
        if (inH + padTop + padBottom < kH || inW + padLeft + padRight < kW) {
            throw new IllegalArgumentException("padded input " + (inH + padTop + padBottom) + "x" + (inW + padLeft + padRight)
                    + " is smaller than the " + kH + "x" + kW + " kernel");
        }
        Checks.product("input tensor size (H*W*C)", inH, inW, inC);
        Checks.product("output tensor size (H*W*C)", (inH + padTop + padBottom - kH) / strideH + 1,
                (inW + padLeft + padRight - kW) / strideW + 1, outC);
        Checks.product("weight count", outC, kH, kW, inC / groups);
    }

    private static void checkPad(String side, int pad, int k) {
        if (pad < 0 || pad >= k) {
            throw new IllegalArgumentException("padding " + side + " must be in [0, " + (k - 1) + "] for kernel size " + k + ", got " + pad);
        }
    }

    /** Depthwise 3x3 over C channels. */
    public static ConvSpec depthwise3x3(int h, int w, int c, int stride, int padTop, int padLeft, int padBottom, int padRight) {
        return new ConvSpec(h, w, c, c, 3, 3, stride, stride, padTop, padLeft, padBottom, padRight, c);
    }

    /** Pointwise (1x1, stride 1) convolution; with h = w = 1 it is a fully connected layer. */
    public static ConvSpec pointwise(int h, int w, int cin, int cout) {
        return new ConvSpec(h, w, cin, cout, 1, 1, 1, 1, 0, 0, 0, 0, 1);
    }

    /** Dense k x k convolution. */
    public static ConvSpec full(int h, int w, int cin, int cout, int k, int stride, int padTop, int padLeft, int padBottom, int padRight) {
        return new ConvSpec(h, w, cin, cout, k, k, stride, stride, padTop, padLeft, padBottom, padRight, 1);
    }

    public int outH() {
        return (inH + padTop + padBottom - kH) / strideH + 1;
    }

    public int outW() {
        return (inW + padLeft + padRight - kW) / strideW + 1;
    }

    public int inPerGroup() {
        return inC / groups;
    }

    public int weightLength() {
        return outC * kH * kW * inPerGroup();
    }

    public int inputLength(int batch) {
        return Checks.product("input tensor size (N*H*W*C)", batch, inH, inW, inC);
    }

    public int outputLength(int batch) {
        return Checks.product("output tensor size (N*H*W*C)", batch, outH(), outW(), outC);
    }

    public boolean isDepthwise() {
        return groups == inC && groups == outC && inPerGroup() == 1;
    }

    public boolean isPointwise() {
        return kH == 1 && kW == 1 && strideH == 1 && strideW == 1 && groups == 1;
    }

    /** Multiply-adds per image. */
    public long macs() {
        return (long) outH() * outW() * outC * kH * kW * inPerGroup();
    }

    public long params() {
        return (long) weightLength() + outC;
    }

    @Override
    public String toString() {
        return inH + "x" + inW + "x" + inC + " -> " + outH() + "x" + outW() + "x" + outC + " k" + kH + "x" + kW
                + " s" + strideH + (strideW != strideH ? "x" + strideW : "")
                + " pad[t" + padTop + " l" + padLeft + " b" + padBottom + " r" + padRight + "]"
                + (groups > 1 ? " groups " + groups : "");
    }
}
