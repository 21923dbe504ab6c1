package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads and stores of one vector of an output row that may run past the row's last channel
 * (the packed weights are padded to whole tiles, the output is not). Small enough for C2 to inline,
 * so the vectors passed in and out are never boxed.
 */
final class VectorTiles {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.COUNT;

    private VectorTiles() {}

    /** The first {@code valid} lanes at {@code off} (zeros for the rest); valid may be <= 0 or >= L. */
    static FloatVector load(float[] c, int off, int valid) {
        if (valid >= L) {
            return FloatVector.fromArray(S, c, off);
        }
        return valid <= 0 ? FloatVector.zero(S) : FloatVector.fromArray(S, c, off, S.indexInRange(0, valid));
    }

    /** Clamps v to [lo, hi] and stores its first {@code valid} lanes. */
    static void store(FloatVector v, float[] c, int off, int valid, float lo, float hi) {
        FloatVector r = v.max(lo).min(hi);
        if (valid >= L) {
            r.intoArray(c, off);
        } else if (valid > 0) {
            r.intoArray(c, off, S.indexInRange(0, valid));
        }
    }
}
