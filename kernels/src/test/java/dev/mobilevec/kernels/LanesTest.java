package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The register budget that picks the kernels' tiles: by architecture and HotSpot's UseAVX, not by vector width; and the
 * 512-bit FMA rate guess, by CPU family.
 */
class LanesTest {

    @Test
    void aarch64HasThirtyTwoRegistersAtEveryWidth() {
        assertEquals(32, Lanes.registers("aarch64", null, null, 4));
        assertEquals(32, Lanes.registers("aarch64", null, null, 8));
        assertEquals(32, Lanes.registers("riscv64", null, null, 4));
    }

    @Test
    void x86CountsByUseAvxNotByWidth() {
        // AVX-512 capped at 256 or 128 bits still encodes xmm/ymm16-31.
        assertEquals(32, Lanes.registers("amd64", "3", null, 8));
        assertEquals(32, Lanes.registers("amd64", "3", null, 4));
        assertEquals(32, Lanes.registers("x86_64", "3", null, 16));
        assertEquals(16, Lanes.registers("amd64", "2", null, 8));
        assertEquals(16, Lanes.registers("amd64", "1", null, 4));
    }

    @Test
    void unknownFlagsFallBackToTheWidth() {
        assertEquals(32, Lanes.registers("amd64", null, null, 16));
        assertEquals(16, Lanes.registers("amd64", null, null, 8));
        assertEquals(16, Lanes.registers("amd64", "not a number", null, 8));
        assertEquals(16, Lanes.registers("ppc64le", null, null, 4));
        assertEquals(32, Lanes.registers(null, null, null, 16));
    }

    @Test
    void theOverrideWinsAndIsValidated() {
        assertEquals(16, Lanes.registers("aarch64", null, "16", 4));
        assertEquals(32, Lanes.registers("amd64", "2", " 32 ", 8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanes.registers("amd64", "3", "24", 16));
        assertTrue(e.getMessage().contains("16 or 32") && e.getMessage().contains("'24'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lanes.registers("amd64", "3", "", 16));
    }

    @Test
    void thisJvmsBudgetIsOneOfTheTwo() {
        assertTrue(Lanes.REGISTERS == 16 || Lanes.REGISTERS == 32, "REGISTERS = " + Lanes.REGISTERS);
        // 512-bit lanes are only possible with AVX-512 (or SVE-512), which have 32 registers.
        if (Lanes.COUNT >= 16 && System.getProperty("mobilevec.vectorRegisters") == null) {
            assertEquals(32, Lanes.REGISTERS);
        }
    }

    @Test
    void halfRate512IsZen4AtFiveHundredTwelveBitsOnly() {
        assertTrue(Lanes.fma512HalfRate("amd64", "AuthenticAMD", "25", null, 16), "Zen 4 (family 25 with AVX-512)");
        assertTrue(!Lanes.fma512HalfRate("amd64", "AuthenticAMD", "26", null, 16), "Zen 5 runs them whole");
        assertTrue(!Lanes.fma512HalfRate("amd64", "AuthenticAMD", "25", null, 8), "256-bit lanes: no 512-bit FMAs to halve");
        assertTrue(!Lanes.fma512HalfRate("amd64", "GenuineIntel", "6", null, 16));
        assertTrue(!Lanes.fma512HalfRate("aarch64", null, null, null, 16));
        assertTrue(!Lanes.fma512HalfRate("amd64", null, null, null, 16), "unknown CPU: full rate");
    }

    @Test
    void theRateOverrideWinsAndIsValidated() {
        assertTrue(Lanes.fma512HalfRate("aarch64", null, null, "half", 4));
        assertTrue(!Lanes.fma512HalfRate("amd64", "AuthenticAMD", "25", " full ", 16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lanes.fma512HalfRate("amd64", "AuthenticAMD", "26", "quarter", 16));
        assertTrue(e.getMessage().contains("half or full") && e.getMessage().contains("'quarter'"), e.getMessage());
    }
}
