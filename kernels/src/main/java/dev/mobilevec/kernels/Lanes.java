package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species every fast kernel uses. It is a {@code static final} field so that C2
 * treats it as a constant; a species held anywhere else makes the intrinsics fall back to Java
 * code (35x slower, measured on this project's machine).
 */
public final class Lanes {
    static {
        // Every fast kernel reaches the vector classes through this initializer: fail here, saying
        // which JVM flag is missing, instead of with a bare NoClassDefFoundError on the next line.
        VectorSupport.require();
    }

    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2 or -XX:MaxVectorSize=32, 4 with NEON or -XX:MaxVectorSize=16. */
    public static final int COUNT = SPECIES.length();

    private Lanes() {}

    public static int bits() {
        return SPECIES.vectorBitSize();
    }

    /**
     * A mask of the first n lanes (all for n >= COUNT, none for n <= 0). Built with fromLong, which
     * C2 turns into one instruction; indexInRange in a kernel's epilogue kept C2 from intrinsifying
     * the whole method (every vector boxed, 80x slower), measured on conv3x3.
     */
    static VectorMask<Float> firstN(int n) {
        return VectorMask.fromLong(SPECIES, n >= COUNT ? -1L >>> (64 - COUNT) : n <= 0 ? 0L : (1L << n) - 1);
    }

    /** Rounds n up to a whole number of vectors. */
    static int roundUp(int n) {
        return (n + COUNT - 1) / COUNT * COUNT;
    }
}
