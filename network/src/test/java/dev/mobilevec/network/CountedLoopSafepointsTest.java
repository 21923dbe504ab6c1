package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mobilevec.kernels.CountedLoopSafepoints;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CountedLoopSafepoints reads the flag as the JVM runs: on under G1 by default, off under the Serial and Parallel
 * collectors, on again there with {@link CountedLoopSafepoints#FLAGS} (what ./mobilevec passes). Each case in a JVM of
 * its own.
 */
class CountedLoopSafepointsTest {

    /** Prints what the child JVM's CountedLoopSafepoints says. */
    public static final class Report {
        public static void main(String[] args) {
            System.out.println("counted-loop safepoints " + CountedLoopSafepoints.ON);
        }
    }

    private static String child(Path dir, String... flags) throws Exception {
        String[] args = new String[flags.length + 1];
        System.arraycopy(flags, 0, args, 0, flags.length);
        args[flags.length] = Report.class.getName();
        VectorModuleTest.Result r = VectorModuleTest.fork(dir, args);
        assertEquals(0, r.exit(), r.out());
        return r.out().lines().filter(l -> l.startsWith("counted-loop safepoints ")).findFirst().orElse(r.out());
    }

    @Test
    void theSerialAndParallelCollectorsDropThemAndTheFlagsBringThemBack(@TempDir Path dir) throws Exception {
        assertEquals("counted-loop safepoints false", child(dir, "-XX:+UseSerialGC"));
        assertEquals("counted-loop safepoints false", child(dir, "-XX:+UseParallelGC"));
        assertEquals("counted-loop safepoints true", child(dir, "-XX:+UseG1GC"));
        assertEquals("counted-loop safepoints true", child(dir, ("-XX:+UseSerialGC " + CountedLoopSafepoints.FLAGS).split(" ")));
        assertEquals("counted-loop safepoints true", child(dir, ("-XX:+UseParallelGC " + CountedLoopSafepoints.FLAGS).split(" ")));
        assertEquals("counted-loop safepoints false", child(dir, "-XX:+UseG1GC", "-XX:-UseCountedLoopSafepoints"));
    }
}
