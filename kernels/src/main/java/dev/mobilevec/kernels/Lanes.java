package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
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
    /**
     * Ints of the same shape, for one job only: broadcasting an input scalar's bits. Zen 4 runs
     * {@code vbroadcastss zmm, m32} on an FP pipe but {@code vpbroadcastd zmm, m32} in the load unit (one broadcast per
     * FMA: 84 against 115-118 GFLOPS, README); C2 folds {@code floatToRawIntBits} of an array load into the int load.
     * Derived from {@link #SPECIES}, not {@code IntVector.SPECIES_PREFERRED}: where the preferred int vector is narrower
     * than the float one (AVX without AVX2) the lanes would not line up.
     */
    public static final VectorSpecies<Integer> INT_SPECIES = SPECIES.withLanes(int.class);
    /**
     * Longs of the same shape, for one job only: broadcasting two adjacent input floats at once ({@code vpbroadcastq
     * zmm, m64}, again in the load unit), so that one vector holds two k's of one pixel (PointwiseGemm's k-pair tiles).
     */
    public static final VectorSpecies<Long> LONG_SPECIES = SPECIES.withLanes(long.class);
    /** Floats per vector: 16 with AVX-512, 8 with AVX2 or -XX:MaxVectorSize=32, 4 with NEON or -XX:MaxVectorSize=16. */
    public static final int COUNT = SPECIES.length();
    /**
     * Vector registers C2 can allocate, which is what decides a kernel's tile (how many accumulators, weights and
     * loads stay live), not the vector width: 32 on AArch64 (NEON and SVE alike) and on x86 with AVX-512
     * ({@code UseAVX=3}, also under {@code -XX:MaxVectorSize=32} or {@code 16}, where EVEX still reaches
     * xmm/ymm16-31), 16 on AVX2 x86. Gating the wide tiles on 512-bit lanes instead left ARM servers (128- or
     * 256-bit vectors, 32 registers) on the 16-register paths: the 5x5 depthwise sweep at 256 bits runs 4x faster
     * than the pixel-by-pixel path it replaced there (README, "Vector registers"). {@code -Dmobilevec.vectorRegisters=16}
     * or {@code 32} overrides the guess (the AVX2-like test run uses 16 on an AVX-512 machine).
     */
    public static final int REGISTERS = registers(System.getProperty("os.arch"), HeapAlignment.vmOption("UseAVX"),
            System.getProperty("mobilevec.vectorRegisters"), COUNT);

    /**
     * Whether 512-bit FMAs issue at half the rate of 256-bit ones (Zen 4 splits each into two 256-bit halves; Zen 5 and
     * Intel's two-FMA-unit Xeons run them whole). It decides one tile choice, never the bits: where FMAs are dear
     * against loads, a tile may spend a broadcast per FMA (PointwiseGemm's 16-pixel columns for K = 16 and Cout of
     * several vectors, 15 % faster on Zen 4); where they are cheap, it starves the FMA pipes (9-25 % slower on Zen 5,
     * README "Full-rate 512-bit FMAs"). Guessed from the CPU, since a timing probe at class initialisation would run before C2 has
     * compiled anything: AMD family 25 (Zen 3 and 4; only Zen 4 has AVX-512) with 512-bit lanes. {@code
     * -Dmobilevec.fma512=half} or {@code full} overrides the guess.
     */
    public static final boolean FMA512_HALF_RATE;

    static {
        java.util.Map<String, String> cpu = firstProcessor();
        FMA512_HALF_RATE = fma512HalfRate(System.getProperty("os.arch"), cpu.get("vendor_id"), cpu.get("cpu family"),
                System.getProperty("mobilevec.fma512"), COUNT);
    }

    private Lanes() {}

    /** The register count for this architecture, HotSpot UseAVX value (null: unknown), override and lane count. */
    static int registers(String arch, String useAvx, String override, int lanes) {
        if (override != null) {
            String v = override.trim();
            if (v.equals("16") || v.equals("32")) {
                return Integer.parseInt(v);
            }
            throw new IllegalArgumentException("-Dmobilevec.vectorRegisters must be 16 or 32, got '" + override + "'");
        }
        if ("aarch64".equals(arch) || "riscv64".equals(arch)) {
            return 32;
        }
        if (("amd64".equals(arch) || "x86_64".equals(arch)) && useAvx != null) {
            try {
                return Integer.parseInt(useAvx.trim()) >= 3 ? 32 : 16;
            } catch (NumberFormatException e) {
                // fall through to the width's guess
            }
        }
        // Unknown: 512-bit vectors imply AVX-512's 32 registers; otherwise assume the smaller budget.
        return lanes >= 16 ? 32 : 16;
    }

    /** The half-rate guess for this architecture, CPU vendor and family (null: unknown), override and lane count. */
    static boolean fma512HalfRate(String arch, String vendor, String family, String override, int lanes) {
        if (override != null) {
            String v = override.trim();
            if (v.equals("half") || v.equals("full")) {
                return v.equals("half");
            }
            throw new IllegalArgumentException("-Dmobilevec.fma512 must be half or full, got '" + override + "'");
        }
        boolean x86 = "amd64".equals(arch) || "x86_64".equals(arch);
        return x86 && lanes >= 16 && "AuthenticAMD".equals(vendor) && family != null && family.trim().equals("25");
    }

    /** The first processor's fields from /proc/cpuinfo (Linux), read once; empty where there is none or it cannot be read. */
    private static java.util.Map<String, String> firstProcessor() {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("/proc/cpuinfo"))) {
            for (String line; (line = r.readLine()) != null && !line.isEmpty(); ) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            // not Linux, or not readable: unknown
        }
        return fields;
    }

    public static int bits() {
        return SPECIES.vectorBitSize();
    }

    /**
     * The bits of a mask of the first n lanes (all for n >= COUNT, none for n <= 0), for
     * {@code VectorMask.fromLong(S, firstNBits(n))} at the use: fromLong is one instruction to C2, and
     * indexInRange in a kernel's epilogue had kept C2 from intrinsifying the whole method (every vector boxed,
     * 80x slower, conv3x3). A helper returning the mask itself was boxed wherever C2 left the call out of line (a
     * cold branch, or a spent inlining budget): 25 KB per MobileNetV3-large inference, the depthwise border's
     * channel tail, after a v2 session in the same JVM. A long crosses the call boundary unboxed.
     */
    static long firstNBits(int n) {
        return n >= COUNT ? -1L >>> (64 - COUNT) : n <= 0 ? 0L : (1L << n) - 1;
    }

    /** Rounds n up to a whole number of vectors. */
    static int roundUp(int n) {
        return (n + COUNT - 1) / COUNT * COUNT;
    }
}
