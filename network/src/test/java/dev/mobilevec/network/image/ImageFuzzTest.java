package dev.mobilevec.network.image;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.network.Layout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated image files through decode and preprocess, as the model loaders are fuzzed: truncation at
 * random points, bit flips, and header edits that declare huge sizes (decompression bombs). Every case
 * must give a finite 3 x 56 x 56 tensor or an IOException / IllegalArgumentException with a message,
 * within 10 s: never another exception, an OutOfMemoryError or a hang. Coverage-guided fuzzing of the same
 * path is ImageJazzerFuzzTest.
 */
class ImageFuzzTest {
    static final int CASES = Integer.getInteger("mobilevec.fuzzCases", 5000) / 5;

    @Test
    void mutatedImagesDecodeOrFailCleanly() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (var files = Files.list(ImageGoldenTest.DIR.resolve("src"))) {
            for (Path p : files.sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                if (b.length < 100_000) { // the small ones: more cases per second
                    seeds.add(b);
                }
            }
        }
        Preprocessing pre = Preprocessing.IMAGENET.withSizes(64, 56);
        ImageDecoder decoder = new ImageDecoder(4_000_000);
        SplittableRandom r = new SplittableRandom(4242);
        int ok = 0, rejected = 0, bombs = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            int kind = r.nextInt(3);
            if (kind == 0) {
                b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            } else if (kind == 1) {
                for (int f = 1 + r.nextInt(8); f > 0; f--) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            } else {
                bombs += bomb(b, r) ? 1 : 0;
            }
            byte[] input = b;
            int index = i;
            // A hang guard, as in the loaders' fuzzers: a case still running after 10 s is a failure.
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(input, index, decoder, pre), "case " + i);
            if (outcome.equals("ok")) {
                ok++;
            } else {
                rejected++;
            }
        }
        System.out.printf("image fuzz: %d cases (%d with a huge declared size); decoded %d, rejected %d%n", CASES, bombs, ok, rejected);
        assertTrue(ok > 0 && rejected > 0, "both outcomes occur");
    }

    /**
     * The contract both image fuzzers check: "ok" for a finite 3 x 56 x 56 tensor, "rejected" for an
     * IOException or IllegalArgumentException with a message; anything else is thrown.
     */
    static String outcome(byte[] b, ImageDecoder decoder, Preprocessing pre) {
        try {
            float[] t = pre.apply(decoder.decode(b), Layout.NCHW);
            assertTrue(t.length == 3 * 56 * 56, "tensor length " + t.length);
            for (float v : t) {
                assertTrue(Float.isFinite(v), "non-finite tensor value");
            }
            return "ok";
        } catch (IOException | IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an error without a message: " + e);
            return "rejected";
        }
    }

    /** {@link #outcome}, saving the input of any failure to target/fuzz-failures. */
    static String run(byte[] b, int i, ImageDecoder decoder, Preprocessing pre) throws IOException {
        try {
            return outcome(b, decoder, pre);
        } catch (Throwable e) {
            Path saved = Files.createDirectories(Path.of("target/fuzz-failures")).resolve("image-" + i + ".bin");
            Files.write(saved, b);
            throw new AssertionError("case " + i + " (saved to " + saved + "): " + e, e);
        }
    }

    /** Writes a huge width and height into a PNG IHDR or a JPEG SOF header, if the file has one; returns whether it did. */
    static boolean bomb(byte[] b, SplittableRandom r) {
        int w = 20_000 + r.nextInt(40_000), h = 20_000 + r.nextInt(40_000);
        if (b.length > 24 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            ByteBuffer.wrap(b).putInt(16, w).putInt(20, h); // IHDR width, height (the CRC then fails, or not: both must be clean)
            return true;
        }
        for (int i = 2; i + 9 < b.length; i++) {
            if ((b[i] & 0xff) == 0xFF && ((b[i + 1] & 0xff) == 0xC0 || (b[i + 1] & 0xff) == 0xC2)) { // SOF0 / SOF2
                ByteBuffer.wrap(b).putShort(i + 5, (short) Math.min(h, 65535)).putShort(i + 7, (short) Math.min(w, 65535));
                return true;
            }
        }
        return false;
    }
}
