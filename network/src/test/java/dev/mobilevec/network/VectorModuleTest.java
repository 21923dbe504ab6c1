package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.kernels.VectorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector}: the REFERENCE backend runs and
 * loads no vector class; the fast kernels fail with a message that names the flag and where it goes.
 */
class VectorModuleTest {

    record Result(int exit, String out) {}

    static Result fork(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS"); // either would add the module behind our back
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void thisJvmHasTheModule() {
        assertTrue(VectorSupport.isAvailable());
        VectorSupport.require(); // does not throw
    }

    @Test
    void referenceBackendRunsWithoutTheModuleAndLoadsNoVectorClass(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        Result r = fork(dir, "-Xlog:class+load=info:file=" + log, WithoutVectorModule.class.getName(), "reference");
        assertEquals(0, r.exit(), r.out());
        // The same bits as the reference network computes here, with the module present.
        assertEquals("reference " + WithoutVectorModule.bits(WithoutVectorModule.referenceOutput()), r.out().strip());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("dev.mobilevec.network.Session"), "the class-load log is read");
        assertFalse(loaded.contains("jdk.incubator.vector"), "a vector class was looked up");
        assertFalse(loaded.contains("dev.mobilevec.kernels.Lanes"), "the fast kernels' species holder was loaded");
    }

    @Test
    void fastKernelsSayWhichFlagIsMissingAndWhereItGoes(@TempDir Path dir) throws Exception {
        Result r = fork(dir, WithoutVectorModule.class.getName(), "fast");
        assertEquals(0, r.exit(), r.out());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("network: ") || l.startsWith("kernel: ")).toList();
        assertEquals(3, lines.size(), r.out());
        for (String network : lines.subList(0, 2)) { // every call through the network API, not only the first
            assertTrue(network.startsWith("network: mobilevec's fast kernels need the Vector API module jdk.incubator.vector"), network);
            for (String where : List.of("java --add-modules jdk.incubator.vector", "<argLine>--add-modules jdk.incubator.vector</argLine>",
                    "exec:exec", "MAVEN_OPTS", "applicationDefaultJvmArgs", "JDK_JAVA_OPTIONS=\"--add-modules jdk.incubator.vector\"",
                    "Backend.REFERENCE")) {
                assertTrue(network.contains(where), "message lacks '" + where + "': " + network);
            }
        }
        assertEquals(lines.get(2), "kernel: dev.mobilevec.kernels.VectorApiUnavailableError: " + lines.get(0).substring("network: ".length()));
    }
}
