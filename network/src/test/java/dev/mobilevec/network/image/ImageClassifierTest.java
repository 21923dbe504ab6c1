package dev.mobilevec.network.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Padding;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ImageClassifierTest {
    static final MobileNetV1 ARCH = new MobileNetV1(0.25, 56, 56, 1000, Padding.SYMMETRIC);
    static final Model MODEL = Model.create(ARCH, SeededWeights.generate(ARCH, 5), Backend.FAST);
    static final Preprocessing PRE = Preprocessing.IMAGENET.withSizes(64, 56);

    static List<Path> photos() {
        return List.of("chelsea.jpg", "coffee.jpg", "astronaut.jpg", "palette_90x140.png", "grey_123x77.png").stream()
                .map(n -> ImageGoldenTest.DIR.resolve("src").resolve(n)).toList();
    }

    /** The classifier's scores are the session's output for the preprocessed tensor (v1 ends in Softmax: as is). */
    @Test
    void classifiesWhatTheSessionComputesFromThePreprocessedTensor() throws Exception {
        try (ImageClassifier c = new ImageClassifier(MODEL, PRE, ImageClassifier.imagenetLabels(), ImageDecoder.DEFAULT_MAX_PIXELS);
             Session s = MODEL.newSession(1, 1)) {
            for (Path p : photos()) {
                float[] t = c.preprocess(new ImageDecoder().decode(p));
                float[] out = new float[1000];
                s.run(t, 0, Layout.NCHW, out, 0, null);
                List<ImageClassifier.Prediction> top = c.classify(p, 5);
                assertEquals(5, top.size());
                for (int i = 0; i < 5; i++) {
                    ImageClassifier.Prediction x = top.get(i);
                    assertEquals(out[x.index()], x.score(), p + " rank " + i);
                    assertEquals(ImageClassifier.imagenetLabels().get(x.index()), x.label());
                    java.util.Set<Integer> above = new java.util.HashSet<>();
                    top.stream().limit(i).forEach(y -> above.add(y.index()));
                    for (int j = 0; j < 1000; j++) {
                        assertTrue(out[j] <= x.score() || above.contains(j), "rank " + i + " is the max of the rest");
                    }
                }
            }
        }
    }

    @Test
    void eightThreadsShareOneClassifier() throws Exception {
        List<List<ImageClassifier.Prediction>> expected = new ArrayList<>();
        try (ImageClassifier c = new ImageClassifier(MODEL, PRE, null, ImageDecoder.DEFAULT_MAX_PIXELS)) {
            for (Path p : photos()) {
                expected.add(c.classify(p, 3));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<List<ImageClassifier.Prediction>>>> fs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    fs.add(pool.submit(() -> {
                        List<List<ImageClassifier.Prediction>> r = new ArrayList<>();
                        for (int rep = 0; rep < 5; rep++) {
                            for (Path p : photos()) {
                                r.add(c.classify(p, 3));
                            }
                        }
                        return r;
                    }));
                }
                for (Future<List<List<ImageClassifier.Prediction>>> f : fs) {
                    List<List<ImageClassifier.Prediction>> r = f.get();
                    for (int i = 0; i < r.size(); i++) {
                        assertEquals(expected.get(i % photos().size()), r.get(i));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A batch gives each image the predictions it gets alone. */
    @Test
    void batchClassificationEqualsOneAtATime() throws Exception {
        try (ImageClassifier c = new ImageClassifier(MODEL, PRE, null, ImageDecoder.DEFAULT_MAX_PIXELS)) {
            List<RgbImage> images = new ArrayList<>();
            List<List<ImageClassifier.Prediction>> alone = new ArrayList<>();
            for (Path p : photos()) {
                images.add(new ImageDecoder().decode(p));
                alone.add(c.classify(p, 4));
            }
            for (int threads = 1; threads <= 2; threads++) {
                assertEquals(alone, c.classify(images, 4, threads), threads + " threads");
            }
        }
    }

    @Test
    void softmaxOfLogitsSumsToOneAndKeepsTheOrder() {
        try (ImageClassifier c = new ImageClassifier(MODEL, PRE, null, 1000)) {
            float[] logits = {1f, 3f, -2f, 3f, 0.5f};
            // v1 ends in Softmax: used as is.
            assertArrayEquals(logits, c.probabilities(logits, 0, 5));
            assertEquals(List.of(1, 3, 0), c.top(logits, 3).stream().map(ImageClassifier.Prediction::index).toList());
        }
    }

    @Test
    void mismatchesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageClassifier(MODEL, PRE, List.of("a", "b"), 1000));
        assertEquals("the model has 1000 outputs but 2 labels were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ImageClassifier(MODEL, Preprocessing.IMAGENET, null, 1000));
        assertTrue(e.getMessage().startsWith("the preprocessing crops to 224x224 but the model takes 56x56"), e.getMessage());
        // A batch whose input array would pass the int range: refused before any image is preprocessed (it had been an
        // ArithmeticException "integer overflow").
        try (ImageClassifier c = new ImageClassifier(MODEL, PRE, null, 1000)) {
            List<RgbImage> many = java.util.Collections.nCopies(300_000, new RgbImage(1, 1, new byte[3]));
            e = assertThrows(IllegalArgumentException.class, () -> c.classify(many, 1, 1));
            assertTrue(e.getMessage().startsWith("images x input floats per image exceeds the int range of Java arrays: 300000 x 9408"),
                    e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.preset("vgg"));
        assertEquals("unknown preprocessing preset 'vgg' (expected imagenet, inception or none)", e.getMessage());
        assertEquals(1000, ImageClassifier.imagenetLabels().size());
        assertEquals("tabby", ImageClassifier.imagenetLabels().get(281));
    }
}
