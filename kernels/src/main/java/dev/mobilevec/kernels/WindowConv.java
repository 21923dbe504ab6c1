package dev.mobilevec.kernels;

/**
 * What the windowed kernels (3x3 dense, 3x3 and 5x5 depthwise) share: output rows as work units, a
 * zero row that stands in for input rows outside the image (weights are finite, so reading zeros
 * there is exactly a skipped tap), and the range of output columns whose whole window lies inside
 * the image.
 */
abstract class WindowConv extends BasePreparedConv {
    final int inH, inW, outH, outW, strideH, strideW, padTop, padLeft, rowLen;
    /** Output columns [oxLo, oxHi] read only input columns inside the image. */
    final int oxLo, oxHi;
    final float[] zeroRow;

    WindowConv(ConvSpec s, Activation act) {
        super(s, act);
        inH = s.inH();
        inW = s.inW();
        outH = s.outH();
        outW = s.outW();
        strideH = s.strideH();
        strideW = s.strideW();
        padTop = s.padTop();
        padLeft = s.padLeft();
        rowLen = Checks.product("input row (W*C)", inW, s.inC());
        zeroRow = new float[rowLen];
        // ox*strideW - padLeft >= 0  and  ox*strideW - padLeft + kW - 1 <= inW - 1
        oxLo = Math.min((padLeft + strideW - 1) / strideW, outW);
        oxHi = Math.min(Math.floorDiv(inW - s.kW() + padLeft, strideW), outW - 1);
    }

    @Override
    public final int workUnits(int batch) {
        return batch * outH;
    }

    /** The array that holds input row iy: the input, or the zero row outside the image. */
    final float[] rowArray(float[] in, int iy) {
        return iy >= 0 && iy < inH ? in : zeroRow;
    }

    /** Where input row iy of the image starting at {@code img} begins in {@link #rowArray}. */
    final int rowOffset(int img, int iy) {
        return iy >= 0 && iy < inH ? img + iy * rowLen : 0;
    }
}
