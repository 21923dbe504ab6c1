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
     * on Zen 3; a linear projection needs none of the four per output vector, a ReLU layer two.
     */
    final int clampKind;
    /**
     * The tile bounds, read once here: the tiles are large methods, and C2 ran out of inlining budget for the
     * small {@code act.tileMin()} call in some compiles and not in others. Called, it clobbers every vector
     * register, so the 24 accumulators of a 6x4 tile went to the stack and back in every tile: 28x28x32->192
     * ran at 74 % of peak in those JVMs and 83 % in the others (same loop code, read in the disassembly).
     */
    final float tileLo, tileHi;

    BasePreparedConv(ConvSpec spec, Activation act) {
        this.spec = spec;
        this.act = act;
        float lo = act.tileMin(), hi = act.tileMax();
        this.tileLo = lo;
        this.tileHi = hi;
        this.clampKind = hi != Float.POSITIVE_INFINITY ? 2 : lo != Float.NEGATIVE_INFINITY ? 1 : 0;
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
