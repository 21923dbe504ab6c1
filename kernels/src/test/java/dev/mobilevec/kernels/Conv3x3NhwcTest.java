package dev.mobilevec.kernels;

import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    /**
     * A block of one output vector (Cout = L, and the last block of Cout = 3L) ends its rows' interior in a twelve-pixel
     * tile moved back over pixels already done, and its border pixels store no second vector: input widths 13 to 64
     * (interiors of 6 to 64 pixels; under 12 the two-vector tiles still take them), stride 1 and 2, 3 input channels
     * (the stride-2 tiles) and 4, against the reference within the bound.
     */
    @Test
    void oneVectorBlocksEndEveryRowInAMovedBackTile() {
        int[] couts = {ConvCase.L, 3 * ConvCase.L};
        qt().withExamples(EXAMPLES / 4).forAll(Generate.range(13, 64), Generate.range(0, 7), ConvCase.activations(),
                Generate.longRange(0, Long.MAX_VALUE)).checkAssert((w, v, act, seed) -> {
            int stride = 1 + (v & 1), cin = (v & 2) == 0 ? 3 : 4, cout = couts[v >> 2 & 1];
            ConvSpec s = ConvSpec.full(5, w, cin, cout, 3, stride, 1, 1, 1, 1);
            assertMatchesReference(new ConvCase(s, 1 + (int) (seed & 1), act, Values.MIXED, seed));
        });
    }
}
