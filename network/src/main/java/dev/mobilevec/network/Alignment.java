package dev.mobilevec.network;

import java.lang.management.ManagementFactory;

/**
 * Where the activation arena puts its tensors so that their data is 64-byte aligned, when the JVM makes
 * that possible. Java gives no address of a {@code float[]}; but with {@code -XX:ObjectAlignmentInBytes=64}
 * every array starts on a 64-byte boundary, and its data one header later (16 bytes, or 12 with
 * compact object headers), so a fixed offset of a few floats aligns every tensor. Depthwise kernels load
 * nine 512-bit vectors per output vector, and a misaligned one spans two cache lines: aligned, the v2
 * depthwise layers ran 12-18 % faster (LayerBenchmark -p offset=0,12 with the flag; README). Without the
 * flag the offset is 0, as before. {@code -Dmobilevec.arenaOffset=N} overrides it, for measurements.
 */
final class Alignment {
    /** Floats before every tensor in an arena buffer: 12 (or 13) with 64-byte object alignment, else 0; at most 16. */
    static final int ARENA_OFFSET = Integer.getInteger("mobilevec.arenaOffset", offset(vmOption("ObjectAlignmentInBytes"),
            vmOption("UseCompactObjectHeaders"), vmOption("UseCompressedClassPointers")));

    private Alignment() {}

    static int offset(String objectAlignment, String compactHeaders, String compressedClassPointers) {
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

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null; // not HotSpot, or no such flag: unknown
        }
    }
}
