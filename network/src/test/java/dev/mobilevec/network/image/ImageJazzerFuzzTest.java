package dev.mobilevec.network.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mobilevec.network.Layout;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of decode + preprocess with Jazzer. In a normal build this runs as a regression
 * test over its seed corpus (ImageJazzerFuzzTestInputs/decode: small PNG, JPEG, palette, CMYK and 16-bit
 * files) and any finding saved there; {@code mvn -Pjazzer} fuzzes with our classes instrumented. Every
 * input must give a finite 3 x 56 x 56 tensor or an IOException / IllegalArgumentException with a
 * message: any other throwable, an OutOfMemoryError included, is a finding.
 */
class ImageJazzerFuzzTest {
    static final Preprocessing PRE = Preprocessing.IMAGENET.withSizes(64, 56);
    static final ImageDecoder DECODER = new ImageDecoder(4_000_000);

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        float[] t;
        try {
            t = PRE.apply(DECODER.decode(data), Layout.NCHW);
        } catch (IOException | IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an error without a message: " + e);
            return;
        }
        assertEquals(3 * 56 * 56, t.length);
        for (float v : t) {
            assertTrue(Float.isFinite(v), "non-finite tensor value");
        }
    }
}
