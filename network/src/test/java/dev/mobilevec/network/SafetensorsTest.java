package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    static final MobileNetV1 ARCH = new MobileNetV1(0.25, 32, 32, 10, Padding.SYMMETRIC);

    @Test
    void roundTripKeepsEveryTensorAndTheModelOutput(@TempDir Path dir) throws Exception {
        WeightSet ws = SeededWeights.generate(ARCH, 8);
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, ws);
        WeightSet back = Safetensors.read(f);
        assertEquals(ws.tensors().keySet(), back.tensors().keySet());
        for (Tensor t : ws.tensors().values()) {
            assertArrayEquals(t.shape(), back.tensors().get(t.name()).shape(), t.name());
            assertArrayEquals(t.data(), back.tensors().get(t.name()).data(), t.name());
        }
        assertEquals(ws.metadata(), back.metadata());
        float[] in = NetworkEquivalenceTest.image(ARCH.inputLength(), 1);
        assertArrayEquals(SessionTest.run(Model.create(ARCH, ws, Backend.FAST), 1, 1, in),
                SessionTest.run(Model.create(ARCH, back, Backend.FAST), 1, 1, in));
        // The header is little-endian length + JSON, data 8-byte aligned.
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + n) % 8);
        assertTrue(new String(bytes, 8, (int) n, StandardCharsets.UTF_8).contains("\"conv0.weight\":{\"dtype\":\"F32\",\"shape\":[8,3,3,3]"));
    }

    static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    static void assertRejected(byte[] bytes, String... mention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.parse(bytes, "f"));
        for (String m : mention) {
            assertTrue(e.getMessage().contains(m), () -> "\"" + e.getMessage() + "\" should mention " + m);
        }
    }

    @Test
    void malformedFilesFailWithTheTensorAndTheMismatch() {
        assertRejected(new byte[5], "5 bytes");
        byte[] huge = file("{}", 0);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        assertRejected(huge, "header length", String.valueOf(1L << 40));
        assertRejected(file("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "tensor a", "F16", "F32");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "tensor a", "12 bytes", "8");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4), "tensor a", "outside", "4 data bytes");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8), "tensor a", "dimension 0");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12), "overlap");
        assertRejected(file("{\"a\": [1, 2", 0), "JSON header", "character");
        assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}", 8), "more than");
    }

    @Test
    void modelCreationNamesMissingAndMisshapenTensors() {
        WeightSet ws = SeededWeights.generate(ARCH, 8);
        WeightSet missing = new WeightSet();
        ws.tensors().values().stream().filter(t -> !t.name().equals("block3.dw.bn.running_var")).forEach(missing::put);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.create(ARCH, missing, Backend.FAST));
        assertEquals("missing tensor block3.dw.bn.running_var (expected shape [32])", e.getMessage());

        WeightSet wrong = new WeightSet();
        for (Tensor t : ws.tensors().values()) {
            wrong.put(t.name().equals("fc.weight") ? new Tensor("fc.weight", new int[] {10, 255}, new float[2550]) : t);
        }
        e = assertThrows(IllegalArgumentException.class, () -> Model.create(ARCH, wrong, Backend.FAST));
        assertEquals("tensor fc.weight has shape [10, 255], expected [10, 256]", e.getMessage());

        WeightSet extra = new WeightSet();
        ws.tensors().values().forEach(extra::put);
        extra.put(new Tensor("block99.weight", new int[] {1}, new float[1]));
        e = assertThrows(IllegalArgumentException.class, () -> Model.create(ARCH, extra, Backend.FAST));
        assertTrue(e.getMessage().contains("unexpected tensor block99.weight"), e.getMessage());
    }
}
