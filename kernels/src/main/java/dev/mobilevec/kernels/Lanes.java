package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species every fast kernel uses. It is a {@code static final} field so that C2
 * treats it as a constant; a species held anywhere else makes the intrinsics fall back to Java
 * code (35x slower, measured on this project's machine).
 */
public final class Lanes {
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2 or -XX:MaxVectorSize=32, 4 with NEON or -XX:MaxVectorSize=16. */
    public static final int COUNT = SPECIES.length();

    private Lanes() {}

    public static int bits() {
        return SPECIES.vectorBitSize();
    }

    /** Rounds n up to a whole number of vectors. */
    static int roundUp(int n) {
        return (n + COUNT - 1) / COUNT * COUNT;
    }
}
