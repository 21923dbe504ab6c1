package dev.mobilevec.kernels;

/**
 * The non-convolution ops of MobileNet, on dense float arrays at offsets. {@link ReferenceTensorOps}
 * and {@link VectorTensorOps} implement it, so tests and benchmarks can swap them.
 */
public interface TensorOps {

    String name();

    /** NHWC [batch][h][w][c] -> [batch][c]: the mean over each image's pixels. */
    void globalAveragePool(int batch, int h, int w, int c, float[] in, int inOff, float[] out, int outOff);

    /** Softmax over each of {@code rows} rows of {@code n} values, stable for any magnitude (max is subtracted). */
    void softmax(int rows, int n, float[] in, int inOff, float[] out, int outOff);

    /** out = act(a + b), elementwise over {@code length} values (the residual add of MobileNetV2). */
    void add(int length, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, Activation act);

    /**
     * out[n][p][c] = in[n][p][c] * scale[n][c] over {@code pixels} pixels per image: the channel
     * scaling that ends a squeeze-excitation block. May run in place (out == in, same offset).
     */
    void scaleChannels(int batch, int pixels, int c, float[] in, int inOff, float[] scale, int scaleOff, float[] out, int outOff);

    static void checkScale(int batch, int pixels, int c, float[] in, int inOff, float[] scale, int scaleOff, float[] out, int outOff) {
        Checks.positive("batch", batch);
        Checks.positive("pixels", pixels);
        Checks.positive("channels", c);
        int len = Checks.product("scaled tensor (N x pixels x C)", batch, pixels, c);
        Checks.region("scale input (N x pixels x C)", in, inOff, len);
        Checks.region("scale factors (N x C)", scale, scaleOff, Checks.product("scale factors", batch, c));
        Checks.region("scale output (N x pixels x C)", out, outOff, len);
    }

    static void checkPool(int batch, int h, int w, int c, float[] in, int inOff, float[] out, int outOff) {
        Checks.positive("batch", batch);
        Checks.positive("height", h);
        Checks.positive("width", w);
        Checks.positive("channels", c);
        Checks.region("pool input (N x H x W x C)", in, inOff, Checks.product("pool input", batch, h, w, c));
        Checks.region("pool output (N x C)", out, outOff, Checks.product("pool output", batch, c));
    }

    static void checkSoftmax(int rows, int n, float[] in, int inOff, float[] out, int outOff) {
        Checks.positive("rows", rows);
        Checks.positive("row length", n);
        int len = Checks.product("softmax size", rows, n);
        Checks.region("softmax input", in, inOff, len);
        Checks.region("softmax output", out, outOff, len);
    }

    static void checkAdd(int length, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, Activation act) {
        Checks.positive("length", length);
        Checks.region("add input a", a, aOff, length);
        Checks.region("add input b", b, bOff, length);
        Checks.region("add output", out, outOff, length);
        if (act == null) {
            throw new IllegalArgumentException("activation must not be null (use Activation.NONE)");
        }
    }
}
