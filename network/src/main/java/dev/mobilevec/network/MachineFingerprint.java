package dev.mobilevec.network;

import dev.mobilevec.kernels.BandwidthProbe;
import dev.mobilevec.kernels.FmaProbe;
import dev.mobilevec.kernels.Lanes;
import dev.mobilevec.network.internal.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a benchmark result needs to be read on another machine: CPU model and the ISA features that
 * decide our kernels, the vector species the JVM prefers and the one the kernels use, logical CPUs and
 * threads used, cache sizes, the JDK and its flags, and (when measured) the FMA peak per core at the
 * used width and at 256 bits, whether 512-bit FMAs issue at full or half rate, triad bandwidths, and with
 * several threads the FMA rate of all of them at once (whether each had a core of its own).
 *
 * <p>Read from {@code /proc/cpuinfo} and {@code /sys/devices/system/cpu} on Linux; anything that cannot
 * be read is "unknown", never an error.
 */
public final class MachineFingerprint {
    /** Bumped when a field changes meaning; compare tools read it. */
    public static final String SCHEMA = "mobilevec-fingerprint/1";
    /** The flags that decide which kernels and widths run well (x86 and aarch64 names, as /proc/cpuinfo spells them). */
    static final List<String> ISA_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl",
            "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "asimd", "asimdhp", "fphp", "sve", "sve2", "sme");
    private static final String UNKNOWN = "unknown";

    private MachineFingerprint() {}

