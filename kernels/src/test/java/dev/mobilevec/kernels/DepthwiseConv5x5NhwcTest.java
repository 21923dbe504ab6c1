package dev.mobilevec.kernels;

import org.quicktheories.core.Gen;

/** The depthwise contract (and its channel-permutation and shift properties) for the 5x5 kernel. */
class DepthwiseConv5x5NhwcTest extends DepthwiseConv3x3NhwcTest {

    @Override
    Conv2dKernel kernel() {
        return DepthwiseConv5x5Nhwc.INSTANCE;
    }

    @Override
    Gen<ConvCase> cases() {
        return ConvCase.depthwise5x5();
    }

    @Override
    ConvSpec typicalSpec() {
        return new ConvSpec(9, 7, ConvCase.L + 3, ConvCase.L + 3, 5, 5, 2, 2, 2, 2, 2, 2, ConvCase.L + 3);
    }
}
