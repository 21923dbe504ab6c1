package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pointwise (1x1) convolution as a GEMM: out[M x N] = in[M x K] * W^T + bias, with M = N*H*W
 * pixels, K = Cin, N = Cout; also the fully connected layer (H = W = 1).
 *
 * <p>Weights are packed once into panels of NR = 4 vectors of output channels, k-major, zero-padded
 * to a whole panel. The micro-kernel keeps a 4-pixel x 4-vector tile of C in 16 named accumulators
 * (plus 4 B vectors and 1 broadcast: 21 of AVX-512's 32 registers), broadcasting one input scalar
 * per row and k. K is blocked so that a panel's KC x NR slice (32 KB) stays in L1 while the tiles
 * of a pixel chunk stream past it; partial sums go through the output array between K blocks,
 * which keeps every element's FMA chain (bias first, then k ascending) identical whatever the
 * tiling or thread split, so results are bitwise reproducible.
 */
public final class PointwiseGemm implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;
    /** Rows (pixels) per micro-tile, and so per work unit. */
    static final int MR = 4;
    /** Output channels per panel. */
    static final int NR = 4 * L;
    /** K-block length: KC x NR floats = 32 KB, about two thirds of a 48 KB L1. */
    static final int KC = 8192 / NR;
    /** Pixels per cache chunk (a multiple of MR): MC x KC input floats stay in L2 across panels. */
    static final int MC = 64;

    public static final PointwiseGemm INSTANCE = new PointwiseGemm();

    @Override
    public String name() {
        return "pointwise-gemm";
    }

    @Override
    public boolean supports(ConvSpec spec) {
        return spec.isPointwise();
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        if (!supports(spec)) {
            throw new IllegalArgumentException(name() + " needs a 1x1, stride-1, ungrouped convolution, got " + spec);
        }
        return new Prepared(spec, weights, b, activation);
    }

    private static final class Prepared implements PreparedConv {
        private final ConvSpec spec;
        private final Activation act;
        private final int k, n, panels, pixelsPerImage;
        /** [panel][k][NR] */
        private final float[] packed;
        private final float[] bias;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act) {
            this.spec = s;
            this.act = act;
            k = s.inC();
            n = s.outC();
            panels = (n + NR - 1) / NR;
            pixelsPerImage = s.inH() * s.inW();
            packed = new float[Checks.product("packed pointwise weights", panels, k, NR)];
            for (int co = 0; co < n; co++) {
                int p = co / NR, j = co % NR;
                for (int ci = 0; ci < k; ci++) {
                    packed[(p * k + ci) * NR + j] = weights[co * k + ci];
                }
            }
            bias = new float[panels * NR];
            System.arraycopy(b, 0, bias, 0, n);
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
            return (Checks.product("pixels", batch, pixelsPerImage) + MR - 1) / MR;
        }

        @Override
        public void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
            int m = batch * pixelsPerImage;
            int rowEnd = Math.min(unitTo * MR, m);
            for (int mc = unitFrom * MR; mc < rowEnd; mc += MC) {
                int mEnd = Math.min(mc + MC, rowEnd);
                for (int k0 = 0; k0 < k; k0 += KC) {
                    int k1 = Math.min(k0 + KC, k);
                    for (int p = 0; p < panels; p++) {
                        int r = mc;
                        for (; r + MR <= mEnd; r += MR) {
                            tile4(in, inOff + r * k, out, outOff + r * n, p, k0, k1);
                        }
                        for (; r < mEnd; r++) {
                            tile1(in, inOff + r * k, out, outOff + r * n, p, k0, k1);
                        }
                    }
                }
            }
        }

        /** 4 pixels x NR channels over k in [k0, k1). */
        private void tile4(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            final int kk = k, nn = n;
            final int col = p * NR;
            final int cols = nn - col; // valid columns in this panel (may exceed NR)
            final boolean first = k0 == 0;
            int c0 = cOff + col, c1 = c0 + nn, c2 = c1 + nn, c3 = c2 + nn;
            FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
            if (first) {
                c00 = c10 = c20 = c30 = FloatVector.fromArray(S, bias, col);
                c01 = c11 = c21 = c31 = FloatVector.fromArray(S, bias, col + L);
                c02 = c12 = c22 = c32 = FloatVector.fromArray(S, bias, col + 2 * L);
                c03 = c13 = c23 = c33 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                c00 = VectorTiles.load(c, c0, cols); c01 = VectorTiles.load(c, c0 + L, cols - L); c02 = VectorTiles.load(c, c0 + 2 * L, cols - 2 * L); c03 = VectorTiles.load(c, c0 + 3 * L, cols - 3 * L);
                c10 = VectorTiles.load(c, c1, cols); c11 = VectorTiles.load(c, c1 + L, cols - L); c12 = VectorTiles.load(c, c1 + 2 * L, cols - 2 * L); c13 = VectorTiles.load(c, c1 + 3 * L, cols - 3 * L);
                c20 = VectorTiles.load(c, c2, cols); c21 = VectorTiles.load(c, c2 + L, cols - L); c22 = VectorTiles.load(c, c2 + 2 * L, cols - 2 * L); c23 = VectorTiles.load(c, c2 + 3 * L, cols - 3 * L);
                c30 = VectorTiles.load(c, c3, cols); c31 = VectorTiles.load(c, c3 + L, cols - L); c32 = VectorTiles.load(c, c3 + 2 * L, cols - 2 * L); c33 = VectorTiles.load(c, c3 + 3 * L, cols - 3 * L);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk;
            int bi = (p * kk + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector b0 = FloatVector.fromArray(S, packed, bi);
                FloatVector b1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, packed, bi + 3 * L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
                c00 = b0.fma(x, c00); c01 = b1.fma(x, c01); c02 = b2.fma(x, c02); c03 = b3.fma(x, c03);
                x = FloatVector.broadcast(S, a[a1 + i]);
                c10 = b0.fma(x, c10); c11 = b1.fma(x, c11); c12 = b2.fma(x, c12); c13 = b3.fma(x, c13);
                x = FloatVector.broadcast(S, a[a2 + i]);
                c20 = b0.fma(x, c20); c21 = b1.fma(x, c21); c22 = b2.fma(x, c22); c23 = b3.fma(x, c23);
                x = FloatVector.broadcast(S, a[a3 + i]);
                c30 = b0.fma(x, c30); c31 = b1.fma(x, c31); c32 = b2.fma(x, c32); c33 = b3.fma(x, c33);
            }
            boolean last = k1 == kk;
            float lo = last ? act.min() : Float.NEGATIVE_INFINITY, hi = last ? act.max() : Float.POSITIVE_INFINITY;
            VectorTiles.store(c00, c, c0, cols, lo, hi); VectorTiles.store(c01, c, c0 + L, cols - L, lo, hi); VectorTiles.store(c02, c, c0 + 2 * L, cols - 2 * L, lo, hi); VectorTiles.store(c03, c, c0 + 3 * L, cols - 3 * L, lo, hi);
            VectorTiles.store(c10, c, c1, cols, lo, hi); VectorTiles.store(c11, c, c1 + L, cols - L, lo, hi); VectorTiles.store(c12, c, c1 + 2 * L, cols - 2 * L, lo, hi); VectorTiles.store(c13, c, c1 + 3 * L, cols - 3 * L, lo, hi);
            VectorTiles.store(c20, c, c2, cols, lo, hi); VectorTiles.store(c21, c, c2 + L, cols - L, lo, hi); VectorTiles.store(c22, c, c2 + 2 * L, cols - 2 * L, lo, hi); VectorTiles.store(c23, c, c2 + 3 * L, cols - 3 * L, lo, hi);
            VectorTiles.store(c30, c, c3, cols, lo, hi); VectorTiles.store(c31, c, c3 + L, cols - L, lo, hi); VectorTiles.store(c32, c, c3 + 2 * L, cols - 2 * L, lo, hi); VectorTiles.store(c33, c, c3 + 3 * L, cols - 3 * L, lo, hi);
        }

        /** The row remainder (fewer than MR pixels left): one pixel x NR channels. */
        private void tile1(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            final int col = p * NR;
            final int cols = n - col;
            int c0 = cOff + col;
            FloatVector c00, c01, c02, c03;
            if (k0 == 0) {
                c00 = FloatVector.fromArray(S, bias, col);
                c01 = FloatVector.fromArray(S, bias, col + L);
                c02 = FloatVector.fromArray(S, bias, col + 2 * L);
                c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                c00 = VectorTiles.load(c, c0, cols); c01 = VectorTiles.load(c, c0 + L, cols - L); c02 = VectorTiles.load(c, c0 + 2 * L, cols - 2 * L); c03 = VectorTiles.load(c, c0 + 3 * L, cols - 3 * L);
            }
            int bi = (p * k + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector x = FloatVector.broadcast(S, a[aOff + i]);
                c00 = FloatVector.fromArray(S, packed, bi).fma(x, c00);
                c01 = FloatVector.fromArray(S, packed, bi + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, packed, bi + 2 * L).fma(x, c02);
                c03 = FloatVector.fromArray(S, packed, bi + 3 * L).fma(x, c03);
            }
            boolean last = k1 == k;
            float lo = last ? act.min() : Float.NEGATIVE_INFINITY, hi = last ? act.max() : Float.POSITIVE_INFINITY;
            VectorTiles.store(c00, c, c0, cols, lo, hi); VectorTiles.store(c01, c, c0 + L, cols - L, lo, hi); VectorTiles.store(c02, c, c0 + 2 * L, cols - 2 * L, lo, hi); VectorTiles.store(c03, c, c0 + 3 * L, cols - 3 * L, lo, hi);
        }
    }
}
