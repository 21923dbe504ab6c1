package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;

/**
 * One row of the layer table: everything construction, the cost model, benchmarks, tests and the
 * CLI need to know about a layer. {@code conv} is the convolution shape for CONV3X3, DEPTHWISE,
 * POINTWISE and FC (a 1x1 pointwise over a 1x1 image); null for the other types.
 * {@code input} is the index of the layer whose output this one reads (-1: the network's input);
 * {@code input2} the second operand of ADD (the skip connection) and SCALE (the per-channel factors),
 * -1 otherwise. Inputs always come from earlier layers.
 */
public record LayerDef(int index, String name, LayerType type, ConvSpec conv, Activation activation,
                       int inH, int inW, int inC, int outH, int outW, int outC, int input, int input2) {

    /** A layer of a chain: it reads the previous layer. */
    public LayerDef(int index, String name, LayerType type, ConvSpec conv, Activation activation,
                    int inH, int inW, int inC, int outH, int outW, int outC) {
        this(index, name, type, conv, activation, inH, inW, inC, outH, outW, outC, index - 1, -1);
    }

    public LayerDef {
        if (input < -1 || input >= index || input2 < -1 || input2 >= index) {
            throw new IllegalArgumentException("layer " + index + " (" + name + ") must read earlier layers, got inputs "
                    + input + ", " + input2);
        }
        if ((type == LayerType.ADD || type == LayerType.SCALE) != (input2 >= 0)) {
            throw new IllegalArgumentException("layer " + name + ": " + type + (input2 >= 0 ? " takes one input" : " needs two inputs"));
        }
    }

    /** Multiply-adds per image. */
    public long macs() {
        return switch (type) {
            case CONV3X3, DEPTHWISE, POINTWISE, FC -> conv.macs();
            // Pooling, softmax and the elementwise ops do no multiply-adds; the papers count none for them.
            case AVGPOOL, SOFTMAX, ADD, SCALE -> 0;
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

    /** The type's label, with the kernel size for depthwise layers (dw3x3, dw5x5). */
    public String label() {
        return type == LayerType.DEPTHWISE ? "dw" + conv.kH() + "x" + conv.kW() : type.label;
    }

    public String outShape() {
        return outH + "x" + outW + "x" + outC;
    }
}
