package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * Depthwise 5x5 convolution, NHWC, stride 1 or 2, padding 0..4 per side (MobileNetV3 uses 2), bias
 * and clamp fused. Each output row is swept per channel block in two passes that slide along the row (see
 * sweepRow): with 32 vector registers (AVX-512 at any width, AArch64: {@link Lanes#REGISTERS}) the weights stay
 * in registers; with 16 (AVX2), where 15 live weight vectors would spill, each weight is loaded from L1 where it
 * is used (the *Reload sweeps, same chains), and at stride 2 two output rows share each weight load where their
 * input rows lie inside the image (the *Pair sweeps, same chains). Every
 * path runs an output's taps in one order: kernel rows 0-2 column by column, then rows 3-4 column by
 * column. Input rows outside the image are read from a zero row (weights are finite, so that is a
 * skipped tap, see WindowConv); columns outside are never read: the stride-1 sweep's chains start late or
 * end early, the stride-2 sweeps take a zero vector for them (a skipped tap in the same sense), and a border
 * pixel done on its own narrows its tap range.
 */
public final class DepthwiseConv5x5Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;
    private static final int K = 5;
    /**
     * Weights held in registers by the row sweeps (24 live vectors): 32-register machines. With 16 the *Reload
     * sweeps load them where used; on Zen 3 (AVX2) that took the stride-1 layers from 14-16 GFLOPS pixel by pixel
     * to 29-40, stride 2 from 14-15 to 20-27 (stand-alone, 28x28x120 ... 7x7x1152, 56x56x72/s2 ... 14x14x576/s2).
     */
    static final boolean SWEEP = Lanes.REGISTERS >= 32;

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
        return new Prepared(spec, weights, b, activation, !SWEEP);
    }

    /**
     * {@link #prepare} with the two-rows-per-sweep stride-2 path on or off (16 registers; off: every row swept alone),
     * for the tests that compare the two and the benchmarks that measure them.
     */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation, boolean pairs) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "a depthwise 5x5 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation, pairs && !SWEEP);
    }

    private static final class Prepared extends WindowConv {
        private final int c, cPad, full;
        /**
         * The first output the stride-2 sweeps start at: 0 when its missing left columns number at most three (padding
         * 1-3; they read as zero vectors, as padding rows read the zero row), else oxLo with the border pixels
         * before it done one by one. The sweeps also run the right-border outputs with zero vectors past the image:
         * those pixels had gone one by one, 25-FMA chains per channel block, 2 of 7 on a 7-wide row.
         */
        private final int s2First;
        /** Tap-major weights [25][cPad] from {@code wOff}, zero-padded so weight loads never need a mask. */
        private final float[] w;
        /** Where w's data starts ({@link HeapAlignment#allocate}: 64-byte aligned where that can be known). */
        private final int wOff;
        /**
         * The same weights block-major, [cPad / L][25][L], for the 16-register sweeps that load each weight where it
         * is used: one base per channel block and constant displacements, where tap-major needs a general
         * register per tap (25 runtime offsets, more than x86 has).
         */
        private final float[] wBlocks;
        /** Where wBlocks' data starts ({@link HeapAlignment#allocate}: 64-byte aligned where that can be known). */
        private final int wbo;
        private final float[] bias;

        /** Stride 2 with 16 registers: two output rows per sweep where they fit (see rows012s2Pair). */
        private final boolean pairs;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act, boolean pairs) {
            super(s, act);
            this.pairs = pairs && s.strideH() == 2 && s.strideW() == 2;
            c = s.inC();
            cPad = Lanes.roundUp(c);
            full = c - c % L;
            s2First = padLeft <= 3 ? 0 : oxLo;
            int packedLength = Checks.product("packed 5x5 weights", K * K, cPad);
            HeapAlignment.Slice taps = HeapAlignment.allocate(packedLength);
            w = taps.array();
            wOff = taps.offset();
            for (int ch = 0; ch < c; ch++) {
                for (int tap = 0; tap < K * K; tap++) {
                    w[wOff + tap * cPad + ch] = weights[ch * K * K + tap];
                }
            }
            HeapAlignment.Slice blocks = SWEEP ? null : HeapAlignment.allocate(packedLength);
            wBlocks = SWEEP ? null : blocks.array();
            wbo = SWEEP ? 0 : blocks.offset();
            for (int ch = 0; !SWEEP && ch < c; ch++) {
                for (int tap = 0; tap < K * K; tap++) {
                    wBlocks[wbo + (ch / L * K * K + tap) * L + ch % L] = weights[ch * K * K + tap];
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
                // Two rows of one image at once where all their input rows lie inside it (see rows012s2Pair).
                if (pairs && full > 0 && oxLo <= oxHi && unit + 1 < unitTo && oy + 1 < outH
                        && iy >= 0 && iy + 2 + K - 1 < inH) {
                    sweepRowPair(in, img, iy, out, outRow);
                    VectorActivation.apply(act, out, outRow, 1, 0, 2 * outW * c);
                    unit++;
                    continue;
                }
                if (full > 0 && (strideW == 1 || oxLo <= oxHi)) {
                    sweepRow(in, img, iy, out, outRow);
                } else {
                    pixelRow(in, img, iy, out, outRow);
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * c);
            }
        }

        /**
         * One output row, 32 registers: per full channel block, kernel rows 0-2 slide along the row (each
         * input column's three vectors loaded once for the five outputs that use it; 15 weights, 4 partial
         * sums and the loads fit 32 registers), the partial sums go to the output, then rows 3-4 slide the same
         * way from them and clamp. Per output 5 input loads, one partial load and two stores for 25 FMAs, where
         * a pixel-block kernel loads an input and a weight vector per FMA. At stride 1 the sweep covers the
         * border pixels too (their chains start late or end early); at stride 2 too, with zero vectors for the
         * columns outside the image (see s2First), except after more than three columns of left padding; those
         * pixels, and a channel tail that cannot be swept, go pixel by pixel in the same tap order.
         */
        private void sweepRow(float[] in, int img, int iy, float[] out, int outRow) {
            sweepRow(in, img, iy, out, outRow, false);
        }

        /** The two output rows whose windows start at input rows iy and iy + 2 of {@code img} (rows iy .. iy + 6 all inside it). */
        private void sweepRowPair(float[] in, int img, int iy, float[] out, int outRow) {
            int o0 = img + iy * rowLen, outB = outRow + outW * c;
            for (int ch = 0; ch < full; ch += L) {
                rows012s2Pair(in, o0, o0 + rowLen, o0 + 2 * rowLen, o0 + 3 * rowLen, o0 + 4 * rowLen, out, outRow, outB, ch);
                rows34s2Pair(in, o0 + 3 * rowLen, o0 + 4 * rowLen, o0 + 5 * rowLen, o0 + 6 * rowLen, out, outRow, outB, ch);
            }
            sweepRow(in, img, iy, out, outRow, true);
            sweepRow(in, img, iy + 2, out, outB, true);
        }

        /** One output row; {@code blocksDone}: the full channel blocks are done (a pair), only the tail and borders left. */
        private void sweepRow(float[] in, int img, int iy, float[] out, int outRow, boolean blocksDone) {
            float[] a0 = rowArray(in, iy), a1 = rowArray(in, iy + 1), a2 = rowArray(in, iy + 2), a3 = rowArray(in, iy + 3),
                    a4 = rowArray(in, iy + 4);
            int o0 = rowOffset(img, iy), o1 = rowOffset(img, iy + 1), o2 = rowOffset(img, iy + 2), o3 = rowOffset(img, iy + 3),
                    o4 = rowOffset(img, iy + 4);
            for (int ch = 0; !blocksDone && ch < full; ch += L) {
                if (strideW == 1 && !SWEEP) {
                    rows012s1Reload(a0, o0, a1, o1, a2, o2, out, outRow, ch, false);
                    rows34s1Reload(a3, o3, a4, o4, out, outRow, ch, false);
                } else if (strideW == 1) {
                    rows012s1(a0, o0, a1, o1, a2, o2, out, outRow, ch, false);
                    rows34s1(a3, o3, a4, o4, out, outRow, ch, false);
                } else if (!SWEEP) {
                    rows012s2Reload(a0, o0, a1, o1, a2, o2, out, outRow, ch, false);
                    rows34s2Reload(a3, o3, a4, o4, out, outRow, ch, false);
                } else {
                    rows012s2(a0, o0, a1, o1, a2, o2, out, outRow, ch, false);
                    rows34s2(a3, o3, a4, o4, out, outRow, ch, false);
                }
            }
            // The channel tail swept too, with masked stores and plain loads, where every full-width load stays
            // inside its array (the extra lanes read the next pixel and are never stored): all rows but the
            // last of an array.
            boolean tailSwept = full < c;
            long lastIn = (long) (inW - 1) * c + full + L, lastOut = (long) outRow + (long) (outW - 1) * c + full + L;
            tailSwept = tailSwept && lastOut <= out.length && o0 + lastIn <= a0.length && o1 + lastIn <= a1.length
                    && o2 + lastIn <= a2.length && o3 + lastIn <= a3.length && o4 + lastIn <= a4.length;
            if (tailSwept) {
                if (strideW == 1 && !SWEEP) {
                    rows012s1Reload(a0, o0, a1, o1, a2, o2, out, outRow, full, true);
                    rows34s1Reload(a3, o3, a4, o4, out, outRow, full, true);
                } else if (strideW == 1) {
                    rows012s1(a0, o0, a1, o1, a2, o2, out, outRow, full, true);
                    rows34s1(a3, o3, a4, o4, out, outRow, full, true);
                } else if (!SWEEP) {
                    rows012s2Reload(a0, o0, a1, o1, a2, o2, out, outRow, full, true);
                    rows34s2Reload(a3, o3, a4, o4, out, outRow, full, true);
                } else {
                    rows012s2(a0, o0, a1, o1, a2, o2, out, outRow, full, true);
                    rows34s2(a3, o3, a4, o4, out, outRow, full, true);
                }
            }
            for (int ox = 0; ox < outW; ox++) {
                int ix = ox * strideW - padLeft;
                int kxLo = Math.max(0, -ix), kxHi = Math.min(K - 1, inW - 1 - ix);
                int q = outRow + ox * c;
                boolean border = strideW != 1 && ox < s2First;
                if (border) {
                    pixelBlocks(in, img, iy, ix, kxLo, kxHi, out, q);
                }
                if (full < c && (border || !tailSwept)) {
                    pixelTail(in, img, iy, ix, kxLo, kxHi, out, q, full);
                }
            }
        }

        /** One output row pixel by pixel: four interior pixels at a time where they fit, the rest one by one. */
        private void pixelRow(float[] in, int img, int iy, float[] out, int outRow) {
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
                pixelBlocks(in, img, iy, ix, kxLo, kxHi, out, q);
                if (full < c) {
                    pixelTail(in, img, iy, ix, kxLo, kxHi, out, q, full);
                }
                ox++;
            }
        }

        /** The full channel blocks of one pixel, four at a time where they fit. */
        private void pixelBlocks(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q) {
            int ch = 0;
            for (; ch + 4 * L <= full; ch += 4 * L) {
                pixelBlockC4(in, img, iy, ix, kxLo, kxHi, out, q, ch);
            }
            for (; ch < full; ch += L) {
                pixelBlock(in, img, iy, ix, kxLo, kxHi, out, q, ch);
            }
        }

        private void rows012s1(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + 0 * cp + ch), w01 = FloatVector.fromArray(S, w, wOff + 1 * cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w03 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w04 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch);
            FloatVector w10 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch), w11 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch),
                    w12 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch), w13 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch),
                    w14 = FloatVector.fromArray(S, w, wOff + 9 * cp + ch);
            FloatVector w20 = FloatVector.fromArray(S, w, wOff + 10 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 11 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 12 * cp + ch), w23 = FloatVector.fromArray(S, w, wOff + 13 * cp + ch),
                    w24 = FloatVector.fromArray(S, w, wOff + 14 * cp + ch);
            // p0..p3: outputs j + padLeft - 4 .. j + padLeft - 1 before input column j (negative ones do not exist).
            int q = outRow + (padLeft - 4) * cc + ch;
            final int qFirst = outRow + ch, qLast = outRow + (outW - 1) * cc + ch;
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector p0 = b, p1 = b, p2 = b, p3 = b;
            for (int j = 0, i = ch; j < inW; j++, i += cc, q += cc) {
                FloatVector x0 = FloatVector.fromArray(S, a0, o0 + i);
                FloatVector x1 = FloatVector.fromArray(S, a1, o1 + i);
                FloatVector x2 = FloatVector.fromArray(S, a2, o2 + i);
                FloatVector r = x2.fma(w24, x1.fma(w14, x0.fma(w04, p0)));
                p0 = x2.fma(w23, x1.fma(w13, x0.fma(w03, p1)));
                p1 = x2.fma(w22, x1.fma(w12, x0.fma(w02, p2)));
                p2 = x2.fma(w21, x1.fma(w11, x0.fma(w01, p3)));
                FloatVector n = b;
                p3 = x2.fma(w20, x1.fma(w10, x0.fma(w00, n)));
                // Outputs left of 0 complete first and land on output 0, which completes after them.
                if (tail) {
                    r.intoArray(out, Math.max(q, qFirst), m);
                } else {
                    r.intoArray(out, Math.max(q, qFirst));
                }
            }
            // The last columns' outputs: those that exist are right-border pixels, missing their last columns
            // (masked stores: m is all lanes for a full block).
            int ox = inW + padLeft - 4;
            if (ox >= 0 && ox < outW) {
                p0.intoArray(out, q + 0 * cc, m);
            }
            if (ox + 1 >= 0 && ox + 1 < outW) {
                p1.intoArray(out, q + 1 * cc, m);
            }
            if (ox + 2 >= 0 && ox + 2 < outW) {
                p2.intoArray(out, q + 2 * cc, m);
            }
            if (ox + 3 >= 0 && ox + 3 < outW) {
                p3.intoArray(out, q + 3 * cc, m);
            }
        }

        private void rows34s1(float[] a3, int o3, float[] a4, int o4, float[] out, int outRow, int ch, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w30 = FloatVector.fromArray(S, w, wOff + 15 * cp + ch), w31 = FloatVector.fromArray(S, w, wOff + 16 * cp + ch),
                    w32 = FloatVector.fromArray(S, w, wOff + 17 * cp + ch), w33 = FloatVector.fromArray(S, w, wOff + 18 * cp + ch),
                    w34 = FloatVector.fromArray(S, w, wOff + 19 * cp + ch);
            FloatVector w40 = FloatVector.fromArray(S, w, wOff + 20 * cp + ch), w41 = FloatVector.fromArray(S, w, wOff + 21 * cp + ch),
                    w42 = FloatVector.fromArray(S, w, wOff + 22 * cp + ch), w43 = FloatVector.fromArray(S, w, wOff + 23 * cp + ch),
                    w44 = FloatVector.fromArray(S, w, wOff + 24 * cp + ch);
            // p0..p3: outputs j + padLeft - 4 .. j + padLeft - 1 before input column j (negative ones do not exist).
            int q = outRow + (padLeft - 4) * cc + ch;
            final int qFirst = outRow + ch, qLast = outRow + (outW - 1) * cc + ch;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // ReLU: +inf, skipped exactly (see DepthwiseConv3x3Nhwc.sweepS1)
            // Pass A's partial sums are the chains' starting values, read from out (clamped into the row for
            // the outputs that do not exist: those chains are dropped).
            FloatVector p0 = FloatVector.fromArray(S, out, Math.min(Math.max(q, qFirst), qLast)),
                    p1 = FloatVector.fromArray(S, out, Math.min(Math.max(q + cc, qFirst), qLast)),
                    p2 = FloatVector.fromArray(S, out, Math.min(Math.max(q + 2 * cc, qFirst), qLast)),
                    p3 = FloatVector.fromArray(S, out, Math.min(Math.max(q + 3 * cc, qFirst), qLast));
            for (int j = 0, i = ch; j < inW; j++, i += cc, q += cc) {
                FloatVector x3 = FloatVector.fromArray(S, a3, o3 + i);
                FloatVector x4 = FloatVector.fromArray(S, a4, o4 + i);
                FloatVector r = x4.fma(w44, x3.fma(w34, p0));
                p0 = x4.fma(w43, x3.fma(w33, p1));
                p1 = x4.fma(w42, x3.fma(w32, p2));
                p2 = x4.fma(w41, x3.fma(w31, p3));
                FloatVector n = FloatVector.fromArray(S, out, Math.min(q + 4 * cc, qLast));
                p3 = x4.fma(w40, x3.fma(w30, n));
                // Outputs left of 0 complete first and land on output 0, which completes after them.
                r = r.blend(lo, r.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
                if (tail) {
                    r.intoArray(out, Math.max(q, qFirst), m);
                } else {
                    r.intoArray(out, Math.max(q, qFirst));
                }
            }
            // The last columns' outputs: those that exist are right-border pixels, missing their last columns
            // (masked stores: m is all lanes for a full block).
            int ox = inW + padLeft - 4;
            if (ox >= 0 && ox < outW) {
                p0.blend(lo, p0.compare(LE, lo)).blend(hi, p0.compare(GE, hi)).intoArray(out, q + 0 * cc, m);
            }
            if (ox + 1 >= 0 && ox + 1 < outW) {
                p1.blend(lo, p1.compare(LE, lo)).blend(hi, p1.compare(GE, hi)).intoArray(out, q + 1 * cc, m);
            }
            if (ox + 2 >= 0 && ox + 2 < outW) {
                p2.blend(lo, p2.compare(LE, lo)).blend(hi, p2.compare(GE, hi)).intoArray(out, q + 2 * cc, m);
            }
            if (ox + 3 >= 0 && ox + 3 < outW) {
                p3.blend(lo, p3.compare(LE, lo)).blend(hi, p3.compare(GE, hi)).intoArray(out, q + 3 * cc, m);
            }
        }

        /**
         * {@link #rows012s1} for 16 vector registers: the same chains in the same order, with each weight loaded
         * where it is used (from L1) instead of 15 held in registers, which spilled on AVX2 (16 ymm). The stores to
         * the output in the loop keep C2 from hoisting the loads (same array type, may alias). 3 input and 15 weight
         * loads per 15 FMAs, against 2 loads per FMA on the pixel-by-pixel path this replaces with 16 registers.
         */
        private void rows012s1Reload(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch, boolean tail) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            // p0..p3: outputs j + padLeft - 4 .. j + padLeft - 1 before input column j (negative ones do not exist).
            int q = outRow + (padLeft - 4) * cc + ch;
            final int qFirst = outRow + ch, qLast = outRow + (outW - 1) * cc + ch;
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector p0 = b, p1 = b, p2 = b, p3 = b;
            for (int j = 0, i = ch; j < inW; j++, i += cc, q += cc) {
                FloatVector x0 = FloatVector.fromArray(S, a0, o0 + i);
                FloatVector x1 = FloatVector.fromArray(S, a1, o1 + i);
                FloatVector x2 = FloatVector.fromArray(S, a2, o2 + i);
                FloatVector r = x2.fma(FloatVector.fromArray(S, wb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 4 * L), p0)));
                p0 = x2.fma(FloatVector.fromArray(S, wb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 3 * L), p1)));
                p1 = x2.fma(FloatVector.fromArray(S, wb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 2 * L), p2)));
                p2 = x2.fma(FloatVector.fromArray(S, wb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 1 * L), p3)));
                FloatVector n = b;
                p3 = x2.fma(FloatVector.fromArray(S, wb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 0 * L), n)));
                // Outputs left of 0 complete first and land on output 0, which completes after them.
                if (tail) {
                    r.intoArray(out, Math.max(q, qFirst), m);
                } else {
                    r.intoArray(out, Math.max(q, qFirst));
                }
            }
            // The last columns' outputs: those that exist are right-border pixels, missing their last columns
            // (masked stores: m is all lanes for a full block).
            int ox = inW + padLeft - 4;
            if (ox >= 0 && ox < outW) {
                p0.intoArray(out, q + 0 * cc, m);
            }
            if (ox + 1 >= 0 && ox + 1 < outW) {
                p1.intoArray(out, q + 1 * cc, m);
            }
            if (ox + 2 >= 0 && ox + 2 < outW) {
                p2.intoArray(out, q + 2 * cc, m);
            }
            if (ox + 3 >= 0 && ox + 3 < outW) {
                p3.intoArray(out, q + 3 * cc, m);
            }
        }

        /** {@link #rows34s1} for 16 vector registers, weights loaded where used (see rows012s1Reload). */
        private void rows34s1Reload(float[] a3, int o3, float[] a4, int o4, float[] out, int outRow, int ch, boolean tail) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            // p0..p3: outputs j + padLeft - 4 .. j + padLeft - 1 before input column j (negative ones do not exist).
            int q = outRow + (padLeft - 4) * cc + ch;
            final int qFirst = outRow + ch, qLast = outRow + (outW - 1) * cc + ch;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // ReLU: +inf, skipped exactly (see DepthwiseConv3x3Nhwc.sweepS1)
            // Pass A's partial sums are the chains' starting values, read from out (clamped into the row for
            // the outputs that do not exist: those chains are dropped).
            FloatVector p0 = FloatVector.fromArray(S, out, Math.min(Math.max(q, qFirst), qLast)),
                    p1 = FloatVector.fromArray(S, out, Math.min(Math.max(q + cc, qFirst), qLast)),
                    p2 = FloatVector.fromArray(S, out, Math.min(Math.max(q + 2 * cc, qFirst), qLast)),
                    p3 = FloatVector.fromArray(S, out, Math.min(Math.max(q + 3 * cc, qFirst), qLast));
            for (int j = 0, i = ch; j < inW; j++, i += cc, q += cc) {
                FloatVector x3 = FloatVector.fromArray(S, a3, o3 + i);
                FloatVector x4 = FloatVector.fromArray(S, a4, o4 + i);
                FloatVector r = x4.fma(FloatVector.fromArray(S, wb, wo + 24 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 19 * L), p0));
                p0 = x4.fma(FloatVector.fromArray(S, wb, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 18 * L), p1));
                p1 = x4.fma(FloatVector.fromArray(S, wb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 17 * L), p2));
                p2 = x4.fma(FloatVector.fromArray(S, wb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 16 * L), p3));
                FloatVector n = FloatVector.fromArray(S, out, Math.min(q + 4 * cc, qLast));
                p3 = x4.fma(FloatVector.fromArray(S, wb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 15 * L), n));
                // Outputs left of 0 complete first and land on output 0, which completes after them.
                r = r.blend(lo, r.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
                if (tail) {
                    r.intoArray(out, Math.max(q, qFirst), m);
                } else {
                    r.intoArray(out, Math.max(q, qFirst));
                }
            }
            // The last columns' outputs: those that exist are right-border pixels, missing their last columns
            // (masked stores: m is all lanes for a full block).
            int ox = inW + padLeft - 4;
            if (ox >= 0 && ox < outW) {
                p0.blend(lo, p0.compare(LE, lo)).blend(hi, p0.compare(GE, hi)).intoArray(out, q + 0 * cc, m);
            }
            if (ox + 1 >= 0 && ox + 1 < outW) {
                p1.blend(lo, p1.compare(LE, lo)).blend(hi, p1.compare(GE, hi)).intoArray(out, q + 1 * cc, m);
            }
            if (ox + 2 >= 0 && ox + 2 < outW) {
                p2.blend(lo, p2.compare(LE, lo)).blend(hi, p2.compare(GE, hi)).intoArray(out, q + 2 * cc, m);
            }
            if (ox + 3 >= 0 && ox + 3 < outW) {
                p3.blend(lo, p3.compare(LE, lo)).blend(hi, p3.compare(GE, hi)).intoArray(out, q + 3 * cc, m);
            }
        }

        /** {@link #rows012s1} at stride 2 over the interior outputs: two new columns per output, 3 partial chains. */
        private void rows012s2(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + 0 * cp + ch), w01 = FloatVector.fromArray(S, w, wOff + 1 * cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w03 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w04 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch);
            FloatVector w10 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch), w11 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch),
                    w12 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch), w13 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch),
                    w14 = FloatVector.fromArray(S, w, wOff + 9 * cp + ch);
            FloatVector w20 = FloatVector.fromArray(S, w, wOff + 10 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 11 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 12 * cp + ch), w23 = FloatVector.fromArray(S, w, wOff + 13 * cp + ch),
                    w24 = FloatVector.fromArray(S, w, wOff + 14 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch), z = FloatVector.zero(S);
            int q = outRow + s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            // Output s2First's columns 0-2, and column 2 as the next output's column 0. Columns left of the image
            // are zero vectors, as rows above it are the zero row (see WindowConv).
            FloatVector x0 = j >= 0 ? FloatVector.fromArray(S, a0, o0 + i) : z;
            FloatVector x1 = j >= 0 ? FloatVector.fromArray(S, a1, o1 + i) : z;
            FloatVector x2 = j >= 0 ? FloatVector.fromArray(S, a2, o2 + i) : z;
            FloatVector pa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                x0 = j + 1 >= 0 ? FloatVector.fromArray(S, a0, o0 + i + cc) : z;
                x1 = j + 1 >= 0 ? FloatVector.fromArray(S, a1, o1 + i + cc) : z;
                x2 = j + 1 >= 0 ? FloatVector.fromArray(S, a2, o2 + i + cc) : z;
            pa = x2.fma(w21, x1.fma(w11, x0.fma(w01, pa)));
                x0 = j + 2 >= 0 ? FloatVector.fromArray(S, a0, o0 + i + 2 * cc) : z;
                x1 = j + 2 >= 0 ? FloatVector.fromArray(S, a1, o1 + i + 2 * cc) : z;
                x2 = j + 2 >= 0 ? FloatVector.fromArray(S, a2, o2 + i + 2 * cc) : z;
            pa = x2.fma(w22, x1.fma(w12, x0.fma(w02, pa)));
            FloatVector n = b;
            FloatVector pb = x2.fma(w20, x1.fma(w10, x0.fma(w00, n)));
            for (int ox = s2First; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                x0 = FloatVector.fromArray(S, a0, o0 + i + cc);
                x1 = FloatVector.fromArray(S, a1, o1 + i + cc);
                x2 = FloatVector.fromArray(S, a2, o2 + i + cc);
                pa = x2.fma(w23, x1.fma(w13, x0.fma(w03, pa)));
                pb = x2.fma(w21, x1.fma(w11, x0.fma(w01, pb)));
                x0 = FloatVector.fromArray(S, a0, o0 + i + 2 * cc);
                x1 = FloatVector.fromArray(S, a1, o1 + i + 2 * cc);
                x2 = FloatVector.fromArray(S, a2, o2 + i + 2 * cc);
                FloatVector r = x2.fma(w24, x1.fma(w14, x0.fma(w04, pa)));
                pa = x2.fma(w22, x1.fma(w12, x0.fma(w02, pb)));
                n = b;
                pb = x2.fma(w20, x1.fma(w10, x0.fma(w00, n)));
                if (tail) {
                    r.intoArray(out, q, m);
                } else {
                    r.intoArray(out, q);
                }
            }
            // Right-border outputs: the same steps, columns past the image read as zero vectors.
            for (int ox = oxHi + 1; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                j = 2 * ox - padLeft + 3;
                x0 = j < inW ? FloatVector.fromArray(S, a0, o0 + i + cc) : z;
                x1 = j < inW ? FloatVector.fromArray(S, a1, o1 + i + cc) : z;
                x2 = j < inW ? FloatVector.fromArray(S, a2, o2 + i + cc) : z;
                pa = x2.fma(w23, x1.fma(w13, x0.fma(w03, pa)));
                pb = x2.fma(w21, x1.fma(w11, x0.fma(w01, pb)));
                x0 = j + 1 < inW ? FloatVector.fromArray(S, a0, o0 + i + 2 * cc) : z;
                x1 = j + 1 < inW ? FloatVector.fromArray(S, a1, o1 + i + 2 * cc) : z;
                x2 = j + 1 < inW ? FloatVector.fromArray(S, a2, o2 + i + 2 * cc) : z;
                FloatVector r = x2.fma(w24, x1.fma(w14, x0.fma(w04, pa)));
                pa = x2.fma(w22, x1.fma(w12, x0.fma(w02, pb)));
                pb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                r.intoArray(out, q, m);
            }
        }

        private void rows34s2(float[] a3, int o3, float[] a4, int o4, float[] out, int outRow, int ch, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w30 = FloatVector.fromArray(S, w, wOff + 15 * cp + ch), w31 = FloatVector.fromArray(S, w, wOff + 16 * cp + ch),
                    w32 = FloatVector.fromArray(S, w, wOff + 17 * cp + ch), w33 = FloatVector.fromArray(S, w, wOff + 18 * cp + ch),
                    w34 = FloatVector.fromArray(S, w, wOff + 19 * cp + ch);
            FloatVector w40 = FloatVector.fromArray(S, w, wOff + 20 * cp + ch), w41 = FloatVector.fromArray(S, w, wOff + 21 * cp + ch),
                    w42 = FloatVector.fromArray(S, w, wOff + 22 * cp + ch), w43 = FloatVector.fromArray(S, w, wOff + 23 * cp + ch),
                    w44 = FloatVector.fromArray(S, w, wOff + 24 * cp + ch);
            final int qLast = outRow + (outW - 1) * cc + ch;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // ReLU: +inf, skipped exactly (see DepthwiseConv3x3Nhwc.sweepS1)
            FloatVector z = FloatVector.zero(S);
            int q = outRow + s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            // Output s2First's columns 0-2, and column 2 as the next output's column 0 (zero vectors left of the image).
            FloatVector x3 = j >= 0 ? FloatVector.fromArray(S, a3, o3 + i) : z;
            FloatVector x4 = j >= 0 ? FloatVector.fromArray(S, a4, o4 + i) : z;
            FloatVector pa = x4.fma(w40, x3.fma(w30, FloatVector.fromArray(S, out, Math.min(q, qLast))));
                x3 = j + 1 >= 0 ? FloatVector.fromArray(S, a3, o3 + i + cc) : z;
                x4 = j + 1 >= 0 ? FloatVector.fromArray(S, a4, o4 + i + cc) : z;
            pa = x4.fma(w41, x3.fma(w31, pa));
                x3 = j + 2 >= 0 ? FloatVector.fromArray(S, a3, o3 + i + 2 * cc) : z;
                x4 = j + 2 >= 0 ? FloatVector.fromArray(S, a4, o4 + i + 2 * cc) : z;
            pa = x4.fma(w42, x3.fma(w32, pa));
            FloatVector n = FloatVector.fromArray(S, out, Math.min(q + cc, qLast));
            FloatVector pb = x4.fma(w40, x3.fma(w30, n));
            for (int ox = s2First; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                x3 = FloatVector.fromArray(S, a3, o3 + i + cc);
                x4 = FloatVector.fromArray(S, a4, o4 + i + cc);
                pa = x4.fma(w43, x3.fma(w33, pa));
                pb = x4.fma(w41, x3.fma(w31, pb));
                x3 = FloatVector.fromArray(S, a3, o3 + i + 2 * cc);
                x4 = FloatVector.fromArray(S, a4, o4 + i + 2 * cc);
                FloatVector r = x4.fma(w44, x3.fma(w34, pa));
                pa = x4.fma(w42, x3.fma(w32, pb));
                n = FloatVector.fromArray(S, out, Math.min(q + 2 * cc, qLast));
                pb = x4.fma(w40, x3.fma(w30, n));
                r = r.blend(lo, r.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
                if (tail) {
                    r.intoArray(out, q, m);
                } else {
                    r.intoArray(out, q);
                }
            }
            for (int ox = oxHi + 1; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                j = 2 * ox - padLeft + 3;
                x3 = j < inW ? FloatVector.fromArray(S, a3, o3 + i + cc) : z;
                x4 = j < inW ? FloatVector.fromArray(S, a4, o4 + i + cc) : z;
                pa = x4.fma(w43, x3.fma(w33, pa));
                pb = x4.fma(w41, x3.fma(w31, pb));
                x3 = j + 1 < inW ? FloatVector.fromArray(S, a3, o3 + i + 2 * cc) : z;
                x4 = j + 1 < inW ? FloatVector.fromArray(S, a4, o4 + i + 2 * cc) : z;
                FloatVector r = x4.fma(w44, x3.fma(w34, pa));
                pa = x4.fma(w42, x3.fma(w32, pb));
                n = FloatVector.fromArray(S, out, Math.min(q + 2 * cc, qLast));
                pb = x4.fma(w40, x3.fma(w30, n));
                r.blend(lo, r.compare(LE, lo)).blend(hi, r.compare(GE, hi)).intoArray(out, q, m);
            }
        }

        /** {@link #rows012s2} for 16 vector registers, weights loaded where used (see rows012s1Reload). */
        private void rows012s2Reload(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch, boolean tail) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector b = FloatVector.fromArray(S, bias, ch), z = FloatVector.zero(S);
            int q = outRow + s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            // Output s2First's columns 0-2, and column 2 as the next output's column 0. Columns left of the image
            // are zero vectors, as rows above it are the zero row (see WindowConv).
            FloatVector x0 = j >= 0 ? FloatVector.fromArray(S, a0, o0 + i) : z;
            FloatVector x1 = j >= 0 ? FloatVector.fromArray(S, a1, o1 + i) : z;
            FloatVector x2 = j >= 0 ? FloatVector.fromArray(S, a2, o2 + i) : z;
            FloatVector pa = x2.fma(FloatVector.fromArray(S, wb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 0 * L), b)));
                x0 = j + 1 >= 0 ? FloatVector.fromArray(S, a0, o0 + i + cc) : z;
                x1 = j + 1 >= 0 ? FloatVector.fromArray(S, a1, o1 + i + cc) : z;
                x2 = j + 1 >= 0 ? FloatVector.fromArray(S, a2, o2 + i + cc) : z;
            pa = x2.fma(FloatVector.fromArray(S, wb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 1 * L), pa)));
                x0 = j + 2 >= 0 ? FloatVector.fromArray(S, a0, o0 + i + 2 * cc) : z;
                x1 = j + 2 >= 0 ? FloatVector.fromArray(S, a1, o1 + i + 2 * cc) : z;
                x2 = j + 2 >= 0 ? FloatVector.fromArray(S, a2, o2 + i + 2 * cc) : z;
            pa = x2.fma(FloatVector.fromArray(S, wb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 2 * L), pa)));
            FloatVector n = b;
            FloatVector pb = x2.fma(FloatVector.fromArray(S, wb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 0 * L), n)));
            for (int ox = s2First; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                x0 = FloatVector.fromArray(S, a0, o0 + i + cc);
                x1 = FloatVector.fromArray(S, a1, o1 + i + cc);
                x2 = FloatVector.fromArray(S, a2, o2 + i + cc);
                pa = x2.fma(FloatVector.fromArray(S, wb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 3 * L), pa)));
                pb = x2.fma(FloatVector.fromArray(S, wb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 1 * L), pb)));
                x0 = FloatVector.fromArray(S, a0, o0 + i + 2 * cc);
                x1 = FloatVector.fromArray(S, a1, o1 + i + 2 * cc);
                x2 = FloatVector.fromArray(S, a2, o2 + i + 2 * cc);
                FloatVector r = x2.fma(FloatVector.fromArray(S, wb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 4 * L), pa)));
                pa = x2.fma(FloatVector.fromArray(S, wb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 2 * L), pb)));
                n = b;
                pb = x2.fma(FloatVector.fromArray(S, wb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 0 * L), n)));
                if (tail) {
                    r.intoArray(out, q, m);
                } else {
                    r.intoArray(out, q);
                }
            }
            // Right-border outputs: the same steps, columns past the image read as zero vectors.
            for (int ox = oxHi + 1; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                j = 2 * ox - padLeft + 3;
                x0 = j < inW ? FloatVector.fromArray(S, a0, o0 + i + cc) : z;
                x1 = j < inW ? FloatVector.fromArray(S, a1, o1 + i + cc) : z;
                x2 = j < inW ? FloatVector.fromArray(S, a2, o2 + i + cc) : z;
                pa = x2.fma(FloatVector.fromArray(S, wb, wo + 13 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 8 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 3 * L), pa)));
                pb = x2.fma(FloatVector.fromArray(S, wb, wo + 11 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 6 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 1 * L), pb)));
                x0 = j + 1 < inW ? FloatVector.fromArray(S, a0, o0 + i + 2 * cc) : z;
                x1 = j + 1 < inW ? FloatVector.fromArray(S, a1, o1 + i + 2 * cc) : z;
                x2 = j + 1 < inW ? FloatVector.fromArray(S, a2, o2 + i + 2 * cc) : z;
                FloatVector r = x2.fma(FloatVector.fromArray(S, wb, wo + 14 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 9 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 4 * L), pa)));
                pa = x2.fma(FloatVector.fromArray(S, wb, wo + 12 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 7 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 2 * L), pb)));
                pb = x2.fma(FloatVector.fromArray(S, wb, wo + 10 * L), x1.fma(FloatVector.fromArray(S, wb, wo + 5 * L), x0.fma(FloatVector.fromArray(S, wb, wo + 0 * L), b)));
                r.intoArray(out, q, m);
            }
        }

        /** {@link #rows34s2} for 16 vector registers, weights loaded where used (see rows012s1Reload). */
        private void rows34s2Reload(float[] a3, int o3, float[] a4, int o4, float[] out, int outRow, int ch, boolean tail) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            final int qLast = outRow + (outW - 1) * cc + ch;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // ReLU: +inf, skipped exactly (see DepthwiseConv3x3Nhwc.sweepS1)
            FloatVector z = FloatVector.zero(S);
            int q = outRow + s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            // Output s2First's columns 0-2, and column 2 as the next output's column 0 (zero vectors left of the image).
            FloatVector x3 = j >= 0 ? FloatVector.fromArray(S, a3, o3 + i) : z;
            FloatVector x4 = j >= 0 ? FloatVector.fromArray(S, a4, o4 + i) : z;
            FloatVector pa = x4.fma(FloatVector.fromArray(S, wb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 15 * L), FloatVector.fromArray(S, out, Math.min(q, qLast))));
                x3 = j + 1 >= 0 ? FloatVector.fromArray(S, a3, o3 + i + cc) : z;
                x4 = j + 1 >= 0 ? FloatVector.fromArray(S, a4, o4 + i + cc) : z;
            pa = x4.fma(FloatVector.fromArray(S, wb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 16 * L), pa));
                x3 = j + 2 >= 0 ? FloatVector.fromArray(S, a3, o3 + i + 2 * cc) : z;
                x4 = j + 2 >= 0 ? FloatVector.fromArray(S, a4, o4 + i + 2 * cc) : z;
            pa = x4.fma(FloatVector.fromArray(S, wb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 17 * L), pa));
            FloatVector n = FloatVector.fromArray(S, out, Math.min(q + cc, qLast));
            FloatVector pb = x4.fma(FloatVector.fromArray(S, wb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 15 * L), n));
            for (int ox = s2First; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                x3 = FloatVector.fromArray(S, a3, o3 + i + cc);
                x4 = FloatVector.fromArray(S, a4, o4 + i + cc);
                pa = x4.fma(FloatVector.fromArray(S, wb, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 18 * L), pa));
                pb = x4.fma(FloatVector.fromArray(S, wb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 16 * L), pb));
                x3 = FloatVector.fromArray(S, a3, o3 + i + 2 * cc);
                x4 = FloatVector.fromArray(S, a4, o4 + i + 2 * cc);
                FloatVector r = x4.fma(FloatVector.fromArray(S, wb, wo + 24 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 19 * L), pa));
                pa = x4.fma(FloatVector.fromArray(S, wb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 17 * L), pb));
                n = FloatVector.fromArray(S, out, Math.min(q + 2 * cc, qLast));
                pb = x4.fma(FloatVector.fromArray(S, wb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 15 * L), n));
                r = r.blend(lo, r.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
                if (tail) {
                    r.intoArray(out, q, m);
                } else {
                    r.intoArray(out, q);
                }
            }
            for (int ox = oxHi + 1; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                j = 2 * ox - padLeft + 3;
                x3 = j < inW ? FloatVector.fromArray(S, a3, o3 + i + cc) : z;
                x4 = j < inW ? FloatVector.fromArray(S, a4, o4 + i + cc) : z;
                pa = x4.fma(FloatVector.fromArray(S, wb, wo + 23 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 18 * L), pa));
                pb = x4.fma(FloatVector.fromArray(S, wb, wo + 21 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 16 * L), pb));
                x3 = j + 1 < inW ? FloatVector.fromArray(S, a3, o3 + i + 2 * cc) : z;
                x4 = j + 1 < inW ? FloatVector.fromArray(S, a4, o4 + i + 2 * cc) : z;
                FloatVector r = x4.fma(FloatVector.fromArray(S, wb, wo + 24 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 19 * L), pa));
                pa = x4.fma(FloatVector.fromArray(S, wb, wo + 22 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 17 * L), pb));
                n = FloatVector.fromArray(S, out, Math.min(q + 2 * cc, qLast));
                pb = x4.fma(FloatVector.fromArray(S, wb, wo + 20 * L), x3.fma(FloatVector.fromArray(S, wb, wo + 15 * L), n));
                r.blend(lo, r.compare(LE, lo)).blend(hi, r.compare(GE, hi)).intoArray(out, q, m);
            }
        }

        /**
         * {@link #rows012s2Reload} for two output rows at once, full channel blocks, all seven input rows inside the
         * image (one array): output row A reads input rows o0-o2, row B (two input rows down) o2-o4. Each weight is
         * loaded once for both rows' FMAs, where one row per sweep loads it per FMA: 15 weight and 10 input loads per
         * 30 FMAs instead of 21 loads per 15. Every output's chain is the single-row sweep's, same order, same bits.
         * Zen 3 (AVX2), the two passes stand-alone (bench/results/avx2/t45): 1.05-1.6x the single-row sweep; the
         * same pairing with the rows in five arrays (padding rows from the zero row) lost most of it, as C2 ran out
         * of general registers, so rows that touch padding keep the single-row sweep.
         */
        private void rows012s2Pair(float[] a, int o0, int o1, int o2, int o3, int o4, float[] out, int outA, int outB, int ch) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            FloatVector b = FloatVector.fromArray(S, bias, ch), z = FloatVector.zero(S), v;
            int q = s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            // Both rows' output s2First, columns 0-2, and column 2 as the next output's column 0 (zero vectors left
            // of the image, as in the single-row sweep).
            FloatVector pa = b, pb, qa = b, qb;
            for (int col = 0; col < 3; col++, i += cc) {
                boolean inside = j + col >= 0;
                FloatVector x0 = inside ? FloatVector.fromArray(S, a, o0 + i) : z, x1 = inside ? FloatVector.fromArray(S, a, o1 + i) : z,
                        x2 = inside ? FloatVector.fromArray(S, a, o2 + i) : z, x3 = inside ? FloatVector.fromArray(S, a, o3 + i) : z,
                        x4 = inside ? FloatVector.fromArray(S, a, o4 + i) : z;
                v = FloatVector.fromArray(S, wb, wo + col * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + (5 + col) * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + (10 + col) * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
            }
            i -= 3 * cc;
            {
                boolean inside = j + 2 >= 0;
                FloatVector x0 = inside ? FloatVector.fromArray(S, a, o0 + i + 2 * cc) : z, x1 = inside ? FloatVector.fromArray(S, a, o1 + i + 2 * cc) : z,
                        x2 = inside ? FloatVector.fromArray(S, a, o2 + i + 2 * cc) : z, x3 = inside ? FloatVector.fromArray(S, a, o3 + i + 2 * cc) : z,
                        x4 = inside ? FloatVector.fromArray(S, a, o4 + i + 2 * cc) : z;
                v = FloatVector.fromArray(S, wb, wo); pb = x0.fma(v, b); qb = x2.fma(v, b);
                v = FloatVector.fromArray(S, wb, wo + 5 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 10 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
            }
            int ox = s2First;
            for (; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                FloatVector x0 = FloatVector.fromArray(S, a, o0 + i + cc), x1 = FloatVector.fromArray(S, a, o1 + i + cc),
                        x2 = FloatVector.fromArray(S, a, o2 + i + cc), x3 = FloatVector.fromArray(S, a, o3 + i + cc),
                        x4 = FloatVector.fromArray(S, a, o4 + i + cc);
                v = FloatVector.fromArray(S, wb, wo + 3 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 8 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 13 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 1 * L); pb = x0.fma(v, pb); qb = x2.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 6 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 11 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
                x0 = FloatVector.fromArray(S, a, o0 + i + 2 * cc);
                x1 = FloatVector.fromArray(S, a, o1 + i + 2 * cc);
                x2 = FloatVector.fromArray(S, a, o2 + i + 2 * cc);
                x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc);
                x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
                v = FloatVector.fromArray(S, wb, wo + 4 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 9 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 14 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                pa.intoArray(out, outA + q);
                qa.intoArray(out, outB + q);
                v = FloatVector.fromArray(S, wb, wo + 2 * L); pa = x0.fma(v, pb); qa = x2.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 7 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 12 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo); pb = x0.fma(v, b); qb = x2.fma(v, b);
                v = FloatVector.fromArray(S, wb, wo + 5 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 10 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
            }
            // Right-border outputs: the interior steps with columns past the image read as zero vectors. A copy, not
            // one loop with the column tests: that ran at a median 1.04x the single-row sweep, this 1.16x (t45).
            for (; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                boolean in1 = 2 * ox - padLeft + 3 < inW, in2 = 2 * ox - padLeft + 4 < inW;
                FloatVector x0 = in1 ? FloatVector.fromArray(S, a, o0 + i + cc) : z, x1 = in1 ? FloatVector.fromArray(S, a, o1 + i + cc) : z,
                        x2 = in1 ? FloatVector.fromArray(S, a, o2 + i + cc) : z, x3 = in1 ? FloatVector.fromArray(S, a, o3 + i + cc) : z,
                        x4 = in1 ? FloatVector.fromArray(S, a, o4 + i + cc) : z;
                v = FloatVector.fromArray(S, wb, wo + 3 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 8 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 13 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 1 * L); pb = x0.fma(v, pb); qb = x2.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 6 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 11 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
                x0 = in2 ? FloatVector.fromArray(S, a, o0 + i + 2 * cc) : z;
                x1 = in2 ? FloatVector.fromArray(S, a, o1 + i + 2 * cc) : z;
                x2 = in2 ? FloatVector.fromArray(S, a, o2 + i + 2 * cc) : z;
                x3 = in2 ? FloatVector.fromArray(S, a, o3 + i + 2 * cc) : z;
                x4 = in2 ? FloatVector.fromArray(S, a, o4 + i + 2 * cc) : z;
                v = FloatVector.fromArray(S, wb, wo + 4 * L); pa = x0.fma(v, pa); qa = x2.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 9 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 14 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                pa.intoArray(out, outA + q);
                qa.intoArray(out, outB + q);
                v = FloatVector.fromArray(S, wb, wo + 2 * L); pa = x0.fma(v, pb); qa = x2.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 7 * L); pa = x1.fma(v, pa); qa = x3.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 12 * L); pa = x2.fma(v, pa); qa = x4.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo); pb = x0.fma(v, b); qb = x2.fma(v, b);
                v = FloatVector.fromArray(S, wb, wo + 5 * L); pb = x1.fma(v, pb); qb = x3.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 10 * L); pb = x2.fma(v, pb); qb = x4.fma(v, qb);
            }
        }

        /**
         * {@link #rows34s2Reload} for the two rows of {@link #rows012s2Pair}: row A reads input rows o3, o4, row B
         * o5, o6; the partial sums come from each row's pass above.
         */
        private void rows34s2Pair(float[] a, int o3, int o4, int o5, int o6, float[] out, int outA, int outB, int ch) {
            final int cc = c, wo = wbo + ch * K * K;
            final float[] wb = wBlocks;
            final int qLast = (outW - 1) * cc + ch;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // ReLU: +inf, skipped exactly (see DepthwiseConv3x3Nhwc.sweepS1)
            FloatVector z = FloatVector.zero(S), v;
            int q = s2First * cc + ch;
            int j = 2 * s2First - padLeft, i = j * cc + ch;
            FloatVector pa = FloatVector.fromArray(S, out, outA + Math.min(q, qLast)), qa = FloatVector.fromArray(S, out, outB + Math.min(q, qLast));
            FloatVector pb, qb;
            for (int col = 0; col < 3; col++, i += cc) {
                boolean inside = j + col >= 0;
                FloatVector x3 = inside ? FloatVector.fromArray(S, a, o3 + i) : z, x4 = inside ? FloatVector.fromArray(S, a, o4 + i) : z,
                        x5 = inside ? FloatVector.fromArray(S, a, o5 + i) : z, x6 = inside ? FloatVector.fromArray(S, a, o6 + i) : z;
                v = FloatVector.fromArray(S, wb, wo + (15 + col) * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + (20 + col) * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
            }
            i -= 3 * cc;
            {
                boolean inside = j + 2 >= 0;
                FloatVector x3 = inside ? FloatVector.fromArray(S, a, o3 + i + 2 * cc) : z, x4 = inside ? FloatVector.fromArray(S, a, o4 + i + 2 * cc) : z,
                        x5 = inside ? FloatVector.fromArray(S, a, o5 + i + 2 * cc) : z, x6 = inside ? FloatVector.fromArray(S, a, o6 + i + 2 * cc) : z;
                pb = FloatVector.fromArray(S, out, outA + Math.min(q + cc, qLast));
                qb = FloatVector.fromArray(S, out, outB + Math.min(q + cc, qLast));
                v = FloatVector.fromArray(S, wb, wo + 15 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 20 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
            }
            int ox = s2First;
            for (; ox <= oxHi; ox++, q += cc) {
                i += 2 * cc;
                FloatVector x3 = FloatVector.fromArray(S, a, o3 + i + cc), x4 = FloatVector.fromArray(S, a, o4 + i + cc),
                        x5 = FloatVector.fromArray(S, a, o5 + i + cc), x6 = FloatVector.fromArray(S, a, o6 + i + cc);
                v = FloatVector.fromArray(S, wb, wo + 18 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 23 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 16 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 21 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
                x3 = FloatVector.fromArray(S, a, o3 + i + 2 * cc);
                x4 = FloatVector.fromArray(S, a, o4 + i + 2 * cc);
                x5 = FloatVector.fromArray(S, a, o5 + i + 2 * cc);
                x6 = FloatVector.fromArray(S, a, o6 + i + 2 * cc);
                v = FloatVector.fromArray(S, wb, wo + 19 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 24 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                pa = pa.blend(lo, pa.compare(LE, lo));
                qa = qa.blend(lo, qa.compare(LE, lo));
                if (upper) {
                    pa = pa.blend(hi, pa.compare(GE, hi));
                    qa = qa.blend(hi, qa.compare(GE, hi));
                }
                pa.intoArray(out, outA + q);
                qa.intoArray(out, outB + q);
                v = FloatVector.fromArray(S, wb, wo + 17 * L); pa = x3.fma(v, pb); qa = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 22 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                pb = FloatVector.fromArray(S, out, outA + Math.min(q + 2 * cc, qLast));
                qb = FloatVector.fromArray(S, out, outB + Math.min(q + 2 * cc, qLast));
                v = FloatVector.fromArray(S, wb, wo + 15 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 20 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
            }
            // Right-border outputs: the interior steps with columns past the image read as zero vectors. A copy, not
            // one loop with the column tests: that ran at a median 1.04x the single-row sweep, this 1.16x (t45).
            for (; ox < outW; ox++, q += cc) {
                i += 2 * cc;
                boolean in1 = 2 * ox - padLeft + 3 < inW, in2 = 2 * ox - padLeft + 4 < inW;
                FloatVector x3 = in1 ? FloatVector.fromArray(S, a, o3 + i + cc) : z, x4 = in1 ? FloatVector.fromArray(S, a, o4 + i + cc) : z,
                        x5 = in1 ? FloatVector.fromArray(S, a, o5 + i + cc) : z, x6 = in1 ? FloatVector.fromArray(S, a, o6 + i + cc) : z;
                v = FloatVector.fromArray(S, wb, wo + 18 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 23 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 16 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 21 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
                x3 = in2 ? FloatVector.fromArray(S, a, o3 + i + 2 * cc) : z;
                x4 = in2 ? FloatVector.fromArray(S, a, o4 + i + 2 * cc) : z;
                x5 = in2 ? FloatVector.fromArray(S, a, o5 + i + 2 * cc) : z;
                x6 = in2 ? FloatVector.fromArray(S, a, o6 + i + 2 * cc) : z;
                v = FloatVector.fromArray(S, wb, wo + 19 * L); pa = x3.fma(v, pa); qa = x5.fma(v, qa);
                v = FloatVector.fromArray(S, wb, wo + 24 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                pa = pa.blend(lo, pa.compare(LE, lo));
                qa = qa.blend(lo, qa.compare(LE, lo));
                if (upper) {
                    pa = pa.blend(hi, pa.compare(GE, hi));
                    qa = qa.blend(hi, qa.compare(GE, hi));
                }
                pa.intoArray(out, outA + q);
                qa.intoArray(out, outB + q);
                v = FloatVector.fromArray(S, wb, wo + 17 * L); pa = x3.fma(v, pb); qa = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 22 * L); pa = x4.fma(v, pa); qa = x6.fma(v, qa);
                pb = FloatVector.fromArray(S, out, outA + Math.min(q + 2 * cc, qLast));
                qb = FloatVector.fromArray(S, out, outB + Math.min(q + 2 * cc, qLast));
                v = FloatVector.fromArray(S, wb, wo + 15 * L); pb = x3.fma(v, pb); qb = x5.fma(v, qb);
                v = FloatVector.fromArray(S, wb, wo + 20 * L); pb = x4.fma(v, pb); qb = x6.fma(v, qb);
            }
        }

        /**
         * One full channel block of one pixel, taps kxLo..kxHi, in the order of the sweeps: kernel rows 0-2 column
         * by column, then rows 3-4 column by column (a chain of up to 25 dependent FMAs).
         */
        private void pixelBlock(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            float[] r0 = rowArray(in, iy), r1 = rowArray(in, iy + 1), r2 = rowArray(in, iy + 2), r3 = rowArray(in, iy + 3),
                    r4 = rowArray(in, iy + 4);
            int b0 = rowOffset(img, iy) + ix * c + ch, b1 = rowOffset(img, iy + 1) + ix * c + ch, b2 = rowOffset(img, iy + 2) + ix * c + ch,
                    b3 = rowOffset(img, iy + 3) + ix * c + ch, b4 = rowOffset(img, iy + 4) + ix * c + ch;
            final int cp = cPad, t = K * cp;
            FloatVector acc = FloatVector.fromArray(S, bias, ch);
            for (int kx = kxLo; kx <= kxHi; kx++) {
                int o = kx * c, wk = kx * cp + ch;
                acc = FloatVector.fromArray(S, r0, b0 + o).fma(FloatVector.fromArray(S, w, wOff + wk), acc);
                acc = FloatVector.fromArray(S, r1, b1 + o).fma(FloatVector.fromArray(S, w, wOff + wk + t), acc);
                acc = FloatVector.fromArray(S, r2, b2 + o).fma(FloatVector.fromArray(S, w, wOff + wk + 2 * t), acc);
            }
            for (int kx = kxLo; kx <= kxHi; kx++) {
                int o = kx * c, wk = kx * cp + ch;
                acc = FloatVector.fromArray(S, r3, b3 + o).fma(FloatVector.fromArray(S, w, wOff + wk + 3 * t), acc);
                acc = FloatVector.fromArray(S, r4, b4 + o).fma(FloatVector.fromArray(S, w, wOff + wk + 4 * t), acc);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            acc.blend(lo, acc.compare(LE, lo)).blend(hi, acc.compare(GE, hi)).intoArray(out, q + ch);
        }

        /**
         * Four channel blocks of one pixel (border pixels, and interior ones left over from the four-pixel blocks):
         * four independent chains where {@link #pixelBlock} runs one, latency-bound. Same order per element.
         */
        private void pixelBlockC4(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            final int cp = cPad, t = K * cp, d1 = ch + L, d2 = ch + 2 * L, d3 = ch + 3 * L;
            FloatVector acc0 = FloatVector.fromArray(S, bias, ch), acc1 = FloatVector.fromArray(S, bias, d1),
                    acc2 = FloatVector.fromArray(S, bias, d2), acc3 = FloatVector.fromArray(S, bias, d3);
            for (int g = 0; g < 2; g++) {
                int kyFrom = 3 * g, kyTo = g == 0 ? 2 : 4;
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    for (int ky = kyFrom; ky <= kyTo; ky++) {
                        float[] a = rowArray(in, iy + ky);
                        int xi = rowOffset(img, iy + ky) + (ix + kx) * c, wk = ky * t + kx * cp;
                        acc0 = FloatVector.fromArray(S, a, xi + ch).fma(FloatVector.fromArray(S, w, wOff + wk + ch), acc0);
                        acc1 = FloatVector.fromArray(S, a, xi + d1).fma(FloatVector.fromArray(S, w, wOff + wk + d1), acc1);
                        acc2 = FloatVector.fromArray(S, a, xi + d2).fma(FloatVector.fromArray(S, w, wOff + wk + d2), acc2);
                        acc3 = FloatVector.fromArray(S, a, xi + d3).fma(FloatVector.fromArray(S, w, wOff + wk + d3), acc3);
                    }
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            acc0.blend(lo, acc0.compare(LE, lo)).blend(hi, acc0.compare(GE, hi)).intoArray(out, q + ch);
            acc1.blend(lo, acc1.compare(LE, lo)).blend(hi, acc1.compare(GE, hi)).intoArray(out, q + d1);
            acc2.blend(lo, acc2.compare(LE, lo)).blend(hi, acc2.compare(GE, hi)).intoArray(out, q + d2);
            acc3.blend(lo, acc3.compare(LE, lo)).blend(hi, acc3.compare(GE, hi)).intoArray(out, q + d3);
        }

        /**
         * One full channel block of four neighbouring interior pixels (16- and 8-lane vectors, which have too few
         * registers for the sweeps): four independent 25-FMA chains that share each weight load, in the order of
         * {@link #pixelBlock}. Six live vectors: fits 16 registers.
         */
        private void pixelBlock4(float[] in, int img, int iy, int ix, float[] out, int q, int ch) {
            final int cc = c, step = strideW * cc, t = K * cPad;
            FloatVector acc0 = FloatVector.fromArray(S, bias, ch), acc1 = acc0, acc2 = acc0, acc3 = acc0;
            for (int g = 0; g < 2; g++) {
                int kyFrom = 3 * g, kyTo = g == 0 ? 2 : 4;
                for (int kx = 0; kx < K; kx++) {
                    for (int ky = kyFrom; ky <= kyTo; ky++) {
                        float[] a = rowArray(in, iy + ky);
                        int i = rowOffset(img, iy + ky) + (ix + kx) * cc + ch;
                        FloatVector wv = FloatVector.fromArray(S, w, wOff + ky * t + kx * cPad + ch);
                        acc0 = FloatVector.fromArray(S, a, i).fma(wv, acc0);
                        acc1 = FloatVector.fromArray(S, a, i + step).fma(wv, acc1);
                        acc2 = FloatVector.fromArray(S, a, i + 2 * step).fma(wv, acc2);
                        acc3 = FloatVector.fromArray(S, a, i + 3 * step).fma(wv, acc3);
                    }
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            acc0.blend(lo, acc0.compare(LE, lo)).blend(hi, acc0.compare(GE, hi)).intoArray(out, q + ch);
            acc1.blend(lo, acc1.compare(LE, lo)).blend(hi, acc1.compare(GE, hi)).intoArray(out, q + cc + ch);
            acc2.blend(lo, acc2.compare(LE, lo)).blend(hi, acc2.compare(GE, hi)).intoArray(out, q + 2 * cc + ch);
            acc3.blend(lo, acc3.compare(LE, lo)).blend(hi, acc3.compare(GE, hi)).intoArray(out, q + 3 * cc + ch);
        }

        /** {@link #pixelBlock4} for two neighbouring channel blocks: eight chains, 11 live vectors. */
        private void pixelBlock4x2(float[] in, int img, int iy, int ix, float[] out, int q, int ch) {
            final int cc = c, step = strideW * cc, d = ch + L, t = K * cPad;
            FloatVector a0 = FloatVector.fromArray(S, bias, ch), a1 = a0, a2 = a0, a3 = a0;
            FloatVector b0 = FloatVector.fromArray(S, bias, d), b1 = b0, b2 = b0, b3 = b0;
            for (int g = 0; g < 2; g++) {
                int kyFrom = 3 * g, kyTo = g == 0 ? 2 : 4;
                for (int kx = 0; kx < K; kx++) {
                    for (int ky = kyFrom; ky <= kyTo; ky++) {
                        float[] a = rowArray(in, iy + ky);
                        int i = rowOffset(img, iy + ky) + (ix + kx) * cc + ch;
                        int wi = ky * t + kx * cPad + ch;
                        FloatVector wv = FloatVector.fromArray(S, w, wOff + wi), wu = FloatVector.fromArray(S, w, wOff + wi + L);
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
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
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
            long tailBits0 = Lanes.firstNBits(c - ch);
            float actMin = act.min(), actMax = act.max();
            boolean inside = (long) q + ch + L <= out.length;
            for (int ky = 0; ky < K && inside; ky++) {
                long end = (long) rowOffset(img, iy + ky) + (long) ix * c + ch + (long) kxHi * c + L;
                inside = end <= rowArray(in, iy + ky).length;
            }
            if (!inside) {
                pixelTailMasked(in, img, iy, ix, kxLo, kxHi, out, q, ch);
                return;
            }
            final int t = K * cPad;
            FloatVector acc = FloatVector.fromArray(S, bias, ch);
            for (int g = 0; g < 2; g++) {
                int kyFrom = 3 * g, kyTo = g == 0 ? 2 : 4;
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    for (int ky = kyFrom; ky <= kyTo; ky++) {
                        float[] a = rowArray(in, iy + ky);
                        int i = rowOffset(img, iy + ky) + (ix + kx) * c + ch;
                        acc = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, w, wOff + ky * t + kx * cPad + ch), acc);
                    }
                }
            }
            acc.max(actMin).min(actMax).intoArray(out, q + ch, VectorMask.fromLong(S, tailBits0));
        }

        /** {@link #pixelTail} at the very end of an array, in scalar code: too rare for C2, and interpreted vector code allocates. */
        private void pixelTailMasked(float[] in, int img, int iy, int ix, int kxLo, int kxHi, float[] out, int q, int ch) {
            for (int j = 0; j < c - ch; j++) {
                float acc = bias[ch + j];
                for (int g = 0; g < 2; g++) {
                    int kyFrom = 3 * g, kyTo = g == 0 ? 2 : 4;
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        for (int ky = kyFrom; ky <= kyTo; ky++) {
                            float[] a = rowArray(in, iy + ky);
                            acc = Math.fma(a[rowOffset(img, iy + ky) + (ix + kx) * c + ch + j], w[wOff + (ky * K + kx) * cPad + ch + j], acc);
                        }
                    }
                }
                out[q + ch + j] = Math.min(Math.max(acc, act.min()), act.max()); // the clamp part; gated activations follow per row
            }
        }
    }
}
