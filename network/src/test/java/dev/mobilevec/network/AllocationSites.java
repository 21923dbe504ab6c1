package dev.mobilevec.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a failed zero-allocation check's bytes came from. The allocations that slip through after warm-up are JIT
 * states (a helper C2 did not inline returns a boxed vector or mask), seen on a fresh CI machine and not reproduced
 * locally, so the failure itself has to name the site: the work is run again under a JFR recording of allocation
 * events with stacks, and the heaviest sites (allocated class, then frames down to the first of ours) go into the
 * assertion message.
 */
final class AllocationSites {
    private static final int SITES = 6;

    private AllocationSites() {
    }

    static String of(Runnable work) {
        try (Recording r = new Recording()) {
            // Samples reach allocations too small to fill a TLAB in the run; the TLAB events give the bytes.
            r.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s").withStackTrace();
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.start();
            work.run();
            r.stop();
            Path file = Files.createTempFile("mobilevec-alloc", ".jfr");
            try {
                r.dump(file);
                return summarise(RecordingFile.readAllEvents(file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            return "(no JFR allocation report: " + e + ")"; // the caller's assertion fails either way
        }
    }

    static String summarise(List<RecordedEvent> events) {
        Map<String, long[]> sites = new HashMap<>();
        for (RecordedEvent e : events) {
            String kind = e.getEventType().getName().substring("jdk.ObjectAllocation".length());
            // A new TLAB stands for the bytes allocated in the one before it; an allocation outside a TLAB for its
            // own size. A sample's weight counts from the thread's previous sample (from its start, the first
            // time), so samples are only counted: the throttle draws them in proportion to the bytes.
            long bytes = e.hasField("tlabSize") ? e.getLong("tlabSize")
                    : e.hasField("allocationSize") && !e.hasField("weight") ? e.getLong("allocationSize") : 0;
            String key = kind + ": " + javaName(e.getClass("objectClass").getName()) + " on "
                    + e.getThread().getJavaName() + " at " + frames(e.getStackTrace());
            long[] v = sites.computeIfAbsent(key, x -> new long[2]);
            v[0]++;
            v[1] += bytes;
        }
        if (sites.isEmpty()) {
            return "JFR recorded no allocation events on the repeat run";
        }
        StringBuilder sb = new StringBuilder("most frequent allocation sites on a repeat run (JFR):");
        sites.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(SITES)
                .forEach(s -> sb.append("\n  ").append(s.getValue()[0]).append(" events")
                        .append(s.getValue()[1] > 0 ? ", ~" + s.getValue()[1] + " bytes" : "").append(", ")
                        .append(s.getKey()));
        return sb.toString();
    }

    /** "[J" as long[], "[Ljava.lang.Object;" as java.lang.Object[]. */
    static String javaName(String binary) {
        int dims = 0;
        while (dims < binary.length() && binary.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return binary;
        }
        String element = switch (binary.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> binary.substring(dims + 1, binary.length() - 1);
        };
        return element + "[]".repeat(dims);
    }

    /** The frames down to the first one in mobilevec and one beyond it (the kernel and its caller). */
    private static String frames(RecordedStackTrace st) {
        if (st == null) {
            return "(no stack)";
        }
        StringBuilder sb = new StringBuilder();
        int ours = -1;
        List<RecordedFrame> fs = st.getFrames();
        for (int i = 0; i < fs.size() && i < 24 && (ours < 0 || i <= ours + 1); i++) {
            RecordedFrame f = fs.get(i);
            String type = f.getMethod().getType().getName();
            if (ours < 0 && type.startsWith("dev.mobilevec.")) {
                ours = i;
            }
            sb.append(i == 0 ? "" : " < ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                    .append(f.getMethod().getName()).append(':').append(f.getLineNumber())
                    .append(f.isJavaFrame() ? "" : "(native)").append('[').append(f.getType()).append(']');
        }
        return sb.toString();
    }
}
