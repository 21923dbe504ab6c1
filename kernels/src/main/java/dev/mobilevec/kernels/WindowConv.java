package dev.mobilevec.kernels;

/**
 * What the windowed kernels (3x3 dense, 3x3 and 5x5 depthwise) share: output rows as work units, a
 * zero row that stands in for input rows outside the image (weights are finite, so reading zeros
 * there is a skipped tap, with one difference: a sum that is exactly -0.0 over the taps inside the
 * image becomes +0.0, as -0.0 + +0.0 is +0.0), and the range of output columns whose whole window
 * lies inside the image.
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
        // One vector longer than a row: a partial channel block's full-width loads at the row's last pixel stay
        // inside it, so rows that read padding take the same sweeps as the others (without the slack the 5x5
        // kernel sent whole padded rows' channel tails pixel by pixel: 28x28x72 took twice 28x28x64's time).
        zeroRow = new float[Math.addExact(rowLen, Lanes.COUNT)];
        // ox*strideW - padLeft >= 0  and  ox*strideW - padLeft + kW - 1 <= inW - 1
        oxLo = Math.min((padLeft + strideW - 1) / strideW, outW);
        oxHi = Math.min(Math.floorDiv(inW - s.kW() + padLeft, strideW), outW - 1);
    }

    @Override
    public final int workUnits(int batch) {
        return batch * outH;
    }

    @Override
    public final int pixelsPerUnit(int batch) {
        return outW;
    }

    /** The kernel proper, after the checks of {@link #run} or {@link #runWindow}. */
    abstract void runUnits(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo);

    @Override
    public final void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
        PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
        runUnits(batch, in, inOff, out, outOff, unitFrom, unitTo);
    }

    @Override
    public final boolean runsWindows() {
        return true;
    }

    @Override
    public final void runWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
        long[] r = inputRows(spec, batch, unitFrom, unitTo);
        PreparedConv.checkWindow(spec, batch, in, inOff, r[0], r[1], out, outOff, (long) unitFrom * outW * spec.outC(),
                (long) unitTo * outW * spec.outC(), unitFrom, unitTo, workUnits(batch));
        runUnits(batch, in, inOff, out, outOff, unitFrom, unitTo);
    }

    /** The input elements [from, to) of the whole input tensor that output rows [unitFrom, unitTo) read (empty when none). */
    static long[] inputRows(ConvSpec s, int batch, int unitFrom, int unitTo) {
        if (unitFrom >= unitTo) {
            return new long[] {0, 0};
        }
        long rowLen = (long) s.inW() * s.inC();
        int n0 = unitFrom / s.outH(), oy0 = unitFrom % s.outH(), n1 = (unitTo - 1) / s.outH(), oy1 = (unitTo - 1) % s.outH();
        int lo = Math.max(0, Math.min(s.inH(), oy0 * s.strideH() - s.padTop()));
        int hi = Math.min(s.inH(), Math.max(0, oy1 * s.strideH() - s.padTop() + s.kH()));
        long from = ((long) n0 * s.inH() + lo) * rowLen, to = ((long) n1 * s.inH() + hi) * rowLen;
        return new long[] {from, Math.max(from, to)};
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
