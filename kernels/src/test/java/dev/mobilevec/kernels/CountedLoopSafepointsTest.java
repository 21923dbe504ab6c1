package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The flag's value as HotSpot prints it; the network tests read it from child JVMs under each collector. */
class CountedLoopSafepointsTest {

    @Test
    void onOffOrUnknown() {
        assertEquals(Boolean.TRUE, CountedLoopSafepoints.on("true"));
        assertEquals(Boolean.TRUE, CountedLoopSafepoints.on(" true "));
        assertEquals(Boolean.FALSE, CountedLoopSafepoints.on("false"));
        assertNull(CountedLoopSafepoints.on(null), "not HotSpot, or no C2: unknown");
        assertNull(CountedLoopSafepoints.on("maybe"));
    }
}
