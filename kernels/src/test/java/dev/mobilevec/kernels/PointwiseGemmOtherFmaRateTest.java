package dev.mobilevec.kernels;

/**
 * Every PointwiseGemm property again, with the tiles the kernel would choose on a machine of the other 512-bit FMA
 * rate (Lanes.FMA512_HALF_RATE decides one tile choice, never the bits): so both choices are checked at every test
 * width whatever machine the suite runs on.
 */
class PointwiseGemmOtherFmaRateTest extends PointwiseGemmTest {

    @Override
    Conv2dKernel kernel() {
        return PointwiseGemm.forFma512Rate(!Lanes.FMA512_HALF_RATE);
    }
}
