package dev.mobilevec.kernels;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;

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
 *
 * <p>Without the flag, under G1 (the default collector on a server-class machine), an array of more than half a
 * heap region is "humongous": G1 puts it at the start of a region and keeps it region-aligned, so its data sits a
 * header past a 64-byte boundary ({@link #LARGE_ARRAY_OFFSET}). {@link #allocate} builds on that for packed weights
 * (slices of region-sized arrays) and the arena uses it for its large buffers. Measured on Zen 3 without the flag,
 * one thread, both builds in one JVM: v1 1.05-1.08x, v2 1.04-1.07x faster (README, "64-byte alignment").
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

    /**
     * G1's region size in bytes when the JVM runs G1 with regions of at most 32 MB, else 0. A G1 array of more than
     * half a region is humongous: it starts at a region boundary and stays region-aligned (young and mixed
     * collections do not move it; a last-ditch full collection moves it region by region), so its data starts
     * {@link #REGION_OFFSET} floats after a 64-byte boundary under any object alignment.
     */
    static final long G1_REGION_BYTES = g1Region(vmOption("UseG1GC"), vmOption("G1HeapRegionSize"));
    /** Floats before the first 64-byte-aligned element of an array that starts a G1 region: 11-13 under G1, else 0. */
    static final int REGION_OFFSET = G1_REGION_BYTES == 0 ? 0
            : offset("64", vmOption("UseCompactObjectHeaders"), vmOption("UseCompressedClassPointers"));
    /** Whether {@link #allocate} gives 64-byte-aligned data: under 64-byte object alignment, or G1 (see G1_REGION_BYTES). */
    public static final boolean ALLOCATES_ALIGNED = FLOAT_OFFSET > 0 || REGION_OFFSET > 0;

    /**
     * Floats before the first 64-byte-aligned element of an array of more than half a G1 region ({@link #alignsArrayOf}):
     * {@link #FLOAT_OFFSET} under 64-byte object alignment, else 11-13 under G1, else 0 (not knowable).
     */
    public static final int LARGE_ARRAY_OFFSET = FLOAT_OFFSET > 0 ? FLOAT_OFFSET : REGION_OFFSET;

    /**
     * Whether the JVM puts its heap on transparent huge pages ({@code -XX:+UseTransparentHugePages}, effective: the
     * JVM turns the flag off when the kernel's THP mode is {@code never}). Not an alignment, but the same kind of
     * fact about where the arrays live: with 2 MB pages a depthwise sweep over a wide tensor and the weight stream
     * of a 5 MB classifier cross far fewer pages (measured 1-2 % faster end to end at one thread; fewer TLB misses
     * the likely reason, README, "Huge pages"). Same bits either way.
     */
    public static final boolean TRANSPARENT_HUGE_PAGES = "true".equals(vmOption("UseTransparentHugePages"));

    /**
     * Whether a new float[] of {@code length} has its element {@link #LARGE_ARRAY_OFFSET} (and every 16th after it)
     * 64-byte aligned: always under 64-byte object alignment; under G1 when it is humongous (more than half a region).
     */
    public static boolean alignsArrayOf(long length) {
        return FLOAT_OFFSET > 0 || (REGION_OFFSET > 0 && 4 * length >= G1_REGION_BYTES / 2 + 64);
    }

    /**
     * A length of at least {@code length} for a new array that should be aligned: under G1 without the flag, one of
     * at least an eighth of a region grows to just over half a region, so it is humongous ({@link #alignsArrayOf}); at
     * most four times the floats, and one region of heap (the session's buffers: v2 at 4 MB regions 3.0 -> 6.7 MB,
     * 1.03x faster, README). Otherwise {@code length}.
     */
    public static long alignableLength(long length) {
        if (FLOAT_OFFSET > 0 || REGION_OFFSET == 0 || 4 * length < G1_REGION_BYTES / 8) {
            return length;
        }
        return Math.max(length, (G1_REGION_BYTES / 2 + 64) / 4);
    }

    /** Cuts the slices of {@link #allocate} under G1; null otherwise. */
    private static final Carver CARVER = REGION_OFFSET > 0 ? new Carver(G1_REGION_BYTES, REGION_OFFSET) : null;

    private HeapAlignment() {}

    /** Room in {@code array} from index {@code offset} on (the length is the caller's): a slice of an array that others may share. */
    public record Slice(float[] array, int offset) {}

    /**
     * Room for {@code n} floats whose first one is 64-byte aligned where the JVM lets that be known: with 64-byte
     * object alignment a new array from {@link #WEIGHT_OFFSET}; under G1 (the default collector) a humongous array
     * of its own for more than half a region, else a slice of a shared region-sized one, 64 bytes apart from the
     * other slices; otherwise a plain new array from 0. For weights packed once at load: the slices of a shared
     * array live as long as any of them. Any placement gives the same results; only the speed differs.
     */
    public static Slice allocate(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        if (FLOAT_OFFSET > 0 || REGION_OFFSET == 0 || WEIGHT_OFFSET != FLOAT_OFFSET) {
            return new Slice(new float[Math.addExact(WEIGHT_OFFSET, n)], WEIGHT_OFFSET);
        }
        return CARVER.carve(n);
    }

    /** An {@code weightOffset} that asks {@link #slice} for {@link #allocate}'s placement. */
    static final int AUTO = -1;

    /** {@link #allocate}d room for n floats, or with {@code weightOffset} >= 0 a new array with them from there (tests). */
    static Slice slice(int weightOffset, int n) {
        return weightOffset == AUTO ? allocate(n) : new Slice(new float[Math.addExact(weightOffset, n)], weightOffset);
    }

    /** {@link #allocate} under G1 with regions of {@code regionBytes}, data {@code regionOffset} floats from a 64-byte boundary. */
    static final class Carver {
        private final long regionBytes;
        private final int regionOffset;
        /** The region-sized array that small slices are cut from (weak: the slices' owners keep it alive). */
        private WeakReference<float[]> chunk = new WeakReference<>(null);
        private int used;

        Carver(long regionBytes, int regionOffset) {
            this.regionBytes = regionBytes;
            this.regionOffset = regionOffset;
        }

        synchronized Slice carve(int n) {
            // Own array: more than half a region plus a header's margin, so humongous whatever the header size.
            if (4L * n >= regionBytes / 2 + 64) {
                return new Slice(new float[Math.addExact(regionOffset, n)], regionOffset);
            }
            int need = (n + 15) & ~15; // slices 16 floats (64 bytes) apart keep every slice's start aligned
            float[] c = chunk.get();
            if (c == null || used + need > c.length) {
                c = new float[(int) ((regionBytes - 64) / 4)]; // one region with its header: humongous
                chunk = new WeakReference<>(c);
                used = regionOffset;
            }
            int off = used;
            used += need;
            return new Slice(c, off);
        }
    }

    /** G1's region size from the flags, or 0 (not G1, unknown, or regions above 32 MB, too coarse to cut slices from). */
    static long g1Region(String useG1, String regionSize) {
        if (!"true".equals(useG1) || regionSize == null) {
            return 0;
        }
        try {
            long r = Long.parseLong(regionSize);
            return r >= (1 << 20) && r <= (32 << 20) && Long.bitCount(r) == 1 ? r : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

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
