package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
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
        for (int n = 0; n < batch; n++) {
            int img = inOff + n * hw * c;
            for (int ch = 0; ch < c; ch += L) {
                // A masked load per pixel is fine here: pooling is 0.01 % of the network's work.
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(c - ch));
                // Each term is scaled by 1/hw as it is added (one FMA, one rounding), so the running sum
                // never exceeds the largest |x|: no overflow unless the mean itself overflows (summing
                // first overflowed at 1e37 x 64 pixels where the double reference did not). Error: u for
                // 1/hw plus one rounding per term, within the (hw+1)u mean|x| of the pool's bound.
                FloatVector sum = FloatVector.zero(S);
                for (int p = 0, i = img + ch; p < hw; p++, i += c) {
                    sum = FloatVector.fromArray(S, in, i, m).fma(inv, sum);
                }
                sum.intoArray(out, outOff + n * c + ch, m);
            }
        }
    }

    @Override
    public void softmax(int rows, int n, float[] in, int inOff, float[] out, int outOff) {
        TensorOps.checkSoftmax(rows, n, in, inOff, out, outOff);
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            FloatVector maxV = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i += L) {
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(n - i));
                maxV = maxV.max(FloatVector.fromArray(S, in, inOff + base + i, m).blend(Float.NEGATIVE_INFINITY, m.not()));
            }
            float max = maxV.reduceLanes(VectorOperators.MAX);
            // exp in scalar double: the Vector API's EXP fell back to Java code here (166 us for
            // 1000 values), Math.exp is an intrinsic and more accurate; softmax runs once per image.
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float e = (float) Math.exp(in[inOff + base + i] - max);
                out[outOff + base + i] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int i = 0; i < n; i += L) {
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(n - i));
                FloatVector.fromArray(S, out, outOff + base + i, m).mul(inv).intoArray(out, outOff + base + i, m);
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
            int f0 = scaleOff + n * c;
            // Pixel by pixel, the factors re-read from L1: one pass over the tensor. Channel block by channel block
            // (a factor vector held in a register) read each pixel row once per block, 8 strided passes over a
            // 28x28x120 tensor: V3-large's scaling took 111 us.
            for (int p = 0; p < pixels; p++) {
                int q = (n * pixels + p) * c;
                for (int ch = 0; ch < full; ch += L) {
                    FloatVector.fromArray(S, in, inOff + q + ch).mul(FloatVector.fromArray(S, scale, f0 + ch)).intoArray(out, outOff + q + ch);
                }
                // The channel tail in scalar code: masked accesses here made C2 box vectors (2 KB per
                // MobileNetV3 inference).
                for (int ch = full; ch < c; ch++) {
                    out[outOff + q + ch] = in[inOff + q + ch] * scale[f0 + ch];
                }
            }
        }
    }
}
