package dev.mobilevec.network;

import dev.mobilevec.kernels.HeapAlignment;

/**
 * Where the activation arena puts its tensors so that their data is 64-byte aligned, when the JVM makes
 * that possible ({@link HeapAlignment}: with {@code -XX:ObjectAlignmentInBytes=64} a fixed offset of a few
 * floats aligns every array's data). Depthwise kernels load nine 512-bit vectors per output vector, and a
 * misaligned one spans two cache lines: aligned, the v2 depthwise layers ran 12-18 % faster
 * (LayerBenchmark -p offset=0,12 with the flag; README). Without the flag, under G1, the offset that aligns G1's
 * region-aligned large arrays (the session grows its larger buffers into such arrays); otherwise 0.
 * {@code -Dmobilevec.arenaOffset=N} overrides it, for measurements.
 */
final class Alignment {
    /**
     * Floats before every tensor in an arena buffer and band window: 11-13 with 64-byte object alignment or under G1
     * (where it aligns the buffers of more than half a region, see {@link HeapAlignment#alignsArrayOf}), else 0; at most 16.
     */
    static final int ARENA_OFFSET = HeapAlignment.override("mobilevec.arenaOffset", HeapAlignment.LARGE_ARRAY_OFFSET);

    private Alignment() {}
}
