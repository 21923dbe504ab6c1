package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The offset that 64-byte-aligns a float[]'s data, from the JVM's object layout, and its override. */
class HeapAlignmentTest {

    @Test
    void offsetFromTheJvmsObjectLayout() {
        assertEquals(12, HeapAlignment.offset("64", "false", "true"));   // 16-byte array header
        assertEquals(13, HeapAlignment.offset("64", "true", "true"));    // compact object headers: 12 bytes
        assertEquals(11, HeapAlignment.offset("64", "false", "false"));  // uncompressed class pointers: 20 bytes
        assertEquals(12, HeapAlignment.offset("256", "false", "true"));
        assertEquals(0, HeapAlignment.offset("8", "false", "true"));     // the default: nothing to build on
        assertEquals(0, HeapAlignment.offset("32", "false", "true"));
        assertEquals(0, HeapAlignment.offset("x", "false", "true"));
        assertEquals(0, HeapAlignment.offset(null, null, null));         // not HotSpot
        assertEquals(0, HeapAlignment.FLOAT_OFFSET, "the test JVM runs with the default object alignment");
    }

    @Test
    void overrideTakesZeroToSixteenAndRejectsTheRest() {
        String p = "mobilevec.test.heapAlignmentOverride";
        try {
            assertEquals(7, HeapAlignment.override(p, 7));
            System.setProperty(p, " 16 ");
            assertEquals(16, HeapAlignment.override(p, 7));
            System.setProperty(p, "0");
            assertEquals(0, HeapAlignment.override(p, 7));
            for (String bad : new String[] {"17", "-1", "twelve", ""}) {
                System.setProperty(p, bad);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeapAlignment.override(p, 7));
                assertTrue(e.getMessage().contains(p) && e.getMessage().contains("16"), e.getMessage());
            }
        } finally {
            System.clearProperty(p);
        }
    }
}
