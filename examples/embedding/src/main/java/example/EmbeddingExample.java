package example;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import dev.mobilevec.network.image.ImageClassifier;
import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import dev.mobilevec.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embeds mobilevec as a service would: one immutable Model shared by 8 worker threads, each with its
 * own Session (sessions are single-threaded and allocate nothing per inference). Every thread
 * classifies the same inputs; the example checks that all threads agree bit for bit and that the
 * golden input gets the top-5 classes PyTorch gave it; then 8 threads classify photographs through one
 * ImageClassifier (decoding and torchvision's preprocessing included) and must agree with a single
 * thread. It exits non-zero otherwise.
 */
public final class EmbeddingExample {
    static final int THREADS = 8, INPUTS = 24;

    public static void main(String[] args) throws Exception {
        Path onnx = Path.of(args.length > 0 ? args[0] : "../../test-data/mobilenet_v2_0.5_160.onnx");
        String stem = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
        Model model = OnnxImporter.read(onnx).model(Backend.FAST); // load once, share everywhere
        int inLen = model.arch().inputLength(), classes = model.outputLength();
        System.out.printf("loaded %s: %d inputs -> %d classes, %d layers%n", onnx.getFileName(), inLen, classes, model.layers().size());

        // Inputs: the golden image (NCHW, as ONNX declares it) and deterministic variations of it.
        float[] golden = readFloats(onnx.resolveSibling(stem + ".input.f32"), inLen);
        float[][] inputs = new float[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            inputs[i] = golden.clone();
            for (int j = 0; j < inLen; j++) {
                inputs[i][j] += (float) (0.05 * i * Math.sin(0.37 * j + i));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<float[][]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                float[][] out = new float[INPUTS][classes];
                try (Session s = model.newSession(1, 1)) { // one session per thread, one core each
                    for (int i = 0; i < INPUTS; i++) {
                        s.run(inputs[i], 0, Layout.NCHW, out[i], 0, null);
                    }
                }
                return out;
            }));
        }
        List<float[][]> all = new ArrayList<>();
        for (Future<float[][]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();

        int failures = 0;
        for (int t = 1; t < THREADS; t++) {
            for (int i = 0; i < INPUTS; i++) {
                if (!Arrays.equals(all.get(0)[i], all.get(t)[i])) {
                    System.out.printf("MISMATCH: thread %d, input %d differs from thread 0%n", t, i);
                    failures++;
                }
            }
        }
        int[] ours = ImageClassifier.topIndices(all.get(0)[0], 0, classes, 5);
        int[] pytorch = ImageClassifier.topIndices(readFloats(onnx.resolveSibling(stem + ".expected.f32"), classes), 0, classes, 5);
        System.out.printf("golden input: top-5 %s (PyTorch: %s)%n", Arrays.toString(ours), Arrays.toString(pytorch));
        if (!Arrays.equals(ours, pytorch)) {
            failures++;
        }
        for (int i = 1; i < 4; i++) {
            System.out.printf("input %d: top-1 class %d%n", i, ImageClassifier.topIndices(all.get(0)[i], 0, classes, 1)[0]);
        }
        System.out.printf("%d threads x %d inputs on one shared model: %s%n", THREADS, INPUTS,
                failures == 0 ? "all threads agree bit for bit, top-5 matches PyTorch" : failures + " FAILURES");

        // Images in, classes out: one thread-safe classifier shared by 8 threads.
        Path photos = onnx.resolveSibling("images").resolve("src");
        List<Path> files = List.of(photos.resolve("chelsea.jpg"), photos.resolve("coffee.jpg"), photos.resolve("astronaut.jpg"));
        int side = model.arch().height(); // this test model takes 160 x 160: resize 183, crop 160
        Preprocessing pre = Preprocessing.IMAGENET.withSizes((int) Math.round(side * 256.0 / 224), side);
        try (ImageClassifier classifier = new ImageClassifier(model, pre, null, ImageDecoder.DEFAULT_MAX_PIXELS)) {
            List<List<ImageClassifier.Prediction>> alone = new ArrayList<>();
            for (Path f : files) {
                alone.add(classifier.classify(f, 3));
                System.out.printf("%s: top-1 class %d (p = %.4f)%n", f.getFileName(), alone.get(alone.size() - 1).get(0).index(),
                        alone.get(alone.size() - 1).get(0).score());
            }
            ExecutorService imagePool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<List<ImageClassifier.Prediction>>>> got = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                got.add(imagePool.submit(() -> {
                    List<List<ImageClassifier.Prediction>> r = new ArrayList<>();
                    for (Path f : files) {
                        r.add(classifier.classify(f, 3));
                    }
                    return r;
                }));
            }
            int imageFailures = 0;
            for (Future<List<List<ImageClassifier.Prediction>>> f : got) {
                imageFailures += f.get().equals(alone) ? 0 : 1;
            }
            imagePool.shutdown();
            System.out.printf("%d threads x %d photos through one ImageClassifier: %s%n", THREADS, files.size(),
                    imageFailures == 0 ? "all agree with one thread" : imageFailures + " threads DIFFER");
            failures += imageFailures;
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static float[] readFloats(Path file, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != 4L * count) {
            throw new IOException(file + ": expected " + 4L * count + " bytes (" + count + " floats), got " + b.remaining());
        }
        float[] v = new float[count];
        b.asFloatBuffer().get(v);
        return v;
    }
}
