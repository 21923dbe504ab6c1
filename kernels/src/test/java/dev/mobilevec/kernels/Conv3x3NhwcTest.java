package dev.mobilevec.kernels;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class Conv3x3NhwcTest extends ConvKernelContract {

    @Override
    Conv2dKernel kernel() {
        return Conv3x3Nhwc.INSTANCE;
    }

    @Override
    Gen<ConvCase> cases() {
        return ConvCase.conv3x3();
    }

    @Override
    ConvSpec typicalSpec() {
        return ConvSpec.full(17, 15, 3, 2 * ConvCase.L + 5, 3, 2, 0, 0, 1, 1);
    }

    @Test
    void stride1WithoutPaddingIsShiftEquivariant() {
        DepthwiseConv3x3NhwcTest.shiftEquivariance(this, ConvCase.conv3x3());
    }

    @Test
    void everyWeightOffsetGivesTheSameBits() {
        everyWeightOffsetGivesTheSameBits(Conv3x3Nhwc.INSTANCE::prepare);
    }
}
