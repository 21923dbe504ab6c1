package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised {@link TensorOps}: channels (pool) or elements (softmax, add) across lanes; allocation-free. */
public final class VectorTensorOps implements TensorOps {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;

    public static final VectorTensorOps INSTANCE = new VectorTensorOps();

    private VectorTensorOps() {}

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void globalAveragePool(int batch, int h, int w, int c, float[] in, int inOff, float[] out, int outOff) {
        TensorOps.checkPool(batch, h, w, c, in, inOff, out, outOff);
        int hw = h * w;
        FloatVector inv = FloatVector.broadcast(S, 1f / hw);
        int full = c - c % L;
        for (int n = 0; n < batch; n++) {
            int img = inOff + n * hw * c, o = outOff + n * c;
            // Each term is scaled by 1/hw as it is added (one FMA, one rounding), so the running sum never exceeds
            // the largest |x|: no overflow unless the mean itself overflows (summing first overflowed at 1e37 x 64
            // pixels where the double reference did not). Error: u for 1/hw plus one rounding per term, within the
            // (hw+1)u mean|x| of the pool's bound. Four channel blocks per pass: one block's sum is a chain of hw
            // dependent FMAs (4 cycles each), so one block at a time ran at a quarter of the FMA rate (V3-large's
            // nine pools, eight of them squeeze-excitation, took 47 us). Each lane still adds its pixels in order: the
            // same bits whatever the grouping.
            int ch = 0;
            for (; ch + 4 * L <= full; ch += 4 * L) {
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0, i = img + ch; p < hw; p++, i += c) {
                    s0 = FloatVector.fromArray(S, in, i).fma(inv, s0);
                    s1 = FloatVector.fromArray(S, in, i + L).fma(inv, s1);
                    s2 = FloatVector.fromArray(S, in, i + 2 * L).fma(inv, s2);
                    s3 = FloatVector.fromArray(S, in, i + 3 * L).fma(inv, s3);
                }
                s0.intoArray(out, o + ch);
                s1.intoArray(out, o + ch + L);
                s2.intoArray(out, o + ch + 2 * L);
                s3.intoArray(out, o + ch + 3 * L);
            }
            for (; ch < full; ch += L) {
                FloatVector sum = FloatVector.zero(S);
                for (int p = 0, i = img + ch; p < hw; p++, i += c) {
                    sum = FloatVector.fromArray(S, in, i).fma(inv, sum);
                }
                sum.intoArray(out, o + ch);
            }
            if (ch < c) {
                // A masked load per pixel is fine here: one partial block per pool.
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(c - ch));
                FloatVector sum = FloatVector.zero(S);
                for (int p = 0, i = img + ch; p < hw; p++, i += c) {
                    sum = FloatVector.fromArray(S, in, i, m).fma(inv, sum);
                }
                sum.intoArray(out, o + ch, m);
            }
        }
    }

    /** Below this, exp(x) rounds to zero in float (exp(-103.97) is half the smallest subnormal). */
    static final float EXP_ZERO_BELOW = -104f;
    /** 1.5 x 2^23: adding it rounds |y| < 2^22 to an integer held in the low mantissa bits. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);
    private static final float LOG2E = 1.44269504f;
    /** ln 2 split in two (Cody and Waite): the high part has 15 significant bits, so n * LN2_HI is exact for |n| < 512. */
    private static final float LN2_HI = 0.693145751953125f, LN2_LO = 1.42860677e-6f;
    /** Taylor coefficients 1/k! of exp, k = 2..7 (1/1! = 1/0! = 1). */
    private static final float E2 = 1f / 2, E3 = 1f / 6, E4 = 1f / 24, E5 = 1f / 120, E6 = 1f / 720, E7 = 1f / 5040;

    /**
     * exp(x) for one float, x <= 0 or NaN, in exactly the operations each lane of {@link #softmax}'s vector code runs (so
     * the same bits): the tests measure its error against Math.exp over every float of [-104, 0] in steps.
     * n = round(x / ln 2) by the magic-number addition; r = x - n ln 2 in two exact-or-once-rounded steps (|r| <= 0.3466);
     * exp(r) by the degree-7 Taylor polynomial in Horner form (truncation r^8/8! e^r < 0.09 u relative; Horner's
     * roundings add at most 1.8 u and r's rounding 0.35 u, u = 2^-24); 2^n applied as two normal factors 2^(n >> 1) and
     * 2^(n - (n >> 1)): the first product is exact, and the second is exact too unless the result is below 2^-126,
     * where it rounds once to a subnormal (at most 2^-150). Derived bound: 2.3 u relative plus 2^-150 absolute.
     */
    static float expNonPositive(float x) {
        float xc = x < EXP_ZERO_BELOW ? EXP_ZERO_BELOW : x;
        float t = Math.fma(xc, LOG2E, ROUND_MAGIC);
        float n = t - ROUND_MAGIC;
        float r = Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, xc));
        float p = Math.fma(r, E7, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int ni = Float.floatToRawIntBits(t) - ROUND_MAGIC_BITS, n1 = ni >> 1, n2 = ni - n1;
        float e = p * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n2 + 127) << 23);
        return x < EXP_ZERO_BELOW ? 0f : e;
    }

    @Override
    public void softmax(int rows, int n, float[] in, int inOff, float[] out, int outOff) {
        TensorOps.checkSoftmax(rows, n, in, inOff, out, outOff);
        FloatVector lowest = FloatVector.broadcast(S, EXP_ZERO_BELOW), ln2Hi = FloatVector.broadcast(S, -LN2_HI),
                ln2Lo = FloatVector.broadcast(S, -LN2_LO), one = FloatVector.broadcast(S, 1f);
        int full = n - n % L;
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            FloatVector maxV = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i += L) {
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(n - i));
                maxV = maxV.max(FloatVector.fromArray(S, in, inOff + base + i, m).blend(Float.NEGATIVE_INFINITY, m.not()));
            }
            float max = maxV.reduceLanes(VectorOperators.MAX);
            // exp of x - max <= 0 in lanes: the operations of expNonPositive, written out (no vector may be passed to or
            // returned from a helper). Scalar Math.exp (an intrinsic, the Vector API's EXP fell back to Java code here)
            // took 5.8 us per 1000 values; this ~0.5. The last partial vector goes through expNonPositive itself.
            int i = 0;
            for (; i < full; i += L) {
                FloatVector x = FloatVector.fromArray(S, in, inOff + base + i).sub(max);
                VectorMask<Float> zero = x.compare(VectorOperators.LT, lowest);
                FloatVector xc = x.blend(lowest, zero);
                FloatVector t = xc.fma(LOG2E, ROUND_MAGIC);
                FloatVector nf = t.sub(ROUND_MAGIC);
                FloatVector rr = nf.fma(ln2Lo, nf.fma(ln2Hi, xc));
                FloatVector p = rr.fma(E7, E6);
                p = p.fma(rr, FloatVector.broadcast(S, E5));
                p = p.fma(rr, FloatVector.broadcast(S, E4));
                p = p.fma(rr, FloatVector.broadcast(S, E3));
                p = p.fma(rr, FloatVector.broadcast(S, E2));
                p = p.fma(rr, one);
                p = p.fma(rr, one);
                IntVector ni = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
                IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1), n2 = ni.sub(n1);
                FloatVector e = p.mul(n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                        .mul(n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
                e.blend(0f, zero).intoArray(out, outOff + base + i);
            }
            for (; i < n; i++) {
                out[outOff + base + i] = expNonPositive(in[inOff + base + i] - max);
            }
            // The sum in double, four running sums at fixed positions (i mod 4): the same bits at every vector width.
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int o = outOff + base;
            i = 0;
            for (; i + 4 <= n; i += 4) {
                s0 += out[o + i];
                s1 += out[o + i + 1];
                s2 += out[o + i + 2];
                s3 += out[o + i + 3];
            }
            for (; i < n; i++) {
                s0 += out[o + i];
            }
            float inv = (float) (1 / ((s0 + s1) + (s2 + s3)));
            for (i = 0; i < n; i += L) {
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(n - i));
                FloatVector.fromArray(S, out, o + i, m).mul(inv).intoArray(out, o + i, m);
            }
        }
    }

    @Override
    public void add(int length, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, Activation act) {
        TensorOps.checkAdd(length, a, aOff, b, bOff, out, outOff, act);
        float lo = act.min(), hi = act.max();
        int i = 0;
        for (; i + L <= length; i += L) {
            FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).max(lo).min(hi).intoArray(out, outOff + i);
        }
        if (i < length) {
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(length - i));
            FloatVector.fromArray(S, a, aOff + i, m).add(FloatVector.fromArray(S, b, bOff + i, m)).max(lo).min(hi).intoArray(out, outOff + i, m);
        }        VectorActivation.apply(act, out, outOff, 1, 0, length);
    }

    @Override
    public void scaleChannels(int batch, int pixels, int c, float[] in, int inOff, float[] scale, int scaleOff, float[] out, int outOff) {
        TensorOps.checkScale(batch, pixels, c, in, inOff, scale, scaleOff, out, outOff);
        int full = c - c % L;
        for (int n = 0; n < batch; n++) {
            int f0 = scaleOff + n * c, q0 = n * pixels * c;
            // Pixel by pixel, the factors re-read from L1: one pass over the tensor. Channel block by channel block
            // (a factor vector held in a register) read each pixel row once per block, 8 strided passes over a
            // 28x28x120 tensor: V3-large's scaling took 111 us.
            if (c == L) {
                // One vector per pixel (V3-small's 56x56x16 at 512 bits): the factors in a register, one flat loop. A
                // per-pixel inner loop of one trip cost ~12 cycles a pixel.
                FloatVector f = FloatVector.fromArray(S, scale, f0);
                for (int q = q0, end = q0 + pixels * c; q < end; q += L) {
                    FloatVector.fromArray(S, in, inOff + q).mul(f).intoArray(out, outOff + q);
                }
            } else if (full == c) {
                for (int p = 0; p < pixels; p++) {
                    int q = q0 + p * c;
                    for (int ch = 0; ch < full; ch += L) {
                        FloatVector.fromArray(S, in, inOff + q + ch).mul(FloatVector.fromArray(S, scale, f0 + ch)).intoArray(out, outOff + q + ch);
                    }
                }
            } else if (full > 0) {
                // The channel tail as one whole vector ending at C, overlapping the last full block: the overlapped
                // lanes get the same product again. Its input is read before the full blocks are stored, so a call in
                // place (out == in) still multiplies every element once. The scalar tail it replaces took about half
                // of 28x28x72's time.
                int t = c - L;
                FloatVector ft = FloatVector.fromArray(S, scale, f0 + t);
                for (int p = 0; p < pixels; p++) {
                    int q = q0 + p * c;
                    FloatVector tail = FloatVector.fromArray(S, in, inOff + q + t).mul(ft);
                    for (int ch = 0; ch < full; ch += L) {
                        FloatVector.fromArray(S, in, inOff + q + ch).mul(FloatVector.fromArray(S, scale, f0 + ch)).intoArray(out, outOff + q + ch);
                    }
                    tail.intoArray(out, outOff + q + t);
                }
            } else {
                // Fewer channels than lanes: scalar (masked accesses here made C2 box vectors, 2 KB per V3 inference).
                for (int q = q0, end = q0 + pixels * c; q < end; q += c) {
                    for (int ch = 0; ch < c; ch++) {
                        out[outOff + q + ch] = in[inOff + q + ch] * scale[f0 + ch];
                    }
                }
            }
        }
    }
}
