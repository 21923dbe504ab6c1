package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense 3x3 convolution, NHWC, stride 1 or 2, padding 0..2 per side, for MobileNet's first layer
 * (small Cin such as 3). Direct, no im2col: the micro-kernel computes 6 output pixels x 2 vectors
 * of output channels (12 accumulators), broadcasting each input scalar against weight vectors
 * packed [tap][ci][Cout padded to 2 vectors]. Out-of-range input rows read a zero row (weights are
 * finite, so that is exactly a skipped tap); pixels whose window leaves the image at the side, and
 * the last few of a row, go through a checked one-pixel path with the same accumulation order.
 */
public final class Conv3x3Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;
    private static final int NB = 2 * L;
    private static final int PX = 6;

    public static final Conv3x3Nhwc INSTANCE = new Conv3x3Nhwc();

    @Override
    public String name() {
        return "conv3x3-nhwc";
    }

    @Override
    public boolean supports(ConvSpec s) {
        return s.groups() == 1 && s.kH() == 3 && s.kW() == 3
                && (s.strideH() == 1 || s.strideH() == 2) && (s.strideW() == 1 || s.strideW() == 2);
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        if (!supports(spec)) {
            throw new IllegalArgumentException(name() + " needs an ungrouped 3x3 convolution with stride 1 or 2, got " + spec);
        }
        return new Prepared(spec, weights, b, activation);
    }

    private static final class Prepared implements PreparedConv {
        private final ConvSpec spec;
        private final Activation act;
        private final int cin, cout, coutPad, inW, inH, outW, outH, strideW, strideH, padLeft, padTop, oxLo, oxHi;
        /** [tap][ci][coutPad] */
        private final float[] w;
        private final float[] bias;
        private final float[] zeroRow;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act) {
            this.spec = s;
            this.act = act;
            cin = s.inC();
            cout = s.outC();
            coutPad = (cout + NB - 1) / NB * NB;
            inW = s.inW();
            inH = s.inH();
            outW = s.outW();
            outH = s.outH();
            strideW = s.strideW();
            strideH = s.strideH();
            padLeft = s.padLeft();
            padTop = s.padTop();
            w = new float[Checks.product("packed conv3x3 weights", 9, cin, coutPad)];
            for (int co = 0; co < cout; co++) {
                for (int tap = 0; tap < 9; tap++) {
                    for (int ci = 0; ci < cin; ci++) {
                        w[(tap * cin + ci) * coutPad + co] = weights[(co * 9 + tap) * cin + ci];
                    }
                }
            }
            bias = new float[coutPad];
            System.arraycopy(b, 0, bias, 0, cout);
            zeroRow = new float[Checks.product("conv3x3 zero row", inW, cin)];
            oxLo = Math.min((padLeft + strideW - 1) / strideW, outW);
            oxHi = Math.min(Math.floorDiv(inW - 3 + padLeft, strideW), outW - 1);
        }

        @Override
        public ConvSpec spec() {
            return spec;
        }

        @Override
        public Activation activation() {
            return act;
        }

        @Override
        public int workUnits(int batch) {
            return batch * outH;
        }

        @Override
        public void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
            int rowLen = inW * cin;
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / outH, oy = unit % outH;
                int iy = oy * strideH - padTop;
                int img = inOff + n * inH * rowLen;
                boolean v0 = iy >= 0 && iy < inH, v1 = iy + 1 >= 0 && iy + 1 < inH, v2 = iy + 2 < inH;
                float[] a0 = v0 ? in : zeroRow, a1 = v1 ? in : zeroRow, a2 = v2 ? in : zeroRow;
                int o0 = v0 ? img + iy * rowLen : 0;
                int o1 = v1 ? img + (iy + 1) * rowLen : 0;
                int o2 = v2 ? img + (iy + 2) * rowLen : 0;
                int outRow = outOff + unit * outW * cout;
                for (int cb = 0; cb < cout; cb += NB) {
                    int ox = 0;
                    for (; ox < oxLo; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                    for (; ox + PX - 1 <= oxHi; ox += PX) {
                        tile(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                    for (; ox < outW; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                }
            }
        }

        /** Six interior pixels ox..ox+5, output channels [cb, cb + 2L). */
        private void tile(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int cb, int ox) {
            final int ci_ = cin, cp = coutPad, ps = strideW * ci_;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb), b1 = FloatVector.fromArray(S, bias, cb + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1,
                    c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
            int ix = ox * strideW - padLeft;
            for (int ky = 0; ky < 3; ky++) {
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int rowBase = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + ix * ci_;
                for (int kx = 0; kx < 3; kx++) {
                    int t = rowBase + kx * ci_;
                    int wi = (ky * 3 + kx) * ci_ * cp + cb;
                    for (int ci = 0; ci < ci_; ci++, t++, wi += cp) {
                        FloatVector w0 = FloatVector.fromArray(S, w, wi), w1 = FloatVector.fromArray(S, w, wi + L);
                        FloatVector x = FloatVector.broadcast(S, a[t]);
                        c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                        x = FloatVector.broadcast(S, a[t + ps]);
                        c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                        x = FloatVector.broadcast(S, a[t + 2 * ps]);
                        c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                        x = FloatVector.broadcast(S, a[t + 3 * ps]);
                        c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                        x = FloatVector.broadcast(S, a[t + 4 * ps]);
                        c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                        x = FloatVector.broadcast(S, a[t + 5 * ps]);
                        c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                    }
                }
            }
            float lo = act.min(), hi = act.max();
            int valid = cout - cb, q = outRow + ox * cout + cb;
            VectorTiles.store(c00, out, q, valid, lo, hi); VectorTiles.store(c01, out, q + L, valid - L, lo, hi); q += cout;
            VectorTiles.store(c10, out, q, valid, lo, hi); VectorTiles.store(c11, out, q + L, valid - L, lo, hi); q += cout;
            VectorTiles.store(c20, out, q, valid, lo, hi); VectorTiles.store(c21, out, q + L, valid - L, lo, hi); q += cout;
            VectorTiles.store(c30, out, q, valid, lo, hi); VectorTiles.store(c31, out, q + L, valid - L, lo, hi); q += cout;
            VectorTiles.store(c40, out, q, valid, lo, hi); VectorTiles.store(c41, out, q + L, valid - L, lo, hi); q += cout;
            VectorTiles.store(c50, out, q, valid, lo, hi); VectorTiles.store(c51, out, q + L, valid - L, lo, hi);
        }

        /** One pixel with column checks: borders and the end of a row. */
        private void pixel(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int cb, int ox) {
            FloatVector c0 = FloatVector.fromArray(S, bias, cb), c1 = FloatVector.fromArray(S, bias, cb + L);
            int ix = ox * strideW - padLeft;
            for (int ky = 0; ky < 3; ky++) {
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int rowBase = ky == 0 ? o0 : ky == 1 ? o1 : o2;
                for (int kx = 0; kx < 3; kx++) {
                    int x = ix + kx;
                    if (x < 0 || x >= inW) {
                        continue;
                    }
                    int t = rowBase + x * cin;
                    int wi = (ky * 3 + kx) * cin * coutPad + cb;
                    for (int ci = 0; ci < cin; ci++, wi += coutPad) {
                        FloatVector xv = FloatVector.broadcast(S, a[t + ci]);
                        c0 = FloatVector.fromArray(S, w, wi).fma(xv, c0);
                        c1 = FloatVector.fromArray(S, w, wi + L).fma(xv, c1);
                    }
                }
            }
            int valid = cout - cb, q = outRow + ox * cout + cb;
            VectorTiles.store(c0, out, q, valid, act.min(), act.max());
            VectorTiles.store(c1, out, q + L, valid - L, act.min(), act.max());
        }
    }
}