    /**
     * The fingerprint as an ordered map (JSON-ready). {@code threadsUsed}: what the result ran on (a
     * number, a list, or null for unknown). {@code measure}: also run the FMA and bandwidth probes
     * (about 3 seconds).
     */
    public static Map<String, Object> collect(Object threadsUsed, boolean measure) {
        return collect(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0/cache"), threadsUsed, measure);
    }

    static Map<String, Object> collect(Path cpuinfo, Path cacheDir, Object threadsUsed, boolean measure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("mobilevec_version", mobilevecVersion());
        m.put("date", Instant.now().toString());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpu", cpu(cpuinfo));
        m.put("logical_cpus", Runtime.getRuntime().availableProcessors());
        m.put("threads_used", threadsUsed == null ? UNKNOWN : threadsUsed);
        m.put("caches", caches(cacheDir));
        Map<String, Object> vec = new LinkedHashMap<>();
        vec.put("preferred_species", preferredSpecies());
        vec.put("used_species", Lanes.SPECIES.toString());
        vec.put("used_bits", Lanes.bits());
        vec.put("used_lanes", Lanes.COUNT);
        vec.put("registers", Lanes.REGISTERS);
        m.put("vector", vec);
        Map<String, Object> jdk = new LinkedHashMap<>();
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("version", Runtime.version().toString());
        jdk.put("vm", System.getProperty("java.vm.name"));
        jdk.put("flags", jvmFlags());
        m.put("jdk", jdk);
        m.put("measured", measure ? measured(cacheSizes(cacheDir), threadsUsed) : UNKNOWN);
        return m;
    }

    /** The fingerprint as JSON. */
    public static String toJson(Map<String, Object> fingerprint) {
        return Json.write(fingerprint);
    }

    /** One line: CPU, ISA summary, width, CPUs, caches, JDK, and the peak when measured. */
    @SuppressWarnings("unchecked")
    public static String summary(Map<String, Object> f) {
        Map<String, Object> cpu = (Map<String, Object>) f.get("cpu");
        Map<String, Object> vec = (Map<String, Object>) f.get("vector");
        Map<String, Object> jdk = (Map<String, Object>) f.get("jdk");
        StringBuilder sb = new StringBuilder();
        sb.append(cpu.get("model")).append(" (").append(String.join(" ", (List<String>) cpu.get("isa"))).append("), ")
                .append(vec.get("used_bits")).append("-bit vectors, ").append(f.get("logical_cpus")).append(" logical CPUs, caches ")
                .append(f.get("caches")).append(", JDK ").append(jdk.get("version"));
        if (f.get("measured") instanceof Map<?, ?> meas) {
            sb.append(String.format(Locale.ROOT, ", FMA peak %.1f GFLOPS/core (512-bit FMA %s)", ((Number) meas.get("fma_peak_gflops")).doubleValue(),
                    meas.get("fma512_rate")));
        }
        return sb.toString();
    }

    private static String preferredSpecies() {
        return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.toString();
    }

    /** This build's version (filtered into version.properties by Maven), or "unknown". */
    public static String mobilevecVersion() {
        java.util.Properties p = new java.util.Properties();
        try (var in = MachineFingerprint.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown
        }
        return p.getProperty("version", UNKNOWN);
    }

    private static List<String> jvmFlags() {
        try {
            return new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            return List.of(UNKNOWN);
        }
    }

    static Map<String, Object> cpu(Path cpuinfo) {
        Map<String, Object> c = new LinkedHashMap<>();
        String model = UNKNOWN, vendor = UNKNOWN, mhz = UNKNOWN;
        Set<String> flags = Set.of();
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String k = line.substring(0, colon).trim(), v = line.substring(colon + 1).trim();
                switch (k) {
                    case "model name" -> model = model.equals(UNKNOWN) ? v : model;
                    case "vendor_id" -> vendor = vendor.equals(UNKNOWN) ? v : vendor;
                    case "CPU implementer" -> vendor = vendor.equals(UNKNOWN) ? "arm implementer " + v : vendor;
                    case "cpu MHz" -> mhz = mhz.equals(UNKNOWN) ? v : mhz;
                    case "flags", "Features" -> flags = flags.isEmpty() ? Set.of(v.split("\\s+")) : flags;
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: unknown
        }
        c.put("model", model);
        c.put("vendor", vendor);
        c.put("mhz", mhz);
        List<String> isa = new ArrayList<>();
        for (String f : ISA_FLAGS) {
            if (flags.contains(f)) {
                isa.add(f);
            }
        }
        c.put("isa", isa.isEmpty() && flags.isEmpty() ? List.of(UNKNOWN) : isa);
        c.put("sve_vector_bits", flags.contains("sve") ? sveBits() : "none");
        return c;
    }

    /** SVE's vector length: the kernel exposes the default per-process length in bytes. */
    private static Object sveBits() {
        try {
            String s = Files.readString(Path.of("/proc/sys/abi/sve_default_vector_length")).trim();
            return Integer.parseInt(s) * 8;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** "L1d", "L2", "L3" to bytes, from cacheDir/index*&#47;{level,type,size}. */
    static Map<String, Long> cacheSizes(Path cacheDir) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (var dirs = Files.list(cacheDir)) {
            for (Path d : dirs.sorted().toList()) {
                if (!d.getFileName().toString().startsWith("index")) {
                    continue;
                }
                String level = Files.readString(d.resolve("level")).trim(), type = Files.readString(d.resolve("type")).trim();
                if (type.equals("Instruction")) {
                    continue;
                }
                String name = "L" + level + (type.equals("Data") ? "d" : "");
                sizes.put(name, parseSize(Files.readString(d.resolve("size")).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return sizes;
    }

    private static Object caches(Path cacheDir) {
        Map<String, Long> s = cacheSizes(cacheDir);
        if (s.isEmpty()) {
            return UNKNOWN;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        s.forEach((k, v) -> out.put(k, human(v)));
        return out;
    }

    static long parseSize(String s) {
        long mult = switch (s.isEmpty() ? ' ' : Character.toUpperCase(s.charAt(s.length() - 1))) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(mult == 1 ? s : s.substring(0, s.length() - 1)) * mult;
    }

    static String human(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    private static Map<String, Object> measured(Map<String, Long> caches, Object threadsUsed) {
        Map<String, Object> m = new LinkedHashMap<>();
        double peak = FmaProbe.gflops(true), peak256 = FmaProbe.gflops(false);
        m.put("fma_peak_gflops", round1(peak));
        m.put("fma_peak_gflops_256", round1(peak256));
        m.put("fma512_rate", fmaRate(Lanes.bits(), peak, peak256));
        int most = mostThreads(threadsUsed);
        if (most > 1) {
            m.put("fma_together", together(most, peak, FmaProbe.gflopsTogether(most)));
        }
        Map<String, Object> triad = new LinkedHashMap<>();
        long l1 = caches.getOrDefault("L1d", 32L << 10), l2 = caches.getOrDefault("L2", 1L << 20);
        triad.put("L1", round1(BandwidthProbe.gbPerSecond(l1 / 4, 150)));
        triad.put("L2", round1(BandwidthProbe.gbPerSecond(l2 / 4, 150)));
        triad.put("DRAM", round1(BandwidthProbe.gbPerSecond(64L << 20, 600)));
        m.put("triad_gb_s", triad);
        m.put("triad_note", "three arrays of a quarter of L1d / L2 each, and of 64 MiB each for DRAM; 12 bytes per element");
        return m;
    }

    /** The most threads a result used: a number, or the largest of a list (the suite's thread counts); else 1. */
    static int mostThreads(Object threadsUsed) {
        if (threadsUsed instanceof Number n) {
            return n.intValue();
        }
        if (threadsUsed instanceof List<?> l) {
            return l.stream().filter(Number.class::isInstance).mapToInt(x -> ((Number) x).intValue()).max().orElse(1);
        }
        return 1;
    }

    /**
     * The FMA loop on all the result's threads at once ({@link FmaProbe#gflopsTogether}): best and median
     * round, and the median over threads x one core's peak. Well under 1 (0.5 with two threads that share one
     * core) says the threads did not each have a core while the probe ran: read multi-threaded timings from
     * that machine and time with that in mind.
     */
    static Map<String, Object> together(int threads, double perCore, double[] bestMedian) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("threads", threads);
        t.put("best_gflops", round1(bestMedian[0]));
        t.put("median_gflops", round1(bestMedian[1]));
        t.put("median_over_threads_x_core", perCore > 0 ? Math.round(bestMedian[1] / (threads * perCore) * 100) / 100.0 : UNKNOWN);
        return t;
    }

    /**
     * "full" when the used 512-bit loop does at least 1.6x the 256-bit loop's work per second, "half" when
     * at most 1.25x (512-bit operations split in two, as on Zen 4), else "unclear"; "n/a" below 512 bits.
     */
    static String fmaRate(int bits, double peak, double peak256) {
        if (bits < 512) {
            return "n/a (" + bits + "-bit vectors)";
        }
        double r = peak / peak256;
        return r >= 1.6 ? "full" : r <= 1.25 ? "half" : "unclear";
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
