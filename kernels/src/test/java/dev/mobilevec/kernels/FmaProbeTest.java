package dev.mobilevec.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FMA probes report rates, not thresholds: these check what they return, never how fast the machine is. */
class FmaProbeTest {

    @Test
    void threadsTogetherReturnBestAndMedianRoundAndLeaveNoThreadBehind() {
        double[] r = FmaProbe.gflopsTogether(2);
        assertEquals(2, r.length);
        assertTrue(Double.isFinite(r[0]) && r[1] > 0 && r[0] >= r[1], "best " + r[0] + ", median " + r[1]);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("mobilevec-fma-probe-") && t.isAlive()),
                "probe threads are joined before it returns");
    }

    @Test
    void oneThreadTogetherIsTheSameLoopAlone() {
        double[] r = FmaProbe.gflopsTogether(1);
        assertTrue(r[1] > 0 && r[0] >= r[1], "best " + r[0] + ", median " + r[1]);
    }

    @Test
    void noThreadsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FmaProbe.gflopsTogether(0));
        assertTrue(e.getMessage().contains("at least 1, got 0"), e.getMessage());
    }
}
