package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * Dense 3x3 convolution, NHWC, stride 1 or 2, padding 0..2 per side, for MobileNet's first layer
 * (small Cin such as 3). Direct, no im2col: the micro-kernel computes 6 output pixels x 2 vectors
 * of output channels (12 accumulators), broadcasting each input scalar against weight vectors
 * packed [tap][ci][Cout padded to 2 vectors]. Out-of-range input rows read a zero row (weights are
 * finite, so that is a skipped tap up to the sign of a zero sum, see WindowConv); pixels whose window leaves the image at the side, and
 * the last few of a row, go through a checked one-pixel path with the same accumulation order.
 */
public final class Conv3x3Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;
    private static final int NB = 2 * L;
    private static final int PX = 6;

    public static final Conv3x3Nhwc INSTANCE = new Conv3x3Nhwc();

    private Conv3x3Nhwc() {}

    @Override
    public String name() {
        return "conv3x3-nhwc";
    }

    @Override
    public boolean supports(ConvSpec s) {
        return s.groups() == 1 && s.kH() == 3 && s.kW() == 3 && Conv2dKernel.strideOneOrTwo(s);
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "an ungrouped 3x3 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation);
    }

    private static final class Prepared extends WindowConv {
        private final int cin, cout, coutPad;
        /** [tap][ci][coutPad] */
        private final float[] w;
        private final float[] bias;
        /** Input offset of tap t = (ky*3 + kx)*cin + ci relative to a pixel's window corner. */
        private final int[] tapOff;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act) {
            super(s, act);
            cin = s.inC();
            cout = s.outC();
            coutPad = (cout + NB - 1) / NB * NB;
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
            tapOff = new int[9 * cin];
            for (int t = 0; t < tapOff.length; t++) {
                int ky = t / (3 * cin), kx = (t / cin) % 3, ci = t % cin;
                tapOff[t] = (ky * inW + kx) * cin + ci;
            }
        }

        @Override
        void runUnits(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / outH, oy = unit % outH;
                int iy = oy * strideH - padTop;
                int img = inOff + n * inH * rowLen;
                float[] a0 = rowArray(in, iy), a1 = rowArray(in, iy + 1), a2 = rowArray(in, iy + 2);
                int o0 = rowOffset(img, iy), o1 = rowOffset(img, iy + 1), o2 = rowOffset(img, iy + 2);
                int outRow = outOff + unit * outW * cout;
                boolean rowsInside = iy >= 0 && iy + 2 < inH;
                for (int cb = 0; cb < cout; cb += NB) {
                    int ox = 0;
                    for (; ox < oxLo; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                    for (; rowsInside && ox + PX - 1 <= oxHi; ox += PX) {
                        tile(in, o0 + (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                    }
                    for (; ox < outW; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * cout);
            }
        }

        /**
         * Six pixels whose windows lie inside the image (rows and columns), output channels
         * [cb, cb + 2L). One flat loop over the 9*cin taps keeps the method small: with the three
         * kernel loops and a wider epilogue it outgrew C2's inlining budget, vector calls stopped
         * being inlined, and every FMA was boxed (40x slower). The epilogue is therefore always
         * masked (masks made once per tile; cheap on AVX-512, and this layer is ~2 % of the work).
         */
        private void tile(float[] a, int win, float[] out, int q, int cb) {
            final int cp = coutPad, ps = strideW * cin, taps = 9 * cin;
            final int[] off = tapOff;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb), b1 = FloatVector.fromArray(S, bias, cb + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1,
                    c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
            for (int t = 0, wi = cb; t < taps; t++, wi += cp) {
                FloatVector w0 = FloatVector.fromArray(S, w, wi), w1 = FloatVector.fromArray(S, w, wi + L);
                int i = win + off[t];
                FloatVector x = FloatVector.broadcast(S, a[i]);
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = FloatVector.broadcast(S, a[i + ps]);
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = FloatVector.broadcast(S, a[i + 2 * ps]);
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = FloatVector.broadcast(S, a[i + 3 * ps]);
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = FloatVector.broadcast(S, a[i + 4 * ps]);
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = FloatVector.broadcast(S, a[i + 5 * ps]);
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            }
            FloatVector lo = FloatVector.broadcast(S, act.tileMin()), hi = FloatVector.broadcast(S, act.tileMax());
            VectorMask<Float> m0 = Lanes.firstN(cout - cb), m1 = Lanes.firstN(cout - cb - L);
            q += cb;
            c00.blend(lo, c00.compare(LE, lo)).blend(hi, c00.compare(GE, hi)).intoArray(out, q, m0);
            c01.blend(lo, c01.compare(LE, lo)).blend(hi, c01.compare(GE, hi)).intoArray(out, q + L, m1); q += cout;
            c10.blend(lo, c10.compare(LE, lo)).blend(hi, c10.compare(GE, hi)).intoArray(out, q, m0);
            c11.blend(lo, c11.compare(LE, lo)).blend(hi, c11.compare(GE, hi)).intoArray(out, q + L, m1); q += cout;
            c20.blend(lo, c20.compare(LE, lo)).blend(hi, c20.compare(GE, hi)).intoArray(out, q, m0);
            c21.blend(lo, c21.compare(LE, lo)).blend(hi, c21.compare(GE, hi)).intoArray(out, q + L, m1); q += cout;
            c30.blend(lo, c30.compare(LE, lo)).blend(hi, c30.compare(GE, hi)).intoArray(out, q, m0);
            c31.blend(lo, c31.compare(LE, lo)).blend(hi, c31.compare(GE, hi)).intoArray(out, q + L, m1); q += cout;
            c40.blend(lo, c40.compare(LE, lo)).blend(hi, c40.compare(GE, hi)).intoArray(out, q, m0);
            c41.blend(lo, c41.compare(LE, lo)).blend(hi, c41.compare(GE, hi)).intoArray(out, q + L, m1); q += cout;
            c50.blend(lo, c50.compare(LE, lo)).blend(hi, c50.compare(GE, hi)).intoArray(out, q, m0);
            c51.blend(lo, c51.compare(LE, lo)).blend(hi, c51.compare(GE, hi)).intoArray(out, q + L, m1);
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
            int q = outRow + ox * cout + cb;
            c0.max(act.min()).min(act.max()).intoArray(out, q, Lanes.firstN(cout - cb));
            c1.max(act.min()).min(act.max()).intoArray(out, q + L, Lanes.firstN(cout - (cb + L)));
        }
    }
}
