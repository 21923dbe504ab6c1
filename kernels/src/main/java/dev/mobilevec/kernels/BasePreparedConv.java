package dev.mobilevec.kernels;

/** The shape and activation every prepared convolution carries. */
abstract class BasePreparedConv implements PreparedConv {
    final ConvSpec spec;
    final Activation act;
    /**
     * Which of the tile bounds ({@link Activation#tileMin}, {@link Activation#tileMax}) the kernels' epilogue clamp
     * ({@code x <= lo ? lo : x >= hi ? hi : x}, a compare and a blend per bound) must apply: 0 neither (a linear layer,
     * or bounds left to a later pass), 1 the lower only (ReLU), 2 both. Blending against an infinite bound changes no
     * bits (only that same infinity meets it), so skipping it is exact. Each compare and blend takes an FMA-pipe slot
     * on Zen 3; a linear projection needs none of the four per output vector, a ReLU layer two. 3 (kernels that ask
     * for it, see {@link #bitsClamp}): both bounds on the bits, {@link #tileLoBits} and {@link #tileHiBits}.
     */
    final int clampKind;
    /**
     * clampKind 3's bounds as signed ints: {@code x = isNaN(x) ? x : min(max(bits(x), tileLoBits), tileHiBits)}. A
     * float's bits as a signed int order as the float among non-negative floats, and every float with the sign bit set
     * (-0.0 included) is a negative int. So with a lower bound of +0.0 or more (its bits) or -inf (Integer.MIN_VALUE,
     * no bound) and an upper bound of +0.0 or more, the two integer ops give Math.min(Math.max(x, lo), hi) for every
     * x that is not NaN (-0.0 against 0 gives +0.0 as Math.max does); a NaN keeps its own bits, as Math.max and min
     * return them. Two integer ops, one compare and one blend per vector where the compare-and-blend clamp takes two
     * compares and two blends: Zen 4, ReLU6 1x1 layers with K 16-32, stand-alone, 2-5 % faster (bench/results/zen4/t42).
     * The tiles take them as int scalars ({@code max(int)}), not as IntVectors broadcast once before a loop: hoisted
     * that way, the k-pair loop under hard-swish (neither clamp branch taken) ran 4x slower (t42/README.md).
     */
    final int tileLoBits, tileHiBits;
    /**
     * Bounds the kernel's tiles leave to the exact clamp after them ({@link VectorActivation#clampExact}): a kernel
     * that takes clampKind 3 (PointwiseGemm) has no compare-and-blend path for two bounds, so two bounds the bits
     * cannot take (a negative finite lower bound, a negative upper bound) go there; no MobileNet layer has them.
     */
    final boolean clampPass;
    /**
     * The tile bounds, read once here: the tiles are large methods, and C2 ran out of inlining budget for the
     * small {@code act.tileMin()} call in some compiles and not in others. Called, it clobbers every vector
     * register, so the 24 accumulators of a 6x4 tile went to the stack and back in every tile: 28x28x32->192
     * ran at 74 % of peak in those JVMs and 83 % in the others (same loop code, read in the disassembly).
     */
    final float tileLo, tileHi;

    BasePreparedConv(ConvSpec spec, Activation act) {
        this(spec, act, false);
    }

    /** bitsClamp: the kernel clamps two bounds as clampKind 3, never 2. */
    BasePreparedConv(ConvSpec spec, Activation act, boolean bitsClamp) {
        this.spec = spec;
        this.act = act;
        float lo = act.tileMin(), hi = act.tileMax();
        int kind = hi != Float.POSITIVE_INFINITY ? 2 : lo != Float.NEGATIVE_INFINITY ? 1 : 0;
        int loBits = lo == Float.NEGATIVE_INFINITY ? Integer.MIN_VALUE : Float.floatToRawIntBits(lo);
        int hiBits = Float.floatToRawIntBits(hi);
        boolean pass = false;
        if (bitsClamp && kind == 2) {
            if ((lo == Float.NEGATIVE_INFINITY || loBits >= 0) && hiBits >= 0) {
                kind = 3;
            } else {
                kind = 0;
                pass = true;
                lo = Float.NEGATIVE_INFINITY;
                hi = Float.POSITIVE_INFINITY;
            }
        }
        this.tileLo = lo;
        this.tileHi = hi;
        this.tileLoBits = loBits;
        this.tileHiBits = hiBits;
        this.clampKind = kind;
        this.clampPass = pass;
    }

    /** The pass over a block the tiles stored: the exact clamp for bounds they left to it (clampPass), else the gated activations. */
    final void activate(float[] a, int off, int rows, int stride, int len) {
        if (clampPass) {
            VectorActivation.clampExact(act, a, off, rows, stride, len);
        } else {
            VectorActivation.apply(act, a, off, rows, stride, len);
        }
    }

    @Override
    public final ConvSpec spec() {
        return spec;
    }

    @Override
    public final Activation activation() {
        return act;
    }
}
