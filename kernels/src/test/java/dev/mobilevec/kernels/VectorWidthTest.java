package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Each Surefire execution asks for a vector width through -XX:MaxVectorSize and names it in
 * mobilevec.expectedVectorBits (and, where it sets the register budget, mobilevec.expectedVectorRegisters);
 * this test fails if the JVM runs the kernels at any other width or budget, so a misconfigured execution
 * cannot pass silently.
 */
class VectorWidthTest {

    @Test
    void kernelsRunAtTheWidthThisExecutionAskedFor() {
        String expected = System.getProperty("mobilevec.expectedVectorBits");
        assertNotNull(expected, "the Surefire execution must set -Dmobilevec.expectedVectorBits");
        int bits = Lanes.bits();
        System.out.println("[vector width] kernels run with " + bits + "-bit vectors (" + Lanes.COUNT
                + " floats), execution asked for " + expected);
        if (expected.equals("native")) {
            // No cap: the width is what the JVM chose for this CPU, i.e. its MaxVectorSize ergonomics.
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            int maxVectorBytes = Integer.parseInt(hs.getVMOption("MaxVectorSize").getValue());
            assertEquals(8 * maxVectorBytes, bits, "preferred species vs the JVM's MaxVectorSize");
        } else {
            assertEquals(Integer.parseInt(expected), bits, "vector width of this execution");
        }
        assertEquals(bits / Float.SIZE, Lanes.COUNT);
        String registers = System.getProperty("mobilevec.expectedVectorRegisters");
        System.out.println("[vector width] tiles sized for " + Lanes.REGISTERS + " vector registers"
                + (registers == null ? "" : ", execution asked for " + registers));
        if (registers != null) {
            assertEquals(Integer.parseInt(registers), Lanes.REGISTERS, "vector registers of this execution");
        }
    }
}
