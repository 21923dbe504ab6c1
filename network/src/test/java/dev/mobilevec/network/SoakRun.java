package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long run, not in the default build: {@code mvn -B -Psoak -pl network -am verify} (JDK 25), by
 * default 3 minutes ({@code -Dmobilevec.soakMinutes=N}) of MobileNet v1 1.0-224 inference on 2
 * threads with the heap capped at 256 MB (the packed model is ~17 MB). Every minute it prints the
 * latency percentiles and the heap in use after a GC; the heap must not grow.
 */
@Tag("soak")
class SoakRun {

    @Test
    void inferenceForMinutesKeepsLatencyAndHeapFlat() {
        int minutes = Integer.getInteger("mobilevec.soakMinutes", 3);
        MobileNetV1 arch = MobileNetV1.standard(1.0, 224);
        Model model = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        float[] input = NetworkEquivalenceTest.image(arch.inputLength(), 1), out = new float[1000];
        long[] heapAfterMinute = new long[minutes];
        try (Session s = model.newSession(1, 2)) {
            long[] lat = new long[200_000];
            for (int minute = 0; minute < minutes; minute++) {
                int n = 0;
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < end && n < lat.length) {
                    long t0 = System.nanoTime();
                    s.run(input, out);
                    lat[n++] = System.nanoTime() - t0;
                }
                long[] sorted = Arrays.copyOf(lat, n);
                Arrays.sort(sorted);
                System.gc();
                heapAfterMinute[minute] = mem.getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "[soak] minute %d: %d inferences, median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, heap after GC %.1f MB%n",
                        minute + 1, n, sorted[n / 2] / 1e6, sorted[(int) (n * 0.9)] / 1e6, sorted[(int) (n * 0.99)] / 1e6,
                        sorted[n - 1] / 1e6, heapAfterMinute[minute] / 1e6);
            }
        }
        long first = heapAfterMinute[0], last = heapAfterMinute[minutes - 1];
        assertTrue(last <= first + (4L << 20), "heap after GC grew from " + first + " to " + last + " bytes");
    }
}
