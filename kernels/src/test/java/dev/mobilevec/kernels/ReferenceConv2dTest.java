package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The reference itself, on cases small enough to work out by hand. */
class ReferenceConv2dTest {

    static float[] run(ConvSpec s, float[] in, float[] w, float[] b, Activation act) {
        return ConvKernelContract.run(ReferenceConv2d.INSTANCE.prepare(s, w, b, act), 1, in);
    }

    @Test
    void depthwise3x3WithSymmetricPaddingOnA3x3Image() {
        // One channel, input 1..9 row-major, all weights 1: each output is the sum of its window.
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] w = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] out = run(ConvSpec.depthwise3x3(3, 3, 1, 1, 1, 1, 1, 1), in, w, new float[] {0.5f}, Activation.NONE);
        // e.g. top-left window {1,2,4,5} = 12; centre = 45.
        assertArrayEquals(new float[] {12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f}, out);
    }

    @Test
    void tensorFlowSamePaddingAtStride2PadsOnlyBottomRight() {
        // 4x4 input, stride 2, SAME: pad bottom/right 1. Output (0,0) sees rows 0-2, cols 0-2.
        float[] in = new float[16];
        for (int i = 0; i < 16; i++) {
            in[i] = i;
        }
        float[] w = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] out = run(ConvSpec.depthwise3x3(4, 4, 1, 2, 0, 0, 1, 1), in, w, null, Activation.NONE);
        // (0,0): 0+1+2+4+5+6+8+9+10 = 45; (0,1): cols 2,3 of rows 0-2 = 2+3+6+7+10+11 = 39;
        // (1,0): rows 2,3 cols 0-2 = 8+9+10+12+13+14 = 66; (1,1): 10+11+14+15 = 50.
        assertArrayEquals(new float[] {45, 39, 66, 50}, out);
    }

    @Test
    void pointwiseIsAMatrixProductPerPixel() {
        // 2 pixels x 2 input channels -> 3 output channels, weights [Cout][Cin].
        float[] in = {1, 2, 3, 4};
        float[] w = {1, 0, 0, 1, 1, -1};
        float[] out = run(ConvSpec.pointwise(1, 2, 2, 3), in, w, new float[] {0, 10, 0}, Activation.NONE);
        assertArrayEquals(new float[] {1, 12, -1, 3, 14, -1}, out);
    }

    @Test
    void fullConvSumsOverInputChannelsAndActivationClamps() {
        // 3x3 image, 2 input channels (c0 = 1 everywhere, c1 = 2 everywhere), no padding, one output.
        float[] in = new float[18];
        for (int i = 0; i < 18; i += 2) {
            in[i] = 1;
            in[i + 1] = 2;
        }
        float[] w = new float[18];
        for (int i = 0; i < 18; i += 2) {
            w[i] = 1;      // weight on c0
            w[i + 1] = -1; // weight on c1
        }
        ConvSpec s = ConvSpec.full(3, 3, 2, 1, 3, 1, 0, 0, 0, 0);
        // 9 taps * (1*1 + 2*-1) = -9.
        assertArrayEquals(new float[] {-9}, run(s, in, w, null, Activation.NONE));
        assertArrayEquals(new float[] {0}, run(s, in, w, null, Activation.RELU6));
        assertArrayEquals(new float[] {6}, run(s, in, w, new float[] {20}, Activation.RELU6));
    }

    @Test
    void groupedConvolutionSeesOnlyItsGroup() {
        // 1x1 image, 4 channels, 2 groups, 1x1 kernel, 2 outputs: out[g] = sum of its group's inputs.
        ConvSpec s = new ConvSpec(1, 1, 4, 2, 1, 1, 1, 1, 0, 0, 0, 0, 2);
        float[] out = run(s, new float[] {1, 2, 30, 40}, new float[] {1, 1, 1, 1}, null, Activation.NONE);
        assertArrayEquals(new float[] {3, 70}, out);
    }
}
