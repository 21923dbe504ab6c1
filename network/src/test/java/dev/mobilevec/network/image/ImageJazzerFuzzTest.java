package dev.mobilevec.network.image;

import com.code_intelligence.jazzer.junit.FuzzTest;

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
        ImageFuzzTest.outcome(data, DECODER, PRE);
    }
}
