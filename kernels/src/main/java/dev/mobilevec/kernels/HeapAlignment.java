package dev.mobilevec.kernels;

import java.lang.management.ManagementFactory;

/**
 * How many floats into a {@code float[]} its data is 64-byte aligned, when the JVM makes that knowable. Java
 * gives no address of an array, but with {@code -XX:ObjectAlignmentInBytes=64} (or 128, 256) every array starts
 * on a 64-byte boundary and its data one header later (16 bytes; 12 with compact object headers, 20 without
 * compressed class pointers), so element {@link #FLOAT_OFFSET} starts a cache line in every array. Under the
 * default 8-byte object alignment nothing can be known and the offset is 0.
 *
 * <p>Why it matters: a 512-bit load is a whole cache line, and one that is not aligned spans two, which costs
 * the load port twice. The pointwise tiles load four weight vectors per input channel, the first convolution
 * two per tap; with the weights packed from this offset those loads are aligned in an aligned JVM (measured
 * on the 7x7 and 14x14 pointwise layers with their weights in L1/L2, stand-alone: 133-143 -> 152-164 GFLOPS;
 * README, "64-byte alignment"). The network's activation arena uses the same offset.
 */
public final class HeapAlignment {
    /** Floats before the first 64-byte-aligned element of every float[]: 11-13 in a 64-byte-aligned JVM, else 0. */
    public static final int FLOAT_OFFSET = offset(vmOption("ObjectAlignmentInBytes"), vmOption("UseCompactObjectHeaders"),
            vmOption("UseCompressedClassPointers"));
    /**
     * Where packed weights start in their arrays: {@link #FLOAT_OFFSET} unless {@code -Dmobilevec.weightOffset=N}
     * (0..16) overrides it, for measurements. Any offset gives the same bits.
     */
    public static final int WEIGHT_OFFSET = override("mobilevec.weightOffset", FLOAT_OFFSET);

    private HeapAlignment() {}

    /** The offset for a JVM with these flag values (null: unknown, not HotSpot). */
    public static int offset(String objectAlignment, String compactHeaders, String compressedClassPointers) {
        int align;
        try {
            align = Integer.parseInt(objectAlignment);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
        if (align % 64 != 0) {
            return 0;
        }
        // float[] data offset: mark word + class pointer + length, rounded to the element size.
        int base = "true".equals(compactHeaders) ? 12 : "false".equals(compressedClassPointers) ? 20 : 16;
        return (64 - base) / 4;
    }

    /** An offset from a system property (0..16), or the default; a bad value is an error, not a silent 0. */
    public static int override(String property, int dflt) {
        String v = System.getProperty(property);
        if (v == null) {
            return dflt;
        }
        int o;
        try {
            o = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be an integer from 0 to 16, got '" + v + "'");
        }
        if (o < 0 || o > 16) {
            throw new IllegalArgumentException("-D" + property + " must be from 0 to 16, got " + o);
        }
        return o;
    }

    /** A HotSpot flag's value, or null (not HotSpot, or no such flag). */
    static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null; // not HotSpot, or no such flag: unknown
        }
    }
}
