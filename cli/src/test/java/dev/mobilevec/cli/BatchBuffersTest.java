package dev.mobilevec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch-sized arrays and raw float files: clear errors for sizes that cannot exist, exact round trips for those that can. */
class BatchBuffersTest {
    @Test
    void aBatchWhoseArrayOverflowsAnIntNamesTheProduct() {
        // 100000 x 150528 wrapped to -2127069184 and surfaced as "mobilevec: -2127069184" (NegativeArraySizeException).
        // bench: v1 at 224 (150528 floats per image).
        MainTest.Result r = MainTest.cli("bench", "--batch", "100000", "--iterations", "1", "--warmup", "0", "--no-check");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("mobilevec: the input (--batch x floats per image) exceeds the int range of Java arrays: "
                + "100000 x 150528 is more than 2147483647"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        // classify (the 96x96 test model, 27648 floats per image) refuses it before that, for the decoded batch it would hold.
        String model = MainTest.testData("mobilenet_v1_0.25_96.onnx").toString();
        MainTest.Result c = MainTest.cli("classify", "--model", model, "--batch", "100000", ".");
        assertEquals(1, c.code(), c.err());
        assertTrue(c.err().startsWith("mobilevec: --batch 100000 needs " + (8L * 100000 * 27648 >> 20) + " MB for one batch of decoded"
                + " images and its input array"), c.err());
        assertFalse(c.err().contains("\tat "), c.err());
    }

    @Test
    void classifyDecodesAheadOnlyWhatTheHeapHolds() {
        long gb = 1L << 30;
        // 224x224x3 tensors (602 KB): four batches ahead on a 6 GB heap, fewer where they would pass half of it.
        assertEquals(8, ClassifyCommand.decodedAhead(2, 150528, 6 * gb));
        assertEquals(4 * 1000, ClassifyCommand.decodedAhead(1000, 150528, 6 * gb));
        long fit = 6 * gb / 2 / (4L * 150528);
        assertEquals(fit - 2000, ClassifyCommand.decodedAhead(2000, 150528, 6 * gb), "limited by the heap");
        assertTrue(fit - 2000 >= 2000 && fit - 2000 < 4 * 2000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifyCommand.decodedAhead(5000, 150528, 6 * gb));
        assertTrue(e.getMessage().startsWith("--batch 5000 needs 5742 MB for one batch of decoded images and its input array, more"
                + " than half the heap (6144 MB, -Xmx)"), e.getMessage());
    }

    @Test
    void iterationsPastWhatBenchKeepsAreRefused() {
        // Two longs per timed run: 2e9 runs asked for 32 GB and ended in an OutOfMemoryError's stack trace.
        MainTest.Result r = MainTest.cli("bench", "--iterations", "2000000000", "--no-check");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("mobilevec: --iterations must be at most " + BenchCommand.MAX_ITERATIONS), r.err());
        assertTrue(r.err().contains("got 2000000000"), r.err());
        assertTrue(BenchCommand.MAX_ITERATIONS * 16L < Runtime.getRuntime().maxMemory() / 4, "the cap's arrays fit a small heap");
    }

    @Test
    void anArrayLargerThanTheHeapIsRefusedBeforeAllocating() {
        long heap = Runtime.getRuntime().maxMemory();
        // The largest request that still fits an int (2^31 - 2 floats, 8 GB) must exceed the heap for this to test anything.
        Assumptions.assumeTrue(heap < 4L * (Integer.MAX_VALUE - 1), "heap of " + (heap >> 20) + " MB holds 8 GB of floats");
        int perImage = (int) Math.min(Integer.MAX_VALUE / 2, heap / 4 / 2 + 1); // 2 x perImage floats > heap
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchBuffers.floats("the input", 2, perImage));
        assertTrue(e.getMessage().startsWith("the input for batch 2 needs 2 x " + perImage + " floats ("), e.getMessage());
        assertTrue(e.getMessage().contains("the heap is " + (heap >> 20) + " MB"), e.getMessage());
        assertEquals(6 * 7, BatchBuffers.floats("small", 6, 7).length);
    }

    @Test
    void rawFloatFilesRoundTripAcrossTheChunkSize(@TempDir Path dir) throws IOException {
        // 1 MB chunks: sizes below, at and above one chunk and a partial last chunk, bit patterns included (NaN payloads, -0).
        for (int n : new int[] {0, 1, 262143, 262144, 262145, 600001}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = Float.intBitsToFloat(i * 0x9E3779B9);
            }
            Path f = dir.resolve("f" + n + ".raw");
            RawFloats.write(f, a);
            assertEquals(4L * n, Files.size(f));
            float[] b = new float[n];
            RawFloats.read(f, b);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), "float " + i + " of " + n);
            }
        }
        // Written over a longer file: truncated to the new length.
        Path f = dir.resolve("f600001.raw");
        RawFloats.write(f, new float[] {1f, 2f});
        assertEquals(8, Files.size(f));
        float[] two = new float[2];
        RawFloats.read(f, two);
        assertArrayEquals(new float[] {1f, 2f}, two);
        // A file shorter than the array (changed after its size was checked): an IOException with the offset.
        IOException e = assertThrows(IOException.class, () -> RawFloats.read(f, new float[3]));
        assertTrue(e.getMessage().contains("ended at byte 8 of 12"), e.getMessage());
    }
}
