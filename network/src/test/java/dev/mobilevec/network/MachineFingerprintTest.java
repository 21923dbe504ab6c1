package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.kernels.Lanes;
import dev.mobilevec.network.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFingerprintTest {

    static Path cache(Path dir, int index, String level, String type, String size) throws Exception {
        Path d = Files.createDirectories(dir.resolve("index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        return d;
    }

    @Test
    void readsAnX86MachineFromProcAndSys(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, """
                processor\t: 0
                vendor_id\t: GenuineIntel
                model name\t: Some Xeon
                cpu MHz\t\t: 2600.000
                flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512bw avx512_bf16 amx_tile

                processor\t: 1
                model name\t: Some Xeon
                """);
        Path caches = Files.createDirectories(dir.resolve("cache"));
        cache(caches, 0, "1", "Data", "48K");
        cache(caches, 1, "1", "Instruction", "32K");
        cache(caches, 2, "2", "Unified", "2048K");
        cache(caches, 3, "3", "Unified", "105M");
        Map<String, Object> f = MachineFingerprint.collect(cpuinfo, caches, 2, false);
        Map<?, ?> cpu = (Map<?, ?>) f.get("cpu");
        assertEquals("Some Xeon", cpu.get("model"));
        assertEquals("GenuineIntel", cpu.get("vendor"));
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_bf16", "amx_tile"), cpu.get("isa"));
        assertEquals("none", cpu.get("sve_vector_bits"));
        assertEquals(Map.of("L1d", "48 KiB", "L2", "2 MiB", "L3", "105 MiB"), f.get("caches"));
        assertEquals(2, f.get("threads_used"));
        assertEquals(Lanes.bits(), ((Map<?, ?>) f.get("vector")).get("used_bits"));
        assertEquals("unknown", f.get("measured"));
        assertTrue(((List<?>) ((Map<?, ?>) f.get("jdk")).get("flags")).contains("--add-modules=jdk.incubator.vector"), f.toString());
        // The JSON reads back to the same structure.
        Map<?, ?> back = (Map<?, ?>) Json.parse(MachineFingerprint.toJson(f));
        assertEquals(MachineFingerprint.SCHEMA, back.get("schema"));
        assertEquals("Some Xeon", ((Map<?, ?>) back.get("cpu")).get("model"));
    }

    @Test
    void readsAnArmMachine(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, """
                processor\t: 0
                BogoMIPS\t: 243.75
                Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp sve sve2
                CPU implementer\t: 0x41
                """);
        Map<?, ?> cpu = (Map<?, ?>) MachineFingerprint.collect(cpuinfo, dir.resolve("none"), null, false).get("cpu");
        assertEquals("unknown", cpu.get("model"));
        assertEquals("arm implementer 0x41", cpu.get("vendor"));
        assertEquals(List.of("asimd", "asimdhp", "fphp", "sve", "sve2"), cpu.get("isa"));
    }

    @Test
    void degradesToUnknownWhereNothingCanBeRead(@TempDir Path dir) {
        Map<String, Object> f = MachineFingerprint.collect(dir.resolve("no-cpuinfo"), dir.resolve("no-cache"), null, false);
        Map<?, ?> cpu = (Map<?, ?>) f.get("cpu");
        assertEquals("unknown", cpu.get("model"));
        assertEquals(List.of("unknown"), cpu.get("isa"));
        assertEquals("unknown", f.get("caches"));
        assertEquals("unknown", f.get("threads_used"));
        assertTrue(MachineFingerprint.summary(f).startsWith("unknown (unknown), "), MachineFingerprint.summary(f));
    }

    @Test
    void fullOrHalfRateFromThe512And256BitPeaks() {
        assertEquals("full", MachineFingerprint.fmaRate(512, 265, 132));    // Zen 5, measured
        assertEquals("half", MachineFingerprint.fmaRate(512, 117, 112));    // Zen 4 class
        assertEquals("unclear", MachineFingerprint.fmaRate(512, 150, 100));
        assertEquals("n/a (256-bit vectors)", MachineFingerprint.fmaRate(256, 100, 100));
        assertEquals(50L << 20, MachineFingerprint.parseSize("50M"));
        assertEquals(1234, MachineFingerprint.parseSize("1234"));
    }
    @Test
    void threadsTogetherAreSetAgainstThreadsTimesOneCore() {
        // A 2-vCPU VM measured this session: one core's peak 78-94 GFLOPS; both threads at once 45 + 45 in some rounds.
        Map<String, Object> t = MachineFingerprint.together(2, 90.0, new double[] {180.4, 90.04});
        assertEquals(2, t.get("threads"));
        assertEquals(180.4, t.get("best_gflops"));
        assertEquals(90.0, t.get("median_gflops"));
        assertEquals(0.5, t.get("median_over_threads_x_core"), "two threads that shared one core");
        assertEquals("unknown", MachineFingerprint.together(2, 0, new double[] {1, 1}).get("median_over_threads_x_core"));
        // Which thread count the probe runs at: a result's own, or the largest of a suite's list.
        assertEquals(2, MachineFingerprint.mostThreads(2));
        assertEquals(4, MachineFingerprint.mostThreads(List.of(1L, 4L, 2L)));
        assertEquals(1, MachineFingerprint.mostThreads(null));
        assertEquals(1, MachineFingerprint.mostThreads("unknown"));
    }
}
