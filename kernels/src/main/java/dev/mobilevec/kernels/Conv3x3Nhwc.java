package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
    private static final VectorSpecies<Integer> SI = Lanes.INT_SPECIES;
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
        return prepare(spec, weights, bias, activation, HeapAlignment.AUTO);
    }

    /**
     * As {@link #prepare}, with the packed weights starting {@code weightOffset} floats into a new array of their own (tests
     * vary it), or where {@link HeapAlignment#allocate} puts them ({@link HeapAlignment#AUTO}).
     */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation, int weightOffset) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "an ungrouped 3x3 convolution with stride 1 or 2");
        return new Prepared(spec, weights, b, activation, weightOffset);
    }

    private static final class Prepared extends WindowConv {
        private final int cin, cout, coutPad, wo;
        /** [tap][ci][coutPad], from index {@code wo} (maybe a slice of a shared array): 64-byte aligned where {@link HeapAlignment} can tell. */
        private final float[] w;
        private final float[] bias;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act, int weightOffset) {
            super(s, act);
            cin = s.inC();
            cout = s.outC();
            coutPad = (cout + NB - 1) / NB * NB;
            HeapAlignment.Slice room = HeapAlignment.slice(weightOffset, Checks.product("packed conv3x3 weights", 9, cin, coutPad));
            w = room.array();
            wo = room.offset();
            for (int co = 0; co < cout; co++) {
                for (int tap = 0; tap < 9; tap++) {
                    for (int ci = 0; ci < cin; ci++) {
                        w[wo + (tap * cin + ci) * coutPad + co] = weights[(co * 9 + tap) * cin + ci];
                    }
                }
            }
            bias = new float[coutPad];
            System.arraycopy(b, 0, bias, 0, cout);
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
                for (int cb = 0; cb < cout; cb += NB) {
                    int ox = 0;
                    for (; ox < oxLo; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                    if (oxHi - oxLo + 1 >= PX) {
                        if (cout - cb <= L) {
                            // One vector of outputs (16 channels, as MobileNetV3's first layer): twelve pixels, so the
                            // tile still has 12 independent chains instead of computing a second, all-padding vector.
                            if (strideW == 2 && cin == 3) {
                                for (; ox + 2 * PX - 1 <= oxHi; ox += 2 * PX) {
                                    tile12x1S2C3(a0, o0, a1, o1, a2, o2, (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                                }
                            }
                            for (; ox + 2 * PX - 1 <= oxHi; ox += 2 * PX) {
                                tile12x1(a0, o0, a1, o1, a2, o2, (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                            }
                            if (ox <= oxHi && oxHi - oxLo + 1 >= 2 * PX) {
                                // The rest: one more twelve-pixel tile ending at oxHi, over pixels already done (same
                                // chains, same bits). The two-vector tiles below would store an all-padding second
                                // vector under an empty mask, and FloatVector.intoArray's one branch profile (mask
                                // all set or not) is shared by every caller in the JVM: one such store deoptimised
                                // and recompiled the two-vector tiles of every other model's first layer with the
                                // masked path kept (v2's after v1 at alpha 0.25 or 0.75: minimum 392-415 -> 442-456
                                // us, 16 registers; bench/results/avx2/t51/two-models.txt).
                                int ox0 = oxHi - 2 * PX + 1;
                                if (strideW == 2 && cin == 3) {
                                    tile12x1S2C3(a0, o0, a1, o1, a2, o2, (ox0 * strideW - padLeft) * cin, out, outRow + ox0 * cout, cb);
                                } else {
                                    tile12x1(a0, o0, a1, o1, a2, o2, (ox0 * strideW - padLeft) * cin, out, outRow + ox0 * cout, cb);
                                }
                                ox = oxHi + 1;
                            }
                        }
                        if (strideW == 2 && cin == 3 && Lanes.REGISTERS < 32) {
                            for (; ox + PX - 2 <= oxHi; ox += PX - 1) {
                                tile5S2C3(a0, o0, a1, o1, a2, o2, (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                            }
                        }
                        if (strideW == 2 && cin == 3) {
                            for (; ox + PX - 1 <= oxHi; ox += PX) {
                                tileS2C3(a0, o0, a1, o1, a2, o2, (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                            }
                        }
                        for (; ox + PX - 1 <= oxHi; ox += PX) {
                            tile(a0, o0, a1, o1, a2, o2, (ox * strideW - padLeft) * cin, out, outRow + ox * cout, cb);
                        }
                        if (ox <= oxHi) {
                            // The last interior pixels: one more tile ending at oxHi, overlapping the previous one. The
                            // overlapped pixels get the same bits again (same taps, same order), where the one-pixel
                            // path (a single 27-FMA chain, latency-bound) took up to a fifth of the layer's time. With
                            // 16 registers it is the row's own 5-pixel tile: the general one's loop spills there (41-55
                            // instructions and 6-10 stack operands per 12 FMAs, against 28 and none per 10).
                            boolean five = strideW == 2 && cin == 3 && Lanes.REGISTERS < 32;
                            int ox0 = oxHi - (five ? PX - 1 : PX) + 1;
                            if (five) {
                                tile5S2C3(a0, o0, a1, o1, a2, o2, (ox0 * strideW - padLeft) * cin, out, outRow + ox0 * cout, cb);
                            } else {
                                tile(a0, o0, a1, o1, a2, o2, (ox0 * strideW - padLeft) * cin, out, outRow + ox0 * cout, cb);
                            }
                            ox = oxHi + 1;
                        }
                    }
                    for (; ox < outW; ox++) {
                        pixel(a0, o0, a1, o1, a2, o2, out, outRow, cb, ox);
                    }
                }
                VectorActivation.apply(act, out, outRow, 1, 0, outW * cout);
            }
        }

        /**
         * Six pixels whose windows lie inside the image's columns (rows outside read the zero row),
         * output channels [cb, cb + 2L), input column offset {@code col} of the first window. Two flat
         * loops (a window row's 3 x cin taps are contiguous in NHWC) keep the method small: with the
         * three kernel loops and a wider epilogue it outgrew C2's inlining budget, vector calls stopped
         * being inlined, and every FMA was boxed (40x slower). The epilogue is therefore always masked
         * (masks made once per tile; cheap on AVX-512, and this layer is ~2-5 % of the work).
         */
        private void tile(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, int col, float[] out, int q, int cb) {
            long tailBits0 = Lanes.firstNBits(cout - cb), tailBits1 = Lanes.firstNBits(cout - cb - L);
            final int cp = coutPad, ps = strideW * cin, span = 3 * cin;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb), b1 = FloatVector.fromArray(S, bias, cb + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1,
                    c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
            // A window row's 3 x cin taps are contiguous in NHWC: the inner index is linear in j, so C2 hoists
            // its bounds checks (a tap-offset table cost a load and a checked index per tap).
            int wi = wo + cb;
            for (int ky = 0; ky < 3; ky++) {
                // Rows outside the image are the zero row (see WindowConv).
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int r = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + col;
                for (int j = 0; j < span; j++, wi += cp) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi), w1 = FloatVector.fromArray(S, w, wi + L);
                    int i = r + j;
                    FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats();
                    c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + ps])).reinterpretAsFloats();
                    c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * ps])).reinterpretAsFloats();
                    c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * ps])).reinterpretAsFloats();
                    c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * ps])).reinterpretAsFloats();
                    c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * ps])).reinterpretAsFloats();
                    c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            VectorMask<Float> m0 = VectorMask.fromLong(S, tailBits0), m1 = VectorMask.fromLong(S, tailBits1);
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

        /**
         * {@link #tile} for stride 2 and 3 input channels, every RGB MobileNet's first layer: the pixel stride (6) and
         * window span (9) are constants, so the six broadcasts address the input by constant displacements from one
         * index instead of one add each off six row offsets held in registers (or spilled): 196 -> 172 us at 32
         * outputs, 194 -> 174-190 at 24 (224x224, stand-alone, same session). An isolated FMA-and-broadcast loop ran at
         * 155 GFLOPS with constant offsets and 86 with eight runtime ones.
         */
        private void tileS2C3(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, int col, float[] out, int q, int cb) {
            long tailBits0 = Lanes.firstNBits(cout - cb), tailBits1 = Lanes.firstNBits(cout - cb - L);
            final int cp = coutPad, ps = 6, span = 9;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb), b1 = FloatVector.fromArray(S, bias, cb + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1,
                    c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
            // A window row's 3 x cin taps are contiguous in NHWC: the inner index is linear in j, so C2 hoists
            // its bounds checks (a tap-offset table cost a load and a checked index per tap).
            int wi = wo + cb;
            for (int ky = 0; ky < 3; ky++) {
                // Rows outside the image are the zero row (see WindowConv).
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int r = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + col;
                for (int j = 0; j < span; j++, wi += cp) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi), w1 = FloatVector.fromArray(S, w, wi + L);
                    int i = r + j;
                    FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats();
                    c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + ps])).reinterpretAsFloats();
                    c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * ps])).reinterpretAsFloats();
                    c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * ps])).reinterpretAsFloats();
                    c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * ps])).reinterpretAsFloats();
                    c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * ps])).reinterpretAsFloats();
                    c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            VectorMask<Float> m0 = VectorMask.fromLong(S, tailBits0), m1 = VectorMask.fromLong(S, tailBits1);
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

        /**
         * {@link #tileS2C3} for five pixels, the tile for 16 vector registers (AVX2): six pixels' 12 accumulators, 2
         * weights and the broadcasts C2 hoists overflow 16 ymm registers and spill (as in PointwiseGemm's 6 x 2);
         * 10 accumulators leave room. Same taps in the same order as every path.
         */
        private void tile5S2C3(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, int col, float[] out, int q, int cb) {
            long tailBits0 = Lanes.firstNBits(cout - cb), tailBits1 = Lanes.firstNBits(cout - cb - L);
            final int cp = coutPad, ps = 6, span = 9;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb), b1 = FloatVector.fromArray(S, bias, cb + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1,
                    c30 = b0, c31 = b1, c40 = b0, c41 = b1;
            // A window row's 3 x cin taps are contiguous in NHWC: the inner index is linear in j, so C2 hoists
            // its bounds checks (a tap-offset table cost a load and a checked index per tap).
            int wi = wo + cb;
            for (int ky = 0; ky < 3; ky++) {
                // Rows outside the image are the zero row (see WindowConv).
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int r = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + col;
                for (int j = 0; j < span; j++, wi += cp) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi), w1 = FloatVector.fromArray(S, w, wi + L);
                    int i = r + j;
                    FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats();
                    c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + ps])).reinterpretAsFloats();
                    c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * ps])).reinterpretAsFloats();
                    c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * ps])).reinterpretAsFloats();
                    c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * ps])).reinterpretAsFloats();
                    c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            VectorMask<Float> m0 = VectorMask.fromLong(S, tailBits0), m1 = VectorMask.fromLong(S, tailBits1);
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
            c41.blend(lo, c41.compare(LE, lo)).blend(hi, c41.compare(GE, hi)).intoArray(out, q + L, m1);
        }

        /** {@link #tile} for twelve pixels and one vector of output channels [cb, cout), cout - cb <= L. */
        private void tile12x1(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, int col, float[] out, int q, int cb) {
            long tailBits0 = Lanes.firstNBits(cout - cb);
            final int cp = coutPad, ps = strideW * cin, span = 3 * cin;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb);
            FloatVector c0 = b0, c1 = b0, c2 = b0, c3 = b0, c4 = b0, c5 = b0, c6 = b0, c7 = b0, c8 = b0, c9 = b0, c10 = b0, c11 = b0;
            int wi = wo + cb;
            for (int ky = 0; ky < 3; ky++) {
                // Rows outside the image are the zero row (see WindowConv).
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int r = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + col;
                for (int j = 0; j < span; j++, wi += cp) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    int i = r + j;
                    c0 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                    c1 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + ps])).reinterpretAsFloats(), c1);
                    c2 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * ps])).reinterpretAsFloats(), c2);
                    c3 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * ps])).reinterpretAsFloats(), c3);
                    c4 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * ps])).reinterpretAsFloats(), c4);
                    c5 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * ps])).reinterpretAsFloats(), c5);
                    c6 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * ps])).reinterpretAsFloats(), c6);
                    c7 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * ps])).reinterpretAsFloats(), c7);
                    c8 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * ps])).reinterpretAsFloats(), c8);
                    c9 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * ps])).reinterpretAsFloats(), c9);
                    c10 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * ps])).reinterpretAsFloats(), c10);
                    c11 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * ps])).reinterpretAsFloats(), c11);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            VectorMask<Float> m = VectorMask.fromLong(S, tailBits0);
            final int co = cout;
            q += cb;
            c0.blend(lo, c0.compare(LE, lo)).blend(hi, c0.compare(GE, hi)).intoArray(out, q, m);
            c1.blend(lo, c1.compare(LE, lo)).blend(hi, c1.compare(GE, hi)).intoArray(out, q + co, m);
            c2.blend(lo, c2.compare(LE, lo)).blend(hi, c2.compare(GE, hi)).intoArray(out, q + 2 * co, m);
            c3.blend(lo, c3.compare(LE, lo)).blend(hi, c3.compare(GE, hi)).intoArray(out, q + 3 * co, m);
            c4.blend(lo, c4.compare(LE, lo)).blend(hi, c4.compare(GE, hi)).intoArray(out, q + 4 * co, m);
            c5.blend(lo, c5.compare(LE, lo)).blend(hi, c5.compare(GE, hi)).intoArray(out, q + 5 * co, m);
            c6.blend(lo, c6.compare(LE, lo)).blend(hi, c6.compare(GE, hi)).intoArray(out, q + 6 * co, m);
            c7.blend(lo, c7.compare(LE, lo)).blend(hi, c7.compare(GE, hi)).intoArray(out, q + 7 * co, m);
            c8.blend(lo, c8.compare(LE, lo)).blend(hi, c8.compare(GE, hi)).intoArray(out, q + 8 * co, m);
            c9.blend(lo, c9.compare(LE, lo)).blend(hi, c9.compare(GE, hi)).intoArray(out, q + 9 * co, m);
            c10.blend(lo, c10.compare(LE, lo)).blend(hi, c10.compare(GE, hi)).intoArray(out, q + 10 * co, m);
            c11.blend(lo, c11.compare(LE, lo)).blend(hi, c11.compare(GE, hi)).intoArray(out, q + 11 * co, m);
        }

        /** {@link #tile12x1} for stride 2 and 3 input channels, as {@link #tileS2C3}: 16 outputs 125 -> 107-111 us. */
        private void tile12x1S2C3(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, int col, float[] out, int q, int cb) {
            long tailBits0 = Lanes.firstNBits(cout - cb);
            final int cp = coutPad, ps = 6, span = 9;
            FloatVector b0 = FloatVector.fromArray(S, bias, cb);
            FloatVector c0 = b0, c1 = b0, c2 = b0, c3 = b0, c4 = b0, c5 = b0, c6 = b0, c7 = b0, c8 = b0, c9 = b0, c10 = b0, c11 = b0;
            int wi = wo + cb;
            for (int ky = 0; ky < 3; ky++) {
                // Rows outside the image are the zero row (see WindowConv).
                float[] a = ky == 0 ? a0 : ky == 1 ? a1 : a2;
                int r = (ky == 0 ? o0 : ky == 1 ? o1 : o2) + col;
                for (int j = 0; j < span; j++, wi += cp) {
                    FloatVector w0 = FloatVector.fromArray(S, w, wi);
                    int i = r + j;
                    c0 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                    c1 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + ps])).reinterpretAsFloats(), c1);
                    c2 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * ps])).reinterpretAsFloats(), c2);
                    c3 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * ps])).reinterpretAsFloats(), c3);
                    c4 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * ps])).reinterpretAsFloats(), c4);
                    c5 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * ps])).reinterpretAsFloats(), c5);
                    c6 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * ps])).reinterpretAsFloats(), c6);
                    c7 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * ps])).reinterpretAsFloats(), c7);
                    c8 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * ps])).reinterpretAsFloats(), c8);
                    c9 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * ps])).reinterpretAsFloats(), c9);
                    c10 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * ps])).reinterpretAsFloats(), c10);
                    c11 = w0.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * ps])).reinterpretAsFloats(), c11);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            VectorMask<Float> m = VectorMask.fromLong(S, tailBits0);
            final int co = cout;
            q += cb;
            c0.blend(lo, c0.compare(LE, lo)).blend(hi, c0.compare(GE, hi)).intoArray(out, q, m);
            c1.blend(lo, c1.compare(LE, lo)).blend(hi, c1.compare(GE, hi)).intoArray(out, q + co, m);
            c2.blend(lo, c2.compare(LE, lo)).blend(hi, c2.compare(GE, hi)).intoArray(out, q + 2 * co, m);
            c3.blend(lo, c3.compare(LE, lo)).blend(hi, c3.compare(GE, hi)).intoArray(out, q + 3 * co, m);
            c4.blend(lo, c4.compare(LE, lo)).blend(hi, c4.compare(GE, hi)).intoArray(out, q + 4 * co, m);
            c5.blend(lo, c5.compare(LE, lo)).blend(hi, c5.compare(GE, hi)).intoArray(out, q + 5 * co, m);
            c6.blend(lo, c6.compare(LE, lo)).blend(hi, c6.compare(GE, hi)).intoArray(out, q + 6 * co, m);
            c7.blend(lo, c7.compare(LE, lo)).blend(hi, c7.compare(GE, hi)).intoArray(out, q + 7 * co, m);
            c8.blend(lo, c8.compare(LE, lo)).blend(hi, c8.compare(GE, hi)).intoArray(out, q + 8 * co, m);
            c9.blend(lo, c9.compare(LE, lo)).blend(hi, c9.compare(GE, hi)).intoArray(out, q + 9 * co, m);
            c10.blend(lo, c10.compare(LE, lo)).blend(hi, c10.compare(GE, hi)).intoArray(out, q + 10 * co, m);
            c11.blend(lo, c11.compare(LE, lo)).blend(hi, c11.compare(GE, hi)).intoArray(out, q + 11 * co, m);
        }

        /** One pixel with column checks: borders and the end of a row. */
        private void pixel(float[] a0, int o0, float[] a1, int o1, float[] a2, int o2, float[] out, int outRow, int cb, int ox) {
            long tailBits0 = Lanes.firstNBits(cout - cb), tailBits1 = Lanes.firstNBits(cout - (cb + L));
            float actMin = act.min(), actMax = act.max();
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
                    int wi = wo + (ky * 3 + kx) * cin * coutPad + cb;
                    for (int ci = 0; ci < cin; ci++, wi += coutPad) {
                        FloatVector xv = IntVector.broadcast(SI, Float.floatToRawIntBits(a[t + ci])).reinterpretAsFloats();
                        c0 = FloatVector.fromArray(S, w, wi).fma(xv, c0);
                        c1 = FloatVector.fromArray(S, w, wi + L).fma(xv, c1);
                    }
                }
            }
            int q = outRow + ox * cout + cb;
            c0.max(actMin).min(actMax).intoArray(out, q, VectorMask.fromLong(S, tailBits0));
            if (tailBits1 != 0) {
                // No store under an empty mask (see runUnits: one profile for every masked store in the JVM).
                c1.max(actMin).min(actMax).intoArray(out, q + L, VectorMask.fromLong(S, tailBits1));
            }
        }
    }
}
