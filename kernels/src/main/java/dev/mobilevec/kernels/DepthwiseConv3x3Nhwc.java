package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Depthwise 3x3 convolution, NHWC, stride 1 or 2, padding 0..2 per side, bias and clamp fused.
 *
 * <p>Loop order per output row: channel block outer, pixels inner, so the nine weight vectors and
 * the bias of a block stay in registers (11 of 16/32; two blocks, 20 + 4, with 512-bit vectors)
 * while the kernel sweeps the row. From 256 channels on, that sweep strides through memory 1-4 KB at
 * a time and thrashes a few L1 sets, so wide layers run pixel-major instead, two pixels per weight
 * load. At 1024 channels even one 3x3 window is nine lines 4 KB apart, all in one set of an 8-way
 * 32 KB L1: that layer (7x7x1024) stays slow, ~13 % of peak.
 * Out-of-range input rows are read from a zero row instead of being branched on; since weights are
 * finite (checked at prepare), a zero input contributes exactly nothing, as a skipped tap would.
 * Only the at most two border pixels at each end of a row check their columns. A channel tail
 * that is not a whole vector runs a separate masked sweep so full blocks keep plain loads and
 * stores (masked ones are cheap on AVX-512, not on AVX2/NEON).
 */
public final class DepthwiseConv3x3Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;

    /**
     * From this many channels the interior runs pixel-major (see interiorPixelMajor). Measured with
     * LayerBenchmark on MobileNet v1's shapes (us, channel-major vs pixel-major): C=128 215 vs 257,
     * C=256 153 vs 116, C=512 111 vs 73, C=1024 (7x7) 92 vs 66-78.
     */
    static final int PIXEL_MAJOR_MIN_CHANNELS = 256;

    /**
     * Below that, sweep two channel blocks at a time (sweepPair) when the vectors are 512 bits wide,
     * which implies 32 vector registers; with 16 (AVX2) its 24 live vectors would spill. Measured on
     * 56x56x128: 160-212 us vs 213-261 us with single blocks (the machine is noisy; never slower on
     * C >= 64, mixed on C = 32).
     */
    static final boolean PAIRS = Lanes.COUNT >= 16;

    public static final DepthwiseConv3x3Nhwc INSTANCE = new DepthwiseConv3x3Nhwc();

    private DepthwiseConv3x3Nhwc() {}

    @Override
    public String name() {
        return "depthwise3x3-nhwc";
    }

    @Override
    public boolean supports(ConvSpec s) {
        return s.isDepthwise() && s.kH() == 3 && s.kW() == 3 && Conv2dKernel.strideOneOrTwo(s);
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "a depthwise 3x3 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation);
    }

    private static final class Prepared extends WindowConv {
        private final int c, cPad;
        /** Tap-major weights [9][cPad], zero-padded so weight loads never need a mask. */
        private final float[] w;
        private final float[] bias;
        private final boolean pixelMajor;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act) {
            super(s, act);
            c = s.inC();
            cPad = Lanes.roundUp(c);
            w = new float[9 * cPad];
            for (int ch = 0; ch < c; ch++) {
                for (int tap = 0; tap < 9; tap++) {
                    w[tap * cPad + ch] = weights[ch * 9 + tap];
                }
            }
            bias = new float[cPad];
            System.arraycopy(b, 0, bias, 0, c);
            pixelMajor = c >= PIXEL_MAJOR_MIN_CHANNELS;
        }

        @Override
        void runUnits(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / outH, oy = unit % outH;
                int iy = oy * strideH - padTop;
                int img = inOff + n * inH * rowLen;
                float[] a0 = rowArray(in, iy), a1 = rowArray(in, iy + 1), a2 = rowArray(in, iy + 2);
                int o0 = rowOffset(img, iy), o1 = rowOffset(img, iy + 1), o2 = rowOffset(img, iy + 2);
                int outRow = outOff + unit * outW * c;
                for (int ox = 0; ox < oxLo; ox++) {
                    border(a0, o0, a1, o1, a2, o2, out, outRow, ox);
                }
                if (pixelMajor) {
                    interiorPixelMajor(a0, o0, a1, o1, a2, o2, out, outRow);
                    if (c % L != 0) {
                        sweepTail(a0, o0, a1, o1, a2, o2, out, outRow, c - c % L);
                    }
                } else {
                    int ch = 0;
                    if (PAIRS) {
                        for (; ch + 2 * L <= c; ch += 2 * L) {
                            sweepPair(a0, o0, a1, o1, a2, o2, out, outRow, ch);
                        }
                    }
                    for (; ch < c; ch += L) {
                        if (ch + L <= c) {
                            sweep(a0, o0, a1, o1, a2, o2, out, outRow, ch);
                        } else {
                            sweepTail(a0, o0, a1, o1, a2, o2, out, outRow, ch);
                        }
                    }
                }
                for (int ox = Math.max(oxHi + 1, oxLo); ox < outW; ox++) {
                    border(a0, o0, a1, o1, a2, o2, out, outRow, ox);
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * c);
            }
        }

        /**
         * Interior pixels, pixel outer and channel blocks inner, two pixels at a time so each weight
         * vector loaded from L1 serves two FMAs. Used for wide channel counts, where the
         * channel-major sweep steps through memory C*4 bytes at a time (2-4 KB for C = 512-1024):
         * every load of a sweep then falls into the same few L1 sets.
         */
        private void interiorPixelMajor(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow) {
            final int cc = c, cp = cPad, full = c - c % L, step = strideW * cc;
            FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
            int ox = oxLo;
            for (; ox < oxHi; ox += 2) {
                int p = (ox * strideW - padLeft) * cc;
                int q = outRow + ox * cc;
                for (int ch = 0; ch < full; ch += L) {
                    int i = p + ch, j = i + step;
                    FloatVector b = FloatVector.fromArray(S, bias, ch);
                    FloatVector wv = FloatVector.fromArray(S, w, ch);
                    FloatVector x = FloatVector.fromArray(S, a0, o0 + i).fma(wv, b);
                    FloatVector y = FloatVector.fromArray(S, a0, o0 + j).fma(wv, b);
                    wv = FloatVector.fromArray(S, w, cp + ch);
                    x = FloatVector.fromArray(S, a0, o0 + i + cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a0, o0 + j + cc).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 2 * cp + ch);
                    x = FloatVector.fromArray(S, a0, o0 + i + 2 * cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a0, o0 + j + 2 * cc).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 3 * cp + ch);
                    x = FloatVector.fromArray(S, a1, o1 + i).fma(wv, x);
                    y = FloatVector.fromArray(S, a1, o1 + j).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 4 * cp + ch);
                    x = FloatVector.fromArray(S, a1, o1 + i + cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a1, o1 + j + cc).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 5 * cp + ch);
                    x = FloatVector.fromArray(S, a1, o1 + i + 2 * cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a1, o1 + j + 2 * cc).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 6 * cp + ch);
                    x = FloatVector.fromArray(S, a2, o2 + i).fma(wv, x);
                    y = FloatVector.fromArray(S, a2, o2 + j).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 7 * cp + ch);
                    x = FloatVector.fromArray(S, a2, o2 + i + cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a2, o2 + j + cc).fma(wv, y);
                    wv = FloatVector.fromArray(S, w, 8 * cp + ch);
                    x = FloatVector.fromArray(S, a2, o2 + i + 2 * cc).fma(wv, x);
                    y = FloatVector.fromArray(S, a2, o2 + j + 2 * cc).fma(wv, y);
                    x.max(lo).min(hi).intoArray(out, q + ch);
                    y.max(lo).min(hi).intoArray(out, q + cc + ch);
                }
            }
            if (ox == oxHi) {
                // The odd last pixel, still pixel-major (one weight load per FMA).
                int p = (ox * strideW - padLeft) * cc;
                int q = outRow + ox * cc;
                for (int ch = 0; ch < full; ch += L) {
                    int i = p + ch;
                    FloatVector x = FloatVector.fromArray(S, a0, o0 + i).fma(FloatVector.fromArray(S, w, ch), FloatVector.fromArray(S, bias, ch));
                    x = FloatVector.fromArray(S, a0, o0 + i + cc).fma(FloatVector.fromArray(S, w, cp + ch), x);
                    x = FloatVector.fromArray(S, a0, o0 + i + 2 * cc).fma(FloatVector.fromArray(S, w, 2 * cp + ch), x);
                    x = FloatVector.fromArray(S, a1, o1 + i).fma(FloatVector.fromArray(S, w, 3 * cp + ch), x);
                    x = FloatVector.fromArray(S, a1, o1 + i + cc).fma(FloatVector.fromArray(S, w, 4 * cp + ch), x);
                    x = FloatVector.fromArray(S, a1, o1 + i + 2 * cc).fma(FloatVector.fromArray(S, w, 5 * cp + ch), x);
                    x = FloatVector.fromArray(S, a2, o2 + i).fma(FloatVector.fromArray(S, w, 6 * cp + ch), x);
                    x = FloatVector.fromArray(S, a2, o2 + i + cc).fma(FloatVector.fromArray(S, w, 7 * cp + ch), x);
                    x = FloatVector.fromArray(S, a2, o2 + i + 2 * cc).fma(FloatVector.fromArray(S, w, 8 * cp + ch), x);
                    x.max(lo).min(hi).intoArray(out, q + ch);
                }
            }
        }

        /**
         * Interior pixels of two full channel blocks at once: 18 weight vectors and 2 biases stay in
         * registers (with 2 accumulators and the clamp bounds, 24 of AVX-512's 32), each pixel runs two
         * independent FMA chains and reads 128 contiguous bytes per tap.
         */
        private void sweepPair(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch) {
            final int cp = cPad, cc = c, step = strideW * cc, d = ch + L;
            FloatVector w00 = FloatVector.fromArray(S, w, ch), w01 = FloatVector.fromArray(S, w, cp + ch),
                    w02 = FloatVector.fromArray(S, w, 2 * cp + ch), w10 = FloatVector.fromArray(S, w, 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, 4 * cp + ch), w12 = FloatVector.fromArray(S, w, 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, 6 * cp + ch), w21 = FloatVector.fromArray(S, w, 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, 8 * cp + ch);
            FloatVector v00 = FloatVector.fromArray(S, w, d), v01 = FloatVector.fromArray(S, w, cp + d),
                    v02 = FloatVector.fromArray(S, w, 2 * cp + d), v10 = FloatVector.fromArray(S, w, 3 * cp + d),
                    v11 = FloatVector.fromArray(S, w, 4 * cp + d), v12 = FloatVector.fromArray(S, w, 5 * cp + d),
                    v20 = FloatVector.fromArray(S, w, 6 * cp + d), v21 = FloatVector.fromArray(S, w, 7 * cp + d),
                    v22 = FloatVector.fromArray(S, w, 8 * cp + d);
            FloatVector b = FloatVector.fromArray(S, bias, ch), e = FloatVector.fromArray(S, bias, d);
            FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
            int p = (oxLo * strideW - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            for (int ox = oxLo; ox <= oxHi; ox++, p += step, q += cc) {
                FloatVector x = FloatVector.fromArray(S, a0, o0 + p).fma(w00, b);
                FloatVector y = FloatVector.fromArray(S, a0, o0 + p + L).fma(v00, e);
                x = FloatVector.fromArray(S, a0, o0 + p + cc).fma(w01, x);
                y = FloatVector.fromArray(S, a0, o0 + p + cc + L).fma(v01, y);
                x = FloatVector.fromArray(S, a0, o0 + p + 2 * cc).fma(w02, x);
                y = FloatVector.fromArray(S, a0, o0 + p + 2 * cc + L).fma(v02, y);
                x = FloatVector.fromArray(S, a1, o1 + p).fma(w10, x);
                y = FloatVector.fromArray(S, a1, o1 + p + L).fma(v10, y);
                x = FloatVector.fromArray(S, a1, o1 + p + cc).fma(w11, x);
                y = FloatVector.fromArray(S, a1, o1 + p + cc + L).fma(v11, y);
                x = FloatVector.fromArray(S, a1, o1 + p + 2 * cc).fma(w12, x);
                y = FloatVector.fromArray(S, a1, o1 + p + 2 * cc + L).fma(v12, y);
                x = FloatVector.fromArray(S, a2, o2 + p).fma(w20, x);
                y = FloatVector.fromArray(S, a2, o2 + p + L).fma(v20, y);
                x = FloatVector.fromArray(S, a2, o2 + p + cc).fma(w21, x);
                y = FloatVector.fromArray(S, a2, o2 + p + cc + L).fma(v21, y);
                x = FloatVector.fromArray(S, a2, o2 + p + 2 * cc).fma(w22, x);
                y = FloatVector.fromArray(S, a2, o2 + p + 2 * cc + L).fma(v22, y);
                x.max(lo).min(hi).intoArray(out, q);
                y.max(lo).min(hi).intoArray(out, q + L);
            }
        }

        /** Interior pixels of one full channel block. */
        private void sweep(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch) {
            final int cp = cPad, cc = c, step = strideW * cc;
            FloatVector w00 = FloatVector.fromArray(S, w, ch), w01 = FloatVector.fromArray(S, w, cp + ch),
                    w02 = FloatVector.fromArray(S, w, 2 * cp + ch), w10 = FloatVector.fromArray(S, w, 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, 4 * cp + ch), w12 = FloatVector.fromArray(S, w, 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, 6 * cp + ch), w21 = FloatVector.fromArray(S, w, 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
            int p = (oxLo * strideW - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            for (int ox = oxLo; ox <= oxHi; ox++, p += step, q += cc) {
                FloatVector acc = FloatVector.fromArray(S, a0, o0 + p).fma(w00, b);
                acc = FloatVector.fromArray(S, a0, o0 + p + cc).fma(w01, acc);
                acc = FloatVector.fromArray(S, a0, o0 + p + 2 * cc).fma(w02, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p).fma(w10, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p + cc).fma(w11, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p + 2 * cc).fma(w12, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p).fma(w20, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p + cc).fma(w21, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p + 2 * cc).fma(w22, acc);
                acc.max(lo).min(hi).intoArray(out, q);
            }
        }

        /**
         * Interior pixels of the last, partial channel block (C not a multiple of L; all channels when
         * C < L). A masked load that may run past its array's end makes C2 box every vector of the
         * method it is compiled into (23 MB per call at 112x112x8), so pixels whose full-width loads
         * stay inside their arrays take plain loads: the extra lanes read the next pixel's channels,
         * multiply zero-padded weights and are never stored (stores stay masked). Only the pixels at the
         * very end of an array go through {@link #sweepTailMasked}, a separate method.
         */
        private void sweepTail(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch) {
            final int cp = cPad, cc = c, step = strideW * cc;
            int p0 = (oxLo * strideW - padLeft) * cc + ch, q0 = outRow + oxLo * cc + ch;
            // Last ox whose loads (up to o + p + 2cc + L) and store (q + L) are inside the arrays.
            long safe = oxHi;
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a0.length - L - 2L * cc - o0 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a1.length - L - 2L * cc - o1 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a2.length - L - 2L * cc - o2 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) out.length - L - q0, cc));
            int oxSafe = (int) Math.max(oxLo - 1, safe);
            VectorMask<Float> m = Lanes.firstN(cc - ch);
            FloatVector w00 = FloatVector.fromArray(S, w, ch), w01 = FloatVector.fromArray(S, w, cp + ch),
                    w02 = FloatVector.fromArray(S, w, 2 * cp + ch), w10 = FloatVector.fromArray(S, w, 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, 4 * cp + ch), w12 = FloatVector.fromArray(S, w, 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, 6 * cp + ch), w21 = FloatVector.fromArray(S, w, 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
            int p = p0, q = q0;
            for (int ox = oxLo; ox <= oxSafe; ox++, p += step, q += cc) {
                FloatVector acc = FloatVector.fromArray(S, a0, o0 + p).fma(w00, b);
                acc = FloatVector.fromArray(S, a0, o0 + p + cc).fma(w01, acc);
                acc = FloatVector.fromArray(S, a0, o0 + p + 2 * cc).fma(w02, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p).fma(w10, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p + cc).fma(w11, acc);
                acc = FloatVector.fromArray(S, a1, o1 + p + 2 * cc).fma(w12, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p).fma(w20, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p + cc).fma(w21, acc);
                acc = FloatVector.fromArray(S, a2, o2 + p + 2 * cc).fma(w22, acc);
                acc.max(lo).min(hi).intoArray(out, q, m);
            }
            if (oxSafe < oxHi) {
                sweepTailMasked(a0, o0, a1, o1, a2, o2, out, outRow, ch, oxSafe + 1);
            }
        }

        /**
         * The end-of-array pixels of {@link #sweepTail}, from {@code oxFrom}, in scalar code: a few pixels
         * per call, too rare for C2 to compile, and interpreted Vector API code allocates. Math.fma per
         * lane in the same tap order gives the vector FMA chain's exact bits.
         */
        private void sweepTailMasked(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch,
                                     int oxFrom) {
            final int cp = cPad, cc = c, step = strideW * cc;
            int p = (oxFrom * strideW - padLeft) * cc + ch;
            int q = outRow + oxFrom * cc + ch;
            for (int ox = oxFrom; ox <= oxHi; ox++, p += step, q += cc) {
                for (int j = 0; j < cc - ch; j++) {
                    float acc = bias[ch + j];
                    for (int t = 0; t < 9; t++) {
                        float[] a = t < 3 ? a0 : t < 6 ? a1 : a2;
                        int o = (t < 3 ? o0 : t < 6 ? o1 : o2) + p + (t % 3) * cc + j;
                        acc = Math.fma(a[o], w[t * cp + ch + j], acc);
                    }
                    out[q + j] = Math.min(Math.max(acc, act.min()), act.max()); // the clamp part; gated activations follow per row
                }
            }
        }

        /**
         * One pixel whose 3x3 window leaves the image at the left or right, all channels (pixel
         * outer, channels inner: the setup is paid once per pixel, not once per channel block).
         * Only the columns inside the image are read, in the same tap order as the sweep, so each
         * output gets the same FMA chain as a skipped-tap reference would.
         */
        private void border(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ox) {
            int ix = ox * strideW - padLeft;
            int kxLo = Math.max(0, -ix), kxHi = Math.min(2, inW - 1 - ix);
            int q = outRow + ox * c;
            FloatVector lo = FloatVector.broadcast(S, act.min()), hi = FloatVector.broadcast(S, act.max());
            int r0 = o0 + ix * c, r1 = o1 + ix * c, r2 = o2 + ix * c;
            int ch = 0;
            // Full blocks unmasked: on 7x7 layers two of every seven pixels come through here.
            for (; ch + L <= c; ch += L) {
                FloatVector acc = FloatVector.fromArray(S, bias, ch);
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a0, r0 + kx * c + ch).fma(FloatVector.fromArray(S, w, kx * cPad + ch), acc);
                }
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a1, r1 + kx * c + ch).fma(FloatVector.fromArray(S, w, (3 + kx) * cPad + ch), acc);
                }
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a2, r2 + kx * c + ch).fma(FloatVector.fromArray(S, w, (6 + kx) * cPad + ch), acc);
                }
                acc.max(lo).min(hi).intoArray(out, q + ch);
            }
            if (ch < c) {
                // Plain loads when every full-width load stays inside its array (see sweepTail).
                long end = (long) ch + kxHi * c + L;
                if (r0 + end <= a0.length && r1 + end <= a1.length && r2 + end <= a2.length && (long) q + ch + L <= out.length) {
                    VectorMask<Float> m = Lanes.firstN(c - ch);
                    FloatVector acc = FloatVector.fromArray(S, bias, ch);
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = FloatVector.fromArray(S, a0, r0 + kx * c + ch).fma(FloatVector.fromArray(S, w, kx * cPad + ch), acc);
                    }
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = FloatVector.fromArray(S, a1, r1 + kx * c + ch).fma(FloatVector.fromArray(S, w, (3 + kx) * cPad + ch), acc);
                    }
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = FloatVector.fromArray(S, a2, r2 + kx * c + ch).fma(FloatVector.fromArray(S, w, (6 + kx) * cPad + ch), acc);
                    }
                    acc.max(lo).min(hi).intoArray(out, q + ch, m);
                } else {
                    borderTailMasked(a0, r0, a1, r1, a2, r2, out, q, ch, kxLo, kxHi);
                }
            }
        }

        /** The channel tail of a border pixel at the very end of an array, in scalar code (see sweepTailMasked). */
        private void borderTailMasked(float[] a0, int r0, float[] a1, int r1, float[] a2, int r2, float[] out, int q, int ch,
                                      int kxLo, int kxHi) {
            for (int j = 0; j < c - ch; j++) {
                float acc = bias[ch + j];
                for (int ky = 0; ky < 3; ky++) {
                    float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                    int o = (ky == 0 ? r0 : ky == 1 ? r1 : r2) + ch + j;
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = Math.fma(a[o + kx * c], w[(ky * 3 + kx) * cPad + ch + j], acc);
                    }
                }
                out[q + ch + j] = Math.min(Math.max(acc, act.min()), act.max()); // the clamp part; gated activations follow per row
            }
        }
    }
}
