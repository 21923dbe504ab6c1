package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * Depthwise 3x3 convolution, NHWC, stride 1 or 2, padding 0..2 per side, bias and clamp fused.
 *
 * <p>Loop order: channel block outer, pixels inner, so the nine weight vectors and the bias of a
 * block stay in registers while the kernel slides along the row. Each input column (one vector per
 * kernel row) is loaded once and feeds every output whose window holds it, so an output costs 3
 * loads for 9 FMAs at stride 1 (6 at stride 2) instead of 9; with 32 vector registers two output rows
 * share the sweep (input rows read from L2 twice per two output rows instead of three times), and at 512 bits four
 * rows inside the image (see {@link #FOUR_ROWS}). Each
 * output's taps run column by column, the three rows within a column, in every path (interior,
 * border, tails), so the order never depends on where a pixel falls. Clamps are a compare and a
 * blend per bound (see {@link Activation#signedZeroBound}); the edge pixels of padding 1 are finished
 * inside the sweeps. Measured against the previous per-pixel 9-FMA chains (pixel-major from 256
 * channels; stand-alone loop, GFLOPS, same session): 28x28x192 48 -> 90, 14x14x384 36 -> 86, 14x14x576
 * 33 -> 80, 7x7x960 26 -> 63-75, 56x56x24 31 -> 51; 112x112x32 46 -> 38-42 (its 3.2 MB of input and
 * output stream from L3 whatever the loop order; in the network it runs out of band windows).
 * Out-of-range input rows are read from a zero row instead of being branched on; since weights are
 * finite (checked at prepare), a zero input contributes nothing, as a skipped tap would (up to the
 * sign of an exactly-zero sum, see WindowConv).
 * With 16 registers, stride 2 at channel counts that are multiples of 128 instead runs the rows inside the image
 * pixel-major, all channel blocks of one output before the next (see Prepared.pixelMajorS2).
 * Only the at most two border pixels at each end of a row check their columns. A channel tail
 * that is not a whole vector runs a separate masked sweep so full blocks keep plain loads and
 * stores (masked ones are cheap on AVX-512, not on AVX2/NEON).
 */
public final class DepthwiseConv3x3Nhwc implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;

    /**
     * Two output rows per sweep need 20 live vectors (9 weights, bias, 2 bounds, 6 sums, 2 loads): only
     * with 32 registers ({@link Lanes#REGISTERS}: AVX-512 at any width, AArch64); AVX2's 16 run one row.
     */
    static final boolean TWO_ROWS = Lanes.REGISTERS >= 32;

    /**
     * Four output rows per sweep (26 live vectors at stride 1, 29 at stride 2; see Prepared.sweepS1x4In, sweepS2x4In):
     * with 32 registers at 512 bits. Zen 5, stand-alone, against two rows: stride 1 0.79-0.97 of the time on the
     * MobileNet-family shapes from 112x112x16 to 7x7x1152 (7x7x960 0.88-0.90, 14x14x480 0.82-0.85, 112x112x32 0.79),
     * stride 2 0.89-0.93 (112x112x64, 112x112x96, 56x56x144, 28x28x192, 14x14x576). At 256 bits stride 1 ran 0.90-0.96
     * on some shapes but 1.12 on 28x28x256, at 128 bits 0.90-1.10, so narrower vectors keep two rows.
     */
    static final boolean FOUR_ROWS = TWO_ROWS && Lanes.COUNT >= 16;

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
        return prepare(spec, weights, bias, activation, true);
    }

    /** As {@link #prepare}, with the pixel-major stride-2 path (see Prepared.pixelMajorS2) allowed or not: tests compare the two. */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation, boolean pixelMajor) {
        return prepare(spec, weights, bias, activation, pixelMajor, fourRowsByDefault(spec));
    }

    /** As {@link #prepare}, with the four-row sweeps forced on or off (tests compare the two at every width). */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation, boolean pixelMajor, boolean fourRows) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "a depthwise 3x3 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation, pixelMajor, fourRows);
    }

    /**
     * Whether a layer takes the four-row sweeps when nothing forces them: at 512 bits with 32 registers ({@link #FOUR_ROWS}),
     * except at channel counts whose pixel stride folds a column's rows into one L1 set (12 ways): a multiple of 512 at
     * stride 1, where a 2 KB pixel puts the six input rows' lines of every other column in one set (7x7x1024 ran
     * 1.19-1.28x the time of two rows, 7x7x2048 1.05x, v1's 14x14x512 0.98-1.06x stand-alone and 1.00-1.06x in the
     * network at one and two threads), and a multiple of 256 at stride 2 (28x28x256 and 14x14x512 1.04x; 56x56x128
     * 0.93, 112x112x64 0.92-0.94).
     */
    static boolean fourRowsByDefault(ConvSpec s) {
        int c = s.inC();
        return FOUR_ROWS && s.strideH() == s.strideW() && (s.strideH() == 1 ? c % 512 != 0 : c % 256 != 0);
    }

    private static final class Prepared extends WindowConv {
        private final int c, cPad;
        /** Tap-major weights [9][cPad] from {@code wOff}, zero-padded so weight loads never need a mask. */
        private final float[] w;
        /** Where w's data starts ({@link HeapAlignment#allocate}: 64-byte aligned where that can be known). */
        private final int wOff;
        private final float[] bias;
        /**
         * Output column 0 misses only its kernel column 0 (padding 1); output column outW-1 only its kernel
         * column 2. The sweeps of full channel blocks then finish these pixels too, in the tap order of
         * {@link #border}: on a 7-wide row the per-pixel border path took two pixels of seven at about a third
         * of the speed. Tail channels still go through border, from the first tail channel on.
         */
        private final boolean leftEdge, rightEdge;
        /**
         * Stride 2 with 16 registers and a channel count that is a multiple of 128 (a pixel stride of a multiple of 512
         * bytes): the rows inside the image go pixel-major (see pixelsS2In). At such strides the channel-block sweep ran
         * 1.4-1.8x slower per FLOP than at a neighbouring count (Zen 3, stand-alone: 56x56x128 s2 109-119 us against
         * 56x56x136 72, 14x14x512 37-38 against 14x14x520 20-22), for a reason the VM's missing performance counters
         * leave open (not the rows' 4 KB aliasing, not L1 set capacity: README, "Groups of six vectors ..."). Pixel-major
         * reads each pixel's channels in one run: stand-alone 14x14x512 39 -> 28 us, 28x28x256 57-59 -> 52-54,
         * 56x56x128 116-118 -> 102; in v1 (per layer, builds alternated twice) 28x28x128 out 125-143 -> 101-110,
         * 14x14x256 63-64 -> 53.5-54, 7x7x512 42-47 -> 33-34. At other counts it was slower (56x56x144 80-84 -> 117-120,
         * 112x112x64 160-164 -> 214-219): those keep the sweep.
         */
        private final boolean pixelMajorS2;
        /** Rows inside the image run four at a time (sweepS1x4In, sweepS2x4In; see {@link #fourRowsByDefault}). */
        private final boolean fourRows;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act, boolean pixelMajor, boolean fourRows) {
            super(s, act);
            c = s.inC();
            cPad = Lanes.roundUp(c);
            HeapAlignment.Slice taps = HeapAlignment.allocate(Checks.product("packed 3x3 weights", 9, cPad));
            w = taps.array();
            wOff = taps.offset();
            for (int ch = 0; ch < c; ch++) {
                for (int tap = 0; tap < 9; tap++) {
                    w[wOff + tap * cPad + ch] = weights[ch * 9 + tap];
                }
            }
            bias = new float[cPad];
            System.arraycopy(b, 0, bias, 0, c);
            leftEdge = padLeft == 1 && oxLo == 1 && oxLo <= oxHi;
            int ixLast = (oxHi + 1) * strideW - padLeft;
            rightEdge = oxLo <= oxHi && oxHi + 2 == outW && ixLast >= 0 && ixLast + 1 == inW - 1;
            pixelMajorS2 = pixelMajor && !TWO_ROWS && strideW == 2 && c % 128 == 0;
            this.fourRows = fourRows && strideH == strideW;
        }

        @Override
        void runUnits(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            // Full channel blocks of the edge pixels are done by the sweeps (see leftEdge): border does the rest.
            final int full = c - c % L, edgeL = leftEdge ? full : 0, edgeR = rightEdge ? full : 0;
            for (int unit = unitFrom; unit < unitTo; unit++) {
                int n = unit / outH, oy = unit % outH;
                int iy = oy * strideH - padTop;
                int img = inOff + n * inH * rowLen;
                float[] a0 = rowArray(in, iy), a1 = rowArray(in, iy + 1), a2 = rowArray(in, iy + 2);
                int o0 = rowOffset(img, iy), o1 = rowOffset(img, iy + 1), o2 = rowOffset(img, iy + 2);
                int outRow = outOff + unit * outW * c;
                // Stride 2 pairs rows only at 512 bits: at 128 bits it measured 5 % slower than one row (stride 1 8 % faster).
                boolean two = TWO_ROWS && strideH == strideW && (strideH == 1 || L >= 16) && oxLo <= oxHi && unit + 1 < unitTo
                        && oy + 1 < outH;
                // Four output rows whose input rows (6 at stride 1, 9 at stride 2) all lie inside the image: one array, a row stride.
                if (fourRows && oxLo <= oxHi && unit + 3 < unitTo && oy + 3 < outH && iy >= 0 && iy + 3 * strideH + 2 < inH) {
                    int rowOut = outW * c, rs = strideH * rowLen;
                    for (int j = 0; j < 4; j++) {
                        int r0 = o0 + j * rs;
                        for (int ox = 0; ox < oxLo; ox++) {
                            border(in, r0, in, r0 + rowLen, in, r0 + 2 * rowLen, out, outRow + j * rowOut, ox, ox == 0 ? edgeL : 0);
                        }
                    }
                    for (int ch = 0; ch < full; ch += L) {
                        if (strideH == 1) {
                            sweepS1x4In(in, o0, rowLen, out, outRow, ch, oxHi);
                        } else {
                            sweepS2x4In(in, o0, rowLen, out, outRow, ch, oxHi);
                        }
                    }
                    for (int j = 0; j < 4; j++) {
                        int r0 = o0 + j * rs, q = outRow + j * rowOut;
                        if (full < c) {
                            sweepTail(in, r0, in, r0 + rowLen, in, r0 + 2 * rowLen, out, q, full);
                        }
                        for (int ox = oxHi + 1; ox < outW; ox++) {
                            border(in, r0, in, r0 + rowLen, in, r0 + 2 * rowLen, out, q, ox, ox == oxHi + 1 ? edgeR : 0);
                        }
                    }
                    VectorActivation.apply(act, out, outRow, 1, 0, 4 * rowOut);
                    unit += 3;
                    continue;
                }
                for (int ox = 0; ox < oxLo; ox++) {
                    border(a0, o0, a1, o1, a2, o2, out, outRow, ox, ox == 0 ? edgeL : 0);
                }
                if (two) {
                    // The second row's input rows: 1-3 at stride 1, 2-4 at stride 2.
                    int s = strideH;
                    float[] b0 = rowArray(in, iy + s), b1 = rowArray(in, iy + s + 1), b2 = rowArray(in, iy + s + 2);
                    int p0 = rowOffset(img, iy + s), p1 = rowOffset(img, iy + s + 1), p2 = rowOffset(img, iy + s + 2);
                    int outRow2 = outRow + outW * c;
                    for (int ox = 0; ox < oxLo; ox++) {
                        border(b0, p0, b1, p1, b2, p2, out, outRow2, ox, ox == 0 ? edgeL : 0);
                    }
                    for (int ch = 0; ch < full; ch += L) {
                        if (s == 1) {
                            sweepS1x2(a0, o0, a1, o1, a2, o2, b2, p2, out, outRow, ch, oxHi);
                        } else {
                            sweepS2x2(a0, o0, a1, o1, a2, o2, b1, p1, b2, p2, out, outRow, ch, oxHi);
                        }
                    }
                    if (full < c) {
                        sweepTail(a0, o0, a1, o1, a2, o2, out, outRow, full);
                        sweepTail(b0, p0, b1, p1, b2, p2, out, outRow2, full);
                    }
                    for (int ox = oxHi + 1; ox < outW; ox++) {
                        border(a0, o0, a1, o1, a2, o2, out, outRow, ox, ox == oxHi + 1 ? edgeR : 0);
                        border(b0, p0, b1, p1, b2, p2, out, outRow2, ox, ox == oxHi + 1 ? edgeR : 0);
                    }
                    VectorActivation.apply(act, out, outRow, 1, 0, 2 * outW * c);
                    unit++;
                    continue;
                }
                if (oxLo <= oxHi) {
                    for (int ch = 0; ch < full; ch += L) {
                        if (strideW == 1) {
                            sweepS1(a0, o0, a1, o1, a2, o2, out, outRow, ch, oxHi, false);
                        } else if (a0 == in && a1 == in && a2 == in) {
                            if (pixelMajorS2) {
                                pixelsS2In(in, o0, o1 - o0, out, outRow, full);
                                break;
                            }
                            sweepS2In(in, o0, o1 - o0, out, outRow, ch, oxHi);
                        } else {
                            sweepS2(a0, o0, a1, o1, a2, o2, out, outRow, ch, oxHi, false);
                        }
                    }
                    if (full < c) {
                        sweepTail(a0, o0, a1, o1, a2, o2, out, outRow, full);
                    }
                }
                for (int ox = Math.max(oxHi + 1, oxLo); ox < outW; ox++) {
                    border(a0, o0, a1, o1, a2, o2, out, outRow, ox, ox == oxHi + 1 ? edgeR : 0);
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * c);
            }
        }

        /**
         * Interior pixels of one channel block, stride 1, sliding along the row: each
         * input column (three vectors, one per kernel row) is loaded once and feeds the three outputs that
         * use it, so an output costs 3 loads for 9 FMAs instead of 9 for 9. Three partial sums are live: the
         * output being finished (a), the next (b) and the one just started (n). Per output the taps still run
         * column by column, rows within a column, the order of {@link #border}. With {@code tail} the block
         * is the partial last one: loads stay plain (see {@link #sweepTail}), stores are masked.
         * Registers: 9 weights, bias, 2 bounds, 3 sums, 1 load (16).
         */
        private void sweepS1(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch,
                             int oxTo, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            // A ReLU layer's upper bound is +inf: its compare and blend change no bits (BasePreparedConv.clampKind), and
            // they take FP-pipe slots beside the FMAs; C2 unswitches the invariant test out of the loop.
            final boolean upper = clampKind == 2;
            int p = (oxLo - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            if (leftEdge && !tail) {
                FloatVector e = FloatVector.fromArray(S, a2, o2 + p).fma(w21, FloatVector.fromArray(S, a1, o1 + p)
                        .fma(w11, FloatVector.fromArray(S, a0, o0 + p).fma(w01, b)));
                e = FloatVector.fromArray(S, a2, o2 + p + cc).fma(w22, FloatVector.fromArray(S, a1, o1 + p + cc)
                        .fma(w12, FloatVector.fromArray(S, a0, o0 + p + cc).fma(w02, e)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
            }
            // Columns 0 and 1 of the first output's window.
            FloatVector x0 = FloatVector.fromArray(S, a0, o0 + p), x1 = FloatVector.fromArray(S, a1, o1 + p),
                    x2 = FloatVector.fromArray(S, a2, o2 + p);
            FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            p += cc;
            x0 = FloatVector.fromArray(S, a0, o0 + p);
            x1 = FloatVector.fromArray(S, a1, o1 + p);
            x2 = FloatVector.fromArray(S, a2, o2 + p);
            sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            FloatVector sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            // Running indices, no ox: fewer live integers (C2 spilled them to the stack with ox and p).
            int i0 = o0 + p, i1 = o1 + p, i2 = o2 + p, qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                i0 += cc;
                i1 += cc;
                i2 += cc;
                // Row by row across the three outputs (each output's order is unchanged: its column's rows 0, 1, 2),
                // so one input vector is live at a time: with 16 registers (9 weights, bias, 2 bounds, 3 sums) the
                // three loads had not fitted. Zen 3, stand-alone, best of 4 alternations: 0 to +10 %, stride 2 too.
                x0 = FloatVector.fromArray(S, a0, i0);
                FloatVector r = x0.fma(w02, sa);
                sa = x0.fma(w01, sb);
                sb = x0.fma(w00, b);
                x1 = FloatVector.fromArray(S, a1, i1);
                r = x1.fma(w12, r);
                sa = x1.fma(w11, sa);
                sb = x1.fma(w10, sb);
                x2 = FloatVector.fromArray(S, a2, i2);
                r = x2.fma(w22, r);
                sa = x2.fma(w21, sa);
                sb = x2.fma(w20, sb);
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
            if (rightEdge && !tail && oxTo == oxHi) {
                // The last output has only kernel columns 0 and 1: sa holds it.
                sa.blend(lo, sa.compare(LE, lo)).blend(hi, sa.compare(GE, hi)).intoArray(out, q);
            }
        }

        /**
         * {@link #sweepS2} for the rows inside the image (no padding row): the three input rows are one array, {@code rs}
         * floats apart. With three arrays C2 kept three bases, three lengths and three indices live, ran out of general
         * registers and re-read them from the stack inside the loop (read in the disassembly: about 70 instructions per
         * output vector for 6 loads and 9 FMAs). Same taps in the same order as sweepS2.
         */
        private void sweepS2In(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxTo) {
            final int cp = cPad, cc = c, cc2 = 2 * cc, rs2 = 2 * rs;
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // see sweepS1
            int i = o0 + (oxLo * 2 - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            if (leftEdge) {
                FloatVector e = FloatVector.fromArray(S, a, i + rs2 - cc).fma(w21, FloatVector.fromArray(S, a, i + rs - cc)
                        .fma(w11, FloatVector.fromArray(S, a, i - cc).fma(w01, b)));
                e = FloatVector.fromArray(S, a, i + rs2).fma(w22, FloatVector.fromArray(S, a, i + rs)
                        .fma(w12, FloatVector.fromArray(S, a, i).fma(w02, e)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
            }
            FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                    x2 = FloatVector.fromArray(S, a, i + rs2);
            FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            for (int t = oxTo - oxLo; t >= 0; t--, q += cc) {
                x0 = FloatVector.fromArray(S, a, i + cc);
                x1 = FloatVector.fromArray(S, a, i + rs + cc);
                x2 = FloatVector.fromArray(S, a, i + rs2 + cc);
                FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
                i += cc2;
                x0 = FloatVector.fromArray(S, a, i);
                r = x0.fma(w02, r);
                sa = x0.fma(w00, b);
                x1 = FloatVector.fromArray(S, a, i + rs);
                r = x1.fma(w12, r);
                sa = x1.fma(w10, sa);
                x2 = FloatVector.fromArray(S, a, i + rs2);
                r = x2.fma(w22, r);
                sa = x2.fma(w20, sa);
                r = r.blend(lo, r.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
                r.intoArray(out, q);
            }
            if (rightEdge && oxTo == oxHi) {
                FloatVector e = FloatVector.fromArray(S, a, i + rs2 + cc).fma(w21, FloatVector.fromArray(S, a, i + rs + cc)
                        .fma(w11, FloatVector.fromArray(S, a, i + cc).fma(w01, sa)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q);
            }
        }

        /**
         * Stride 2, the rows inside the image (one array, rows {@code rs} apart), every full channel block of one output
         * before the next output, weights read from L1 (see pixelMajorS2), the edge outputs of padding 1 included. Taps
         * in the order of every other path (kernel column by column, rows within a column), so the same bits as the
         * sweep.
         */
        private void pixelsS2In(float[] a, int o0, int rs, float[] out, int outRow, int full) {
            final int cp = cPad, cc = c, rs2 = 2 * rs;
            float[] wt = w, bs = bias;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int first = leftEdge ? oxLo - 1 : oxLo, last = rightEdge ? oxHi + 1 : oxHi;
            for (int ox = first; ox <= last; ox++) {
                int i = o0 + (ox * 2 - padLeft) * cc, q = outRow + ox * cc;
                boolean l = ox < oxLo, r = ox > oxHi;
                for (int ch = 0; ch < full; ch += L, i += L, q += L) {
                    FloatVector acc = FloatVector.fromArray(S, bs, ch);
                    if (!l) {
                        acc = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, wt, wOff + ch), acc);
                        acc = FloatVector.fromArray(S, a, i + rs).fma(FloatVector.fromArray(S, wt, wOff + 3 * cp + ch), acc);
                        acc = FloatVector.fromArray(S, a, i + rs2).fma(FloatVector.fromArray(S, wt, wOff + 6 * cp + ch), acc);
                    }
                    acc = FloatVector.fromArray(S, a, i + cc).fma(FloatVector.fromArray(S, wt, wOff + cp + ch), acc);
                    acc = FloatVector.fromArray(S, a, i + rs + cc).fma(FloatVector.fromArray(S, wt, wOff + 4 * cp + ch), acc);
                    acc = FloatVector.fromArray(S, a, i + rs2 + cc).fma(FloatVector.fromArray(S, wt, wOff + 7 * cp + ch), acc);
                    if (!r) {
                        acc = FloatVector.fromArray(S, a, i + 2 * cc).fma(FloatVector.fromArray(S, wt, wOff + 2 * cp + ch), acc);
                        acc = FloatVector.fromArray(S, a, i + rs + 2 * cc).fma(FloatVector.fromArray(S, wt, wOff + 5 * cp + ch), acc);
                        acc = FloatVector.fromArray(S, a, i + rs2 + 2 * cc).fma(FloatVector.fromArray(S, wt, wOff + 8 * cp + ch), acc);
                    }
                    acc = acc.blend(lo, acc.compare(LE, lo));
                    acc.blend(hi, acc.compare(GE, hi)).intoArray(out, q);
                }
            }
        }

        /**
         * {@link #sweepS1} for two output rows at once (input rows 0-3): each input column is four loads
         * feeding 18 FMAs, and every input row is fetched from L2 twice per two output rows, not three
         * times. Registers: 9 weights, bias, 2 bounds, 6 sums, 2 loads (20 of 32: TWO_ROWS only).
         */
        private void sweepS1x2(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] a3, int o3, float[] out,
                               int outRow, int ch, int oxTo) {
            final int cp = cPad, cc = c, rowOut = outW * cc;
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // see sweepS1
            int p = (oxLo - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            if (leftEdge) {
                FloatVector e = FloatVector.fromArray(S, a2, o2 + p).fma(w21, FloatVector.fromArray(S, a1, o1 + p)
                        .fma(w11, FloatVector.fromArray(S, a0, o0 + p).fma(w01, b)));
                e = FloatVector.fromArray(S, a2, o2 + p + cc).fma(w22, FloatVector.fromArray(S, a1, o1 + p + cc)
                        .fma(w12, FloatVector.fromArray(S, a0, o0 + p + cc).fma(w02, e)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
                FloatVector f = FloatVector.fromArray(S, a3, o3 + p).fma(w21, FloatVector.fromArray(S, a2, o2 + p)
                        .fma(w11, FloatVector.fromArray(S, a1, o1 + p).fma(w01, b)));
                f = FloatVector.fromArray(S, a3, o3 + p + cc).fma(w22, FloatVector.fromArray(S, a2, o2 + p + cc)
                        .fma(w12, FloatVector.fromArray(S, a1, o1 + p + cc).fma(w02, f)));
                f.blend(lo, f.compare(LE, lo)).blend(hi, f.compare(GE, hi)).intoArray(out, q - cc + rowOut);
            }
            FloatVector x0 = FloatVector.fromArray(S, a0, o0 + p), x1 = FloatVector.fromArray(S, a1, o1 + p),
                    x2 = FloatVector.fromArray(S, a2, o2 + p), x3 = FloatVector.fromArray(S, a3, o3 + p);
            FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            FloatVector ta = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
            p += cc;
            x0 = FloatVector.fromArray(S, a0, o0 + p);
            x1 = FloatVector.fromArray(S, a1, o1 + p);
            x2 = FloatVector.fromArray(S, a2, o2 + p);
            x3 = FloatVector.fromArray(S, a3, o3 + p);
            sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
            ta = x3.fma(w21, x2.fma(w11, x1.fma(w01, ta)));
            FloatVector sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            FloatVector tb = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
            int i0 = o0 + p, i1 = o1 + p, i2 = o2 + p, i3 = o3 + p, qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                i0 += cc;
                i1 += cc;
                i2 += cc;
                i3 += cc;
                x0 = FloatVector.fromArray(S, a0, i0);
                x1 = FloatVector.fromArray(S, a1, i1);
                x2 = FloatVector.fromArray(S, a2, i2);
                x3 = FloatVector.fromArray(S, a3, i3);
                FloatVector r = x2.fma(w22, x1.fma(w12, x0.fma(w02, sa)));
                FloatVector t = x3.fma(w22, x2.fma(w12, x1.fma(w02, ta)));
                sa = x2.fma(w21, x1.fma(w11, x0.fma(w01, sb)));
                ta = x3.fma(w21, x2.fma(w11, x1.fma(w01, tb)));
                sb = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                tb = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
                r = r.blend(lo, r.compare(LE, lo));
                t = t.blend(lo, t.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                    t = t.blend(hi, t.compare(GE, hi));
                }
                r.intoArray(out, q);
                t.intoArray(out, q + rowOut);
            }
            if (rightEdge && oxTo == oxHi) {
                sa.blend(lo, sa.compare(LE, lo)).blend(hi, sa.compare(GE, hi)).intoArray(out, q);
                ta.blend(lo, ta.compare(LE, lo)).blend(hi, ta.compare(GE, hi)).intoArray(out, q + rowOut);
            }
        }

        /**
         * {@link #sweepS1x2} for four output rows whose six input rows lie inside the image (one array, rows {@code rs}
         * apart): six loads per input column feed 36 FMAs, each input row is fetched 1.5 times per output row instead of
         * 2, and a narrow row (7 or 14 outputs) pays the weight loads and edges of one call per four rows instead of two.
         * Taps in the order of every other path. Registers: 9 weights, bias, 2 bounds, 8 sums, 6 loads (26 of 32).
         */
        private void sweepS1x4In(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxTo) {
            final int cp = cPad, cc = c, rowOut = outW * cc;
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // see sweepS1
            int i = o0 + (oxLo - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            // Columns 0 and 1 of the first output's window, per row j: sa_j has both, sb_j column 1 as the next one's 0.
            // With the left edge, output 0 of each row (input columns 0 and 1 as its kernel columns 1 and 2) from the
            // same loads.
            FloatVector x0 = FloatVector.fromArray(S, a, i), x1 = FloatVector.fromArray(S, a, i + rs),
                    x2 = FloatVector.fromArray(S, a, i + 2 * rs), x3 = FloatVector.fromArray(S, a, i + 3 * rs),
                    x4 = FloatVector.fromArray(S, a, i + 4 * rs), x5 = FloatVector.fromArray(S, a, i + 5 * rs);
            FloatVector sa0 = x2.fma(w20, x1.fma(w10, x0.fma(w00, b))), sa1 = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
            FloatVector sa2 = x4.fma(w20, x3.fma(w10, x2.fma(w00, b))), sa3 = x5.fma(w20, x4.fma(w10, x3.fma(w00, b)));
            FloatVector e0 = b, e1 = b, e2 = b, e3 = b;
            if (leftEdge) {
                e0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, b)));
                e1 = x3.fma(w21, x2.fma(w11, x1.fma(w01, b)));
                e2 = x4.fma(w21, x3.fma(w11, x2.fma(w01, b)));
                e3 = x5.fma(w21, x4.fma(w11, x3.fma(w01, b)));
            }
            i += cc;
            x0 = FloatVector.fromArray(S, a, i);
            x1 = FloatVector.fromArray(S, a, i + rs);
            x2 = FloatVector.fromArray(S, a, i + 2 * rs);
            x3 = FloatVector.fromArray(S, a, i + 3 * rs);
            x4 = FloatVector.fromArray(S, a, i + 4 * rs);
            x5 = FloatVector.fromArray(S, a, i + 5 * rs);
            if (leftEdge) {
                e0 = x2.fma(w22, x1.fma(w12, x0.fma(w02, e0)));
                e1 = x3.fma(w22, x2.fma(w12, x1.fma(w02, e1)));
                e2 = x4.fma(w22, x3.fma(w12, x2.fma(w02, e2)));
                e3 = x5.fma(w22, x4.fma(w12, x3.fma(w02, e3)));
                e0.blend(lo, e0.compare(LE, lo)).blend(hi, e0.compare(GE, hi)).intoArray(out, q - cc);
                e1.blend(lo, e1.compare(LE, lo)).blend(hi, e1.compare(GE, hi)).intoArray(out, q - cc + rowOut);
                e2.blend(lo, e2.compare(LE, lo)).blend(hi, e2.compare(GE, hi)).intoArray(out, q - cc + 2 * rowOut);
                e3.blend(lo, e3.compare(LE, lo)).blend(hi, e3.compare(GE, hi)).intoArray(out, q - cc + 3 * rowOut);
            }
            sa0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa0)));
            sa1 = x3.fma(w21, x2.fma(w11, x1.fma(w01, sa1)));
            sa2 = x4.fma(w21, x3.fma(w11, x2.fma(w01, sa2)));
            sa3 = x5.fma(w21, x4.fma(w11, x3.fma(w01, sa3)));
            FloatVector sb0 = x2.fma(w20, x1.fma(w10, x0.fma(w00, b))), sb1 = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
            FloatVector sb2 = x4.fma(w20, x3.fma(w10, x2.fma(w00, b))), sb3 = x5.fma(w20, x4.fma(w10, x3.fma(w00, b)));
            int qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                i += cc;
                x0 = FloatVector.fromArray(S, a, i);
                x1 = FloatVector.fromArray(S, a, i + rs);
                x2 = FloatVector.fromArray(S, a, i + 2 * rs);
                x3 = FloatVector.fromArray(S, a, i + 3 * rs);
                x4 = FloatVector.fromArray(S, a, i + 4 * rs);
                x5 = FloatVector.fromArray(S, a, i + 5 * rs);
                FloatVector r0 = x2.fma(w22, x1.fma(w12, x0.fma(w02, sa0)));
                FloatVector r1 = x3.fma(w22, x2.fma(w12, x1.fma(w02, sa1)));
                FloatVector r2 = x4.fma(w22, x3.fma(w12, x2.fma(w02, sa2)));
                FloatVector r3 = x5.fma(w22, x4.fma(w12, x3.fma(w02, sa3)));
                sa0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, sb0)));
                sa1 = x3.fma(w21, x2.fma(w11, x1.fma(w01, sb1)));
                sa2 = x4.fma(w21, x3.fma(w11, x2.fma(w01, sb2)));
                sa3 = x5.fma(w21, x4.fma(w11, x3.fma(w01, sb3)));
                sb0 = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                sb1 = x3.fma(w20, x2.fma(w10, x1.fma(w00, b)));
                sb2 = x4.fma(w20, x3.fma(w10, x2.fma(w00, b)));
                sb3 = x5.fma(w20, x4.fma(w10, x3.fma(w00, b)));
                r0 = r0.blend(lo, r0.compare(LE, lo));
                r1 = r1.blend(lo, r1.compare(LE, lo));
                r2 = r2.blend(lo, r2.compare(LE, lo));
                r3 = r3.blend(lo, r3.compare(LE, lo));
                if (upper) {
                    r0 = r0.blend(hi, r0.compare(GE, hi));
                    r1 = r1.blend(hi, r1.compare(GE, hi));
                    r2 = r2.blend(hi, r2.compare(GE, hi));
                    r3 = r3.blend(hi, r3.compare(GE, hi));
                }
                r0.intoArray(out, q);
                r1.intoArray(out, q + rowOut);
                r2.intoArray(out, q + 2 * rowOut);
                r3.intoArray(out, q + 3 * rowOut);
            }
            if (rightEdge && oxTo == oxHi) {
                sa0.blend(lo, sa0.compare(LE, lo)).blend(hi, sa0.compare(GE, hi)).intoArray(out, q);
                sa1.blend(lo, sa1.compare(LE, lo)).blend(hi, sa1.compare(GE, hi)).intoArray(out, q + rowOut);
                sa2.blend(lo, sa2.compare(LE, lo)).blend(hi, sa2.compare(GE, hi)).intoArray(out, q + 2 * rowOut);
                sa3.blend(lo, sa3.compare(LE, lo)).blend(hi, sa3.compare(GE, hi)).intoArray(out, q + 3 * rowOut);
            }
        }

        /**
         * {@link #sweepS2x2} for four output rows whose nine input rows lie inside the image (one array, rows {@code rs}
         * apart): nine loads per input column feed 36 FMAs, each input row is fetched 2.25 times per four output rows
         * instead of 2.5, and a narrow row pays one call's weight loads and edges per four rows. Same taps in the same
         * order as every other path. Registers: 9 weights, bias, 2 bounds, 8 sums, 9 loads (29 of 32).
         */
        private void sweepS2x4In(float[] a, int o0, int rs, float[] out, int outRow, int ch, int oxTo) {
            final int cp = cPad, cc = c, rowOut = outW * cc;
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2;
            int i = o0 + (oxLo * 2 - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            FloatVector x0, x1, x2, x3, x4, x5, x6, x7, x8;
            FloatVector e0 = b, e1 = b, e2 = b, e3 = b;
            if (leftEdge) {
                // Output 0 of each row: input columns 0 and 1 (i - cc and i) as its kernel columns 1 and 2.
                x0 = FloatVector.fromArray(S, a, i - cc);
                x1 = FloatVector.fromArray(S, a, i + rs - cc);
                x2 = FloatVector.fromArray(S, a, i + 2 * rs - cc);
                x3 = FloatVector.fromArray(S, a, i + 3 * rs - cc);
                x4 = FloatVector.fromArray(S, a, i + 4 * rs - cc);
                x5 = FloatVector.fromArray(S, a, i + 5 * rs - cc);
                x6 = FloatVector.fromArray(S, a, i + 6 * rs - cc);
                x7 = FloatVector.fromArray(S, a, i + 7 * rs - cc);
                x8 = FloatVector.fromArray(S, a, i + 8 * rs - cc);
                e0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, b)));
                e1 = x4.fma(w21, x3.fma(w11, x2.fma(w01, b)));
                e2 = x6.fma(w21, x5.fma(w11, x4.fma(w01, b)));
                e3 = x8.fma(w21, x7.fma(w11, x6.fma(w01, b)));
            }
            // Input column i: the left edge outputs' kernel column 2, and column 0 of the first interior output.
            x0 = FloatVector.fromArray(S, a, i);
            x1 = FloatVector.fromArray(S, a, i + rs);
            x2 = FloatVector.fromArray(S, a, i + 2 * rs);
            x3 = FloatVector.fromArray(S, a, i + 3 * rs);
            x4 = FloatVector.fromArray(S, a, i + 4 * rs);
            x5 = FloatVector.fromArray(S, a, i + 5 * rs);
            x6 = FloatVector.fromArray(S, a, i + 6 * rs);
            x7 = FloatVector.fromArray(S, a, i + 7 * rs);
            x8 = FloatVector.fromArray(S, a, i + 8 * rs);
            if (leftEdge) {
                e0 = x2.fma(w22, x1.fma(w12, x0.fma(w02, e0)));
                e1 = x4.fma(w22, x3.fma(w12, x2.fma(w02, e1)));
                e2 = x6.fma(w22, x5.fma(w12, x4.fma(w02, e2)));
                e3 = x8.fma(w22, x7.fma(w12, x6.fma(w02, e3)));
                e0.blend(lo, e0.compare(LE, lo)).blend(hi, e0.compare(GE, hi)).intoArray(out, q - cc);
                e1.blend(lo, e1.compare(LE, lo)).blend(hi, e1.compare(GE, hi)).intoArray(out, q - cc + rowOut);
                e2.blend(lo, e2.compare(LE, lo)).blend(hi, e2.compare(GE, hi)).intoArray(out, q - cc + 2 * rowOut);
                e3.blend(lo, e3.compare(LE, lo)).blend(hi, e3.compare(GE, hi)).intoArray(out, q - cc + 3 * rowOut);
            }
            FloatVector sa0 = x2.fma(w20, x1.fma(w10, x0.fma(w00, b))), sa1 = x4.fma(w20, x3.fma(w10, x2.fma(w00, b)));
            FloatVector sa2 = x6.fma(w20, x5.fma(w10, x4.fma(w00, b))), sa3 = x8.fma(w20, x7.fma(w10, x6.fma(w00, b)));
            int qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                x0 = FloatVector.fromArray(S, a, i + cc);
                x1 = FloatVector.fromArray(S, a, i + rs + cc);
                x2 = FloatVector.fromArray(S, a, i + 2 * rs + cc);
                x3 = FloatVector.fromArray(S, a, i + 3 * rs + cc);
                x4 = FloatVector.fromArray(S, a, i + 4 * rs + cc);
                x5 = FloatVector.fromArray(S, a, i + 5 * rs + cc);
                x6 = FloatVector.fromArray(S, a, i + 6 * rs + cc);
                x7 = FloatVector.fromArray(S, a, i + 7 * rs + cc);
                x8 = FloatVector.fromArray(S, a, i + 8 * rs + cc);
                FloatVector r0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa0)));
                FloatVector r1 = x4.fma(w21, x3.fma(w11, x2.fma(w01, sa1)));
                FloatVector r2 = x6.fma(w21, x5.fma(w11, x4.fma(w01, sa2)));
                FloatVector r3 = x8.fma(w21, x7.fma(w11, x6.fma(w01, sa3)));
                i += 2 * cc;
                x0 = FloatVector.fromArray(S, a, i);
                x1 = FloatVector.fromArray(S, a, i + rs);
                x2 = FloatVector.fromArray(S, a, i + 2 * rs);
                x3 = FloatVector.fromArray(S, a, i + 3 * rs);
                x4 = FloatVector.fromArray(S, a, i + 4 * rs);
                x5 = FloatVector.fromArray(S, a, i + 5 * rs);
                x6 = FloatVector.fromArray(S, a, i + 6 * rs);
                x7 = FloatVector.fromArray(S, a, i + 7 * rs);
                x8 = FloatVector.fromArray(S, a, i + 8 * rs);
                r0 = x2.fma(w22, x1.fma(w12, x0.fma(w02, r0)));
                r1 = x4.fma(w22, x3.fma(w12, x2.fma(w02, r1)));
                r2 = x6.fma(w22, x5.fma(w12, x4.fma(w02, r2)));
                r3 = x8.fma(w22, x7.fma(w12, x6.fma(w02, r3)));
                sa0 = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                sa1 = x4.fma(w20, x3.fma(w10, x2.fma(w00, b)));
                sa2 = x6.fma(w20, x5.fma(w10, x4.fma(w00, b)));
                sa3 = x8.fma(w20, x7.fma(w10, x6.fma(w00, b)));
                r0 = r0.blend(lo, r0.compare(LE, lo));
                r1 = r1.blend(lo, r1.compare(LE, lo));
                r2 = r2.blend(lo, r2.compare(LE, lo));
                r3 = r3.blend(lo, r3.compare(LE, lo));
                if (upper) {
                    r0 = r0.blend(hi, r0.compare(GE, hi));
                    r1 = r1.blend(hi, r1.compare(GE, hi));
                    r2 = r2.blend(hi, r2.compare(GE, hi));
                    r3 = r3.blend(hi, r3.compare(GE, hi));
                }
                r0.intoArray(out, q);
                r1.intoArray(out, q + rowOut);
                r2.intoArray(out, q + 2 * rowOut);
                r3.intoArray(out, q + 3 * rowOut);
            }
            if (rightEdge && oxTo == oxHi) {
                x0 = FloatVector.fromArray(S, a, i + cc);
                x1 = FloatVector.fromArray(S, a, i + rs + cc);
                x2 = FloatVector.fromArray(S, a, i + 2 * rs + cc);
                x3 = FloatVector.fromArray(S, a, i + 3 * rs + cc);
                x4 = FloatVector.fromArray(S, a, i + 4 * rs + cc);
                x5 = FloatVector.fromArray(S, a, i + 5 * rs + cc);
                x6 = FloatVector.fromArray(S, a, i + 6 * rs + cc);
                x7 = FloatVector.fromArray(S, a, i + 7 * rs + cc);
                x8 = FloatVector.fromArray(S, a, i + 8 * rs + cc);
                e0 = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa0)));
                e1 = x4.fma(w21, x3.fma(w11, x2.fma(w01, sa1)));
                e2 = x6.fma(w21, x5.fma(w11, x4.fma(w01, sa2)));
                e3 = x8.fma(w21, x7.fma(w11, x6.fma(w01, sa3)));
                e0.blend(lo, e0.compare(LE, lo)).blend(hi, e0.compare(GE, hi)).intoArray(out, q);
                e1.blend(lo, e1.compare(LE, lo)).blend(hi, e1.compare(GE, hi)).intoArray(out, q + rowOut);
                e2.blend(lo, e2.compare(LE, lo)).blend(hi, e2.compare(GE, hi)).intoArray(out, q + 2 * rowOut);
                e3.blend(lo, e3.compare(LE, lo)).blend(hi, e3.compare(GE, hi)).intoArray(out, q + 3 * rowOut);
            }
        }

        /** {@link #sweepS1} for stride 2: an output's last column is the next one's first, so 6 loads per 9 FMAs. */
        private void sweepS2(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ch,
                             int oxTo, boolean tail) {
            final int cp = cPad, cc = c;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(cc - ch));
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // see sweepS1
            int p = (oxLo * 2 - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            if (leftEdge && !tail) {
                // Output 0 reads input columns 0 and 1 (p - cc and p) as its kernel columns 1 and 2.
                FloatVector e = FloatVector.fromArray(S, a2, o2 + p - cc).fma(w21, FloatVector.fromArray(S, a1, o1 + p - cc)
                        .fma(w11, FloatVector.fromArray(S, a0, o0 + p - cc).fma(w01, b)));
                e = FloatVector.fromArray(S, a2, o2 + p).fma(w22, FloatVector.fromArray(S, a1, o1 + p)
                        .fma(w12, FloatVector.fromArray(S, a0, o0 + p).fma(w02, e)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
            }
            FloatVector x0 = FloatVector.fromArray(S, a0, o0 + p), x1 = FloatVector.fromArray(S, a1, o1 + p),
                    x2 = FloatVector.fromArray(S, a2, o2 + p);
            FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            int i0 = o0 + p, i1 = o1 + p, i2 = o2 + p, qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                x0 = FloatVector.fromArray(S, a0, i0 + cc);
                x1 = FloatVector.fromArray(S, a1, i1 + cc);
                x2 = FloatVector.fromArray(S, a2, i2 + cc);
                FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
                i0 += 2 * cc;
                i1 += 2 * cc;
                i2 += 2 * cc;
                // Row by row across the two outputs, one input vector live at a time (orders unchanged, see sweepS1).
                x0 = FloatVector.fromArray(S, a0, i0);
                r = x0.fma(w02, r);
                sa = x0.fma(w00, b);
                x1 = FloatVector.fromArray(S, a1, i1);
                r = x1.fma(w12, r);
                sa = x1.fma(w10, sa);
                x2 = FloatVector.fromArray(S, a2, i2);
                r = x2.fma(w22, r);
                sa = x2.fma(w20, sa);
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
            if (rightEdge && !tail && oxTo == oxHi) {
                // The last output: sa holds its kernel column 0; its column 1 is the input's last.
                FloatVector e = FloatVector.fromArray(S, a2, i2 + cc).fma(w21, FloatVector.fromArray(S, a1, i1 + cc)
                        .fma(w11, FloatVector.fromArray(S, a0, i0 + cc).fma(w01, sa)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q);
            }
        }

        /**
         * {@link #sweepS2} for two output rows at once (input rows 0-4, row 2 shared): per input column five
         * loads feed 18 FMAs. Registers: 9 weights, bias, 2 bounds, 4 sums, 2-3 loads.
         */
        private void sweepS2x2(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] a3, int o3, float[] a4, int o4,
                               float[] out, int outRow, int ch, int oxTo) {
            final int cp = cPad, cc = c, rowOut = outW * cc;
            FloatVector w00 = FloatVector.fromArray(S, w, wOff + ch), w01 = FloatVector.fromArray(S, w, wOff + cp + ch),
                    w02 = FloatVector.fromArray(S, w, wOff + 2 * cp + ch), w10 = FloatVector.fromArray(S, w, wOff + 3 * cp + ch),
                    w11 = FloatVector.fromArray(S, w, wOff + 4 * cp + ch), w12 = FloatVector.fromArray(S, w, wOff + 5 * cp + ch),
                    w20 = FloatVector.fromArray(S, w, wOff + 6 * cp + ch), w21 = FloatVector.fromArray(S, w, wOff + 7 * cp + ch),
                    w22 = FloatVector.fromArray(S, w, wOff + 8 * cp + ch);
            FloatVector b = FloatVector.fromArray(S, bias, ch);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final boolean upper = clampKind == 2; // see sweepS1
            int p = (oxLo * 2 - padLeft) * cc + ch;
            int q = outRow + oxLo * cc + ch;
            if (leftEdge) {
                FloatVector e = FloatVector.fromArray(S, a2, o2 + p - cc).fma(w21, FloatVector.fromArray(S, a1, o1 + p - cc)
                        .fma(w11, FloatVector.fromArray(S, a0, o0 + p - cc).fma(w01, b)));
                e = FloatVector.fromArray(S, a2, o2 + p).fma(w22, FloatVector.fromArray(S, a1, o1 + p)
                        .fma(w12, FloatVector.fromArray(S, a0, o0 + p).fma(w02, e)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q - cc);
                FloatVector f = FloatVector.fromArray(S, a4, o4 + p - cc).fma(w21, FloatVector.fromArray(S, a3, o3 + p - cc)
                        .fma(w11, FloatVector.fromArray(S, a2, o2 + p - cc).fma(w01, b)));
                f = FloatVector.fromArray(S, a4, o4 + p).fma(w22, FloatVector.fromArray(S, a3, o3 + p)
                        .fma(w12, FloatVector.fromArray(S, a2, o2 + p).fma(w02, f)));
                f.blend(lo, f.compare(LE, lo)).blend(hi, f.compare(GE, hi)).intoArray(out, q - cc + rowOut);
            }
            FloatVector x0 = FloatVector.fromArray(S, a0, o0 + p), x1 = FloatVector.fromArray(S, a1, o1 + p),
                    x2 = FloatVector.fromArray(S, a2, o2 + p), x3 = FloatVector.fromArray(S, a3, o3 + p),
                    x4 = FloatVector.fromArray(S, a4, o4 + p);
            FloatVector sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
            FloatVector ta = x4.fma(w20, x3.fma(w10, x2.fma(w00, b)));
            int i0 = o0 + p, i1 = o1 + p, i2 = o2 + p, i3 = o3 + p, i4 = o4 + p, qEnd = q + (oxTo - oxLo + 1) * cc;
            for (; q < qEnd; q += cc) {
                x0 = FloatVector.fromArray(S, a0, i0 + cc);
                x1 = FloatVector.fromArray(S, a1, i1 + cc);
                x2 = FloatVector.fromArray(S, a2, i2 + cc);
                x3 = FloatVector.fromArray(S, a3, i3 + cc);
                x4 = FloatVector.fromArray(S, a4, i4 + cc);
                FloatVector r = x2.fma(w21, x1.fma(w11, x0.fma(w01, sa)));
                FloatVector t = x4.fma(w21, x3.fma(w11, x2.fma(w01, ta)));
                i0 += 2 * cc;
                i1 += 2 * cc;
                i2 += 2 * cc;
                i3 += 2 * cc;
                i4 += 2 * cc;
                x0 = FloatVector.fromArray(S, a0, i0);
                x1 = FloatVector.fromArray(S, a1, i1);
                x2 = FloatVector.fromArray(S, a2, i2);
                x3 = FloatVector.fromArray(S, a3, i3);
                x4 = FloatVector.fromArray(S, a4, i4);
                r = x2.fma(w22, x1.fma(w12, x0.fma(w02, r)));
                t = x4.fma(w22, x3.fma(w12, x2.fma(w02, t)));
                sa = x2.fma(w20, x1.fma(w10, x0.fma(w00, b)));
                ta = x4.fma(w20, x3.fma(w10, x2.fma(w00, b)));
                r = r.blend(lo, r.compare(LE, lo));
                t = t.blend(lo, t.compare(LE, lo));
                if (upper) {
                    r = r.blend(hi, r.compare(GE, hi));
                    t = t.blend(hi, t.compare(GE, hi));
                }
                r.intoArray(out, q);
                t.intoArray(out, q + rowOut);
            }
            if (rightEdge && oxTo == oxHi) {
                FloatVector e = FloatVector.fromArray(S, a2, i2 + cc).fma(w21, FloatVector.fromArray(S, a1, i1 + cc)
                        .fma(w11, FloatVector.fromArray(S, a0, i0 + cc).fma(w01, sa)));
                e.blend(lo, e.compare(LE, lo)).blend(hi, e.compare(GE, hi)).intoArray(out, q);
                FloatVector f = FloatVector.fromArray(S, a4, i4 + cc).fma(w21, FloatVector.fromArray(S, a3, i3 + cc)
                        .fma(w11, FloatVector.fromArray(S, a2, i2 + cc).fma(w01, ta)));
                f.blend(lo, f.compare(LE, lo)).blend(hi, f.compare(GE, hi)).intoArray(out, q + rowOut);
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
            final int cc = c, step = strideW * cc;
            int p0 = (oxLo * strideW - padLeft) * cc + ch, q0 = outRow + oxLo * cc + ch;
            // Last ox whose loads (up to o + p + 2cc + L) and store (q + L) are inside the arrays.
            long safe = oxHi;
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a0.length - L - 2L * cc - o0 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a1.length - L - 2L * cc - o1 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) a2.length - L - 2L * cc - o2 - p0, step));
            safe = Math.min(safe, oxLo + Math.floorDiv((long) out.length - L - q0, cc));
            int oxSafe = (int) Math.max(oxLo - 1, safe);
            if (oxSafe >= oxLo) {
                if (strideW == 1) {
                    sweepS1(a0, o0, a1, o1, a2, o2, out, outRow, ch, oxSafe, true);
                } else {
                    sweepS2(a0, o0, a1, o1, a2, o2, out, outRow, ch, oxSafe, true);
                }
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
                    for (int kx = 0; kx < 3; kx++) {
                        acc = Math.fma(a0[o0 + p + kx * cc + j], w[wOff + kx * cp + ch + j], acc);
                        acc = Math.fma(a1[o1 + p + kx * cc + j], w[wOff + (3 + kx) * cp + ch + j], acc);
                        acc = Math.fma(a2[o2 + p + kx * cc + j], w[wOff + (6 + kx) * cp + ch + j], acc);
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
        private void border(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int ox, int chFrom) {
            int ix = ox * strideW - padLeft;
            int kxLo = Math.max(0, -ix), kxHi = Math.min(2, inW - 1 - ix);
            int q = outRow + ox * c;
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int r0 = o0 + ix * c, r1 = o1 + ix * c, r2 = o2 + ix * c;
            int ch = chFrom;
            // Full blocks unmasked: on 7x7 layers two of every seven pixels come through here.
            for (; ch + L <= c; ch += L) {
                FloatVector acc = FloatVector.fromArray(S, bias, ch);
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = FloatVector.fromArray(S, a0, r0 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + kx * cPad + ch), acc);
                    acc = FloatVector.fromArray(S, a1, r1 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + (3 + kx) * cPad + ch), acc);
                    acc = FloatVector.fromArray(S, a2, r2 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + (6 + kx) * cPad + ch), acc);
                }
                acc = acc.blend(lo, acc.compare(LE, lo));
                acc.blend(hi, acc.compare(GE, hi)).intoArray(out, q + ch);
            }
            if (ch < c) {
                // Plain loads when every full-width load stays inside its array (see sweepTail).
                long end = (long) ch + kxHi * c + L;
                if (r0 + end <= a0.length && r1 + end <= a1.length && r2 + end <= a2.length && (long) q + ch + L <= out.length) {
                    VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(c - ch));
                    FloatVector acc = FloatVector.fromArray(S, bias, ch);
                    for (int kx = kxLo; kx <= kxHi; kx++) {
                        acc = FloatVector.fromArray(S, a0, r0 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + kx * cPad + ch), acc);
                        acc = FloatVector.fromArray(S, a1, r1 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + (3 + kx) * cPad + ch), acc);
                        acc = FloatVector.fromArray(S, a2, r2 + kx * c + ch).fma(FloatVector.fromArray(S, w, wOff + (6 + kx) * cPad + ch), acc);
                    }
                    acc = acc.blend(lo, acc.compare(LE, lo));
                    acc.blend(hi, acc.compare(GE, hi)).intoArray(out, q + ch, m);
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
                for (int kx = kxLo; kx <= kxHi; kx++) {
                    acc = Math.fma(a0[r0 + ch + j + kx * c], w[wOff + kx * cPad + ch + j], acc);
                    acc = Math.fma(a1[r1 + ch + j + kx * c], w[wOff + (3 + kx) * cPad + ch + j], acc);
                    acc = Math.fma(a2[r2 + ch + j + kx * c], w[wOff + (6 + kx) * cPad + ch + j], acc);
                }
                out[q + ch + j] = Math.min(Math.max(acc, act.min()), act.max()); // the clamp part; gated activations follow per row
            }
        }
    }
}
