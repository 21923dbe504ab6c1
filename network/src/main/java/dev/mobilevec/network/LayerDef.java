package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;

/**
 * One row of the layer table: everything construction, the cost model, benchmarks, tests and the
 * CLI need to know about a layer. {@code conv} is the convolution shape for CONV3X3, DEPTHWISE,
 * POINTWISE and FC (a 1x1 pointwise over a 1x1 image); null for pooling and softmax.
 */
public record LayerDef(int index, String name, LayerType type, ConvSpec conv, Activation activation,
                       int inH, int inW, int inC, int outH, int outW, int outC) {

    /** Multiply-adds per image. */
    public long macs() {
        return switch (type) {
            case CONV3X3, DEPTHWISE, POINTWISE, FC -> conv.macs();
            // Pooling and softmax do no multiply-adds; the paper counts none for them either.
            case AVGPOOL, SOFTMAX -> 0;
        };
    }

    /** FLOPs per image (2 per multiply-add). */
    public long flops() {
        return 2 * macs();
    }

    public long params() {
        return conv == null ? 0 : conv.params();
    }

    public int outputLength() {
        return outH * outW * outC;
    }

    public int inputLength() {
        return inH * inW * inC;
    }

    public String outShape() {
        return outH + "x" + outW + "x" + outC;
    }
}
