package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * Depthwise 5x5 convolution, NHWC, stride 1 or 2, padding 0..4 per side (MobileNetV3 uses 2), bias
 * and clamp fused. Pixel outer, channel blocks inner, 25 taps innermost with the weight vector read
 * from L1 next to each input vector: 25 live weight vectors would not fit 16 registers (AVX2/NEON),
 * and this layer type is a few percent of a MobileNetV3's work. Input rows outside the image are read
 * from a zero row (weights are finite, so that is a skipped tap, see WindowConv); columns outside are
 * skipped by narrowing the tap range of the border pixels. A channel tail is one masked block.
 */
public final class DepthwiseConv5x5Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;
    private static final int K = 5;

    public static final DepthwiseConv5x5Nhwc INSTANCE = new DepthwiseConv5x5Nhwc();

    private DepthwiseConv5x5Nhwc() {}

    @Override
    public String name() {
        return "depthwise5x5-nhwc";
    }

    @Override
    public boolean supports(ConvSpec s) {
        return s.isDepthwise() && s.kH() == K && s.kW() == K && Conv2dKernel.strideOneOrTwo(s);
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "a depthwise 5x5 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation);
    }

    private static final class Prepared extends WindowConv {
        private final int c, cPad, full;
        /** Tap-major weights [25][cPad], zero-padded so weight loads never need a mask. */
        private final float[] w;
        private final float[] bias;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act) {
            super(s, act);
            c = s.inC();
            cPad = Lanes.roundUp(c);
            full = c - c % L;
            w = new float[Checks.product("packed 5x5 weights", K * K, cPad)];
            for (int ch = 0; ch < c; ch++) {
                for (int tap = 0; tap < K * K; tap++) {
                    w[tap * cPad + ch] = weights[ch * K * K + tap];
                }
            }
            bias = new float[cPad];
            System.arraycopy(b, 0, bias, 0, c);
        }

        @Override
        void runUnits(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / outH, oy = unit % outH;
                int iy = oy * strideH - padTop;
                int img = inOff + n * inH * rowLen;
                int outRow = outOff + unit * outW * c;
                for (int ox = 0; ox < outW; ) {
                    int ix = ox * strideW - padLeft;
                    if (full > 0 && ox + 3 < outW && ix >= 0 && ix + 3 * strideW + K - 1 <= inW - 1) {
                        // Four interior pixels: the full blocks four at a time (see pixelBlock4), the tail per pixel.
                        int q = outRow + ox * c;
                        int ch = 0;
                        for (; ch + 2 * L <= full; ch += 2 * L) {
                            pixelBlock4x2(in, img, iy, ix, out, q, ch);
                        }
                        for (; ch < full; ch += L) {
                            pixelBlock4(in, img, iy, ix, out, q, ch);
                        }
                        for (int p = 0; full < c && p < 4; p++) {
                            pixelTail(in, img, iy, ix + p * strideW, 0, K - 1, out, q + p * c, full);
                        }
                        ox += 4;
                        continue;
                    }
                    int kxLo = Math.max(0, -ix), kxHi = Math.min(K - 1, inW - 1 - ix);
                    int q = outRow + ox * c;
                    for (int ch = 0; ch < full; ch += L) {
                        pixelBlock(in, img, iy, ix, kxLo, kxHi, out, q, ch);
                    }
                    if (full < c) {
                        pixelTail(in, img, iy, ix, kxLo, kxHi, out, q, full);
                    }
                    ox++;
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * c);
            }
        }

        private void pixelBlock(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            FloatVector acc = FloatVector.fromArray(S, bias, ch);
            for (int ky = 0; ky < K; ky++) {
                float[] a = rowArray(in, iy + ky);
                int base = rowOffset(img, iy + ky) + ix * c + ch;
                int wi = ky * K * cPad + ch;
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a, base + kx * c).fma(FloatVector.fromArray(S, w, wi + kx * cPad), acc);
                }
            }
            acc.max(act.min()).min(act.max()).intoArray(out, q + ch);
        }

        /**
         * One full channel block of four neighbouring interior pixels: four independent 25-FMA chains that share
         * each weight load. One pixel's single chain is bound by FMA latency (25 dependent FMAs: 14x14x480 ran at
         * 13 GFLOPS, 6 % of peak); each chain keeps the order of {@link #pixelBlock} (bias, then ky, kx ascending),
         * so the bits are the same. Six live vectors: fits 16 registers too.
         */
        private void pixelBlock4(float[] in, int img, int iy, int ix, float[] out, int q, int ch) {
            final int cc = c, step = strideW * cc;
            FloatVector acc0 = FloatVector.fromArray(S, bias, ch), acc1 = acc0, acc2 = acc0, acc3 = acc0;
            for (int ky = 0; ky < K; ky++) {
                float[] a = rowArray(in, iy + ky);
                int base = rowOffset(img, iy + ky) + ix * cc + ch;
                int wi = ky * K * cPad + ch;
                for (int kx = 0; kx < K; kx++) {
                    FloatVector wv = FloatVector.fromArray(S, w, wi + kx * cPad);
                    int i = base + kx * cc;
                    acc0 = FloatVector.fromArray(S, a, i).fma(wv, acc0);
                    acc1 = FloatVector.fromArray(S, a, i + step).fma(wv, acc1);
                    acc2 = FloatVector.fromArray(S, a, i + 2 * step).fma(wv, acc2);
                    acc3 = FloatVector.fromArray(S, a, i + 3 * step).fma(wv, acc3);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, act.tileMin()), hi = FloatVector.broadcast(S, act.tileMax());
            acc0.blend(lo, acc0.compare(LE, lo)).blend(hi, acc0.compare(GE, hi)).intoArray(out, q + ch);
            acc1.blend(lo, acc1.compare(LE, lo)).blend(hi, acc1.compare(GE, hi)).intoArray(out, q + cc + ch);
            acc2.blend(lo, acc2.compare(LE, lo)).blend(hi, acc2.compare(GE, hi)).intoArray(out, q + 2 * cc + ch);
            acc3.blend(lo, acc3.compare(LE, lo)).blend(hi, acc3.compare(GE, hi)).intoArray(out, q + 3 * cc + ch);
        }

        /**
         * {@link #pixelBlock4} for two channel blocks: eight independent chains (four would leave FMA latency
         * exposed), two weight loads and eight input loads per tap; 10 live vectors plus 2 temporaries.
         */
        private void pixelBlock4x2(float[] in, int img, int iy, int ix, float[] out, int q, int ch) {
            final int cc = c, step = strideW * cc, d = ch + L;
            FloatVector a0 = FloatVector.fromArray(S, bias, ch), a1 = a0, a2 = a0, a3 = a0;
            FloatVector b0 = FloatVector.fromArray(S, bias, d), b1 = b0, b2 = b0, b3 = b0;
            for (int ky = 0; ky < K; ky++) {
                float[] a = rowArray(in, iy + ky);
                int base = rowOffset(img, iy + ky) + ix * cc + ch;
                int wi = ky * K * cPad + ch;
                for (int kx = 0; kx < K; kx++) {
                    FloatVector wv = FloatVector.fromArray(S, w, wi + kx * cPad);
                    FloatVector wu = FloatVector.fromArray(S, w, wi + kx * cPad + L);
                    int i = base + kx * cc;
                    a0 = FloatVector.fromArray(S, a, i).fma(wv, a0);
                    b0 = FloatVector.fromArray(S, a, i + L).fma(wu, b0);
                    a1 = FloatVector.fromArray(S, a, i + step).fma(wv, a1);
                    b1 = FloatVector.fromArray(S, a, i + step + L).fma(wu, b1);
                    a2 = FloatVector.fromArray(S, a, i + 2 * step).fma(wv, a2);
                    b2 = FloatVector.fromArray(S, a, i + 2 * step + L).fma(wu, b2);
                    a3 = FloatVector.fromArray(S, a, i + 3 * step).fma(wv, a3);
                    b3 = FloatVector.fromArray(S, a, i + 3 * step + L).fma(wu, b3);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, act.tileMin()), hi = FloatVector.broadcast(S, act.tileMax());
            a0.blend(lo, a0.compare(LE, lo)).blend(hi, a0.compare(GE, hi)).intoArray(out, q + ch);
            b0.blend(lo, b0.compare(LE, lo)).blend(hi, b0.compare(GE, hi)).intoArray(out, q + d);
            a1.blend(lo, a1.compare(LE, lo)).blend(hi, a1.compare(GE, hi)).intoArray(out, q + cc + ch);
            b1.blend(lo, b1.compare(LE, lo)).blend(hi, b1.compare(GE, hi)).intoArray(out, q + cc + d);
            a2.blend(lo, a2.compare(LE, lo)).blend(hi, a2.compare(GE, hi)).intoArray(out, q + 2 * cc + ch);
            b2.blend(lo, b2.compare(LE, lo)).blend(hi, b2.compare(GE, hi)).intoArray(out, q + 2 * cc + d);
            a3.blend(lo, a3.compare(LE, lo)).blend(hi, a3.compare(GE, hi)).intoArray(out, q + 3 * cc + ch);
            b3.blend(lo, b3.compare(LE, lo)).blend(hi, b3.compare(GE, hi)).intoArray(out, q + 3 * cc + d);
        }

        /**
         * The channel tail of one pixel. Plain loads when every full-width load stays inside its array
         * (the extra lanes multiply zero-padded weights and are not stored); at the very end of an
         * array, {@link #pixelTailMasked}. A masked load that may leave its array makes C2 box every
         * vector of the method it is compiled into, so that case lives in its own method.
         */
        private void pixelTail(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            boolean inside = (long) q + ch + L <= out.length;
            for (int ky = 0; ky < K && inside; ky++) {
                long end = (long) rowOffset(img, iy + ky) + (long) ix * c + ch + (long) kxHi * c + L;
                inside = end <= rowArray(in, iy + ky).length;
            }
            if (!inside) {
                pixelTailMasked(in, img, iy, ix, kxLo, kxHi, out, q, ch);
                return;
            }
            FloatVector acc = FloatVector.fromArray(S, bias, ch);
            for (int ky = 0; ky < K; ky++) {
                float[] a = rowArray(in, iy + ky);
                int base = rowOffset(img, iy + ky) + ix * c + ch;
                int wi = ky * K * cPad + ch;
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a, base + kx * c).fma(FloatVector.fromArray(S, w, wi + kx * cPad), acc);
                }
            }
            acc.max(act.min()).min(act.max()).intoArray(out, q + ch, Lanes.firstN(c - ch));
        }

        /** {@link #pixelTail} at the very end of an array, in scalar code: too rare for C2, and interpreted vector code allocates. */
        private void pixelTailMasked(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            for (int j = 0; j < c - ch; j++) {
                float acc = bias[ch + j];
                for (int ky = 0; ky < K; ky++) {
                    float[] a = rowArray(in, iy + ky);
                    int base = rowOffset(img, iy + ky) + ix * c + ch + j;
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = Math.fma(a[base + kx * c], w[ky * K * cPad + ch + j + kx * cPad], acc);
                    }
                }
                out[q + ch + j] = Math.min(Math.max(acc, act.min()), act.max()); // the clamp part; gated activations follow per row
            }
        }
    }
}
