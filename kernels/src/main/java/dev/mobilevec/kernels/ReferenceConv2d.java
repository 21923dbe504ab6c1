package dev.mobilevec.kernels;

/**
 * The textbook convolution: any kernel size, stride, padding and groups, accumulating in double.
 * Depthwise, pointwise and the full 3x3 are special cases of it. It is the source of truth the
 * fast kernels are tested against, so it stays short and obviously correct; padded taps are
 * skipped (they contribute nothing).
 */
public final class ReferenceConv2d implements Conv2dKernel {

    public static final ReferenceConv2d INSTANCE = new ReferenceConv2d();

    private ReferenceConv2d() {}

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public boolean supports(ConvSpec spec) {
        return true;
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        return new Prepared(spec, weights.clone(), b.clone(), activation);
    }

    private record Prepared(ConvSpec spec, float[] w, float[] bias, Activation activation) implements PreparedConv {

        @Override
        public int workUnits(int batch) {
            return batch * spec.outH();
        }

        @Override
        public int pixelsPerUnit(int batch) {
            return spec.outW();
        }

        @Override
        public boolean runsWindows() {
            return true;
        }

        @Override
        public void runWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            long[] r = WindowConv.inputRows(spec, batch, unitFrom, unitTo);
            long row = (long) spec.outW() * spec.outC();
            PreparedConv.checkWindow(spec, batch, in, inOff, r[0], r[1], out, outOff, unitFrom * row, unitTo * row, unitFrom, unitTo,
                    workUnits(batch));
            runUnits(in, inOff, out, outOff, unitFrom, unitTo);
        }

        @Override
        public void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
            runUnits(in, inOff, out, outOff, unitFrom, unitTo);
        }

        private void runUnits(float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            ConvSpec s = spec;
            int cinG = s.inPerGroup(), coutG = s.outC() / s.groups();
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / s.outH(), oy = unit % s.outH();
                for (int ox = 0; ox < s.outW(); ox++) {
                    for (int co = 0; co < s.outC(); co++) {
                        int g = co / coutG;
                        double acc = bias[co];
                        for (int ky = 0; ky < s.kH(); ky++) {
                            int iy = oy * s.strideH() - s.padTop() + ky;
                            if (iy < 0 || iy >= s.inH()) continue;
                            for (int kx = 0; kx < s.kW(); kx++) {
                                int ix = ox * s.strideW() - s.padLeft() + kx;
                                if (ix < 0 || ix >= s.inW()) continue;
                                for (int ci = 0; ci < cinG; ci++) {
                                    double x = in[inOff + ((n * s.inH() + iy) * s.inW() + ix) * s.inC() + g * cinG + ci];
                                    double wv = w[((co * s.kH() + ky) * s.kW() + kx) * cinG + ci];
                                    acc += wv * x;
                                }
                            }
                        }
                        out[outOff + ((n * s.outH() + oy) * s.outW() + ox) * s.outC() + co] = activation.apply((float) acc);
                    }
                }
            }
        }
    }
}
