package dev.mobilevec.network.image;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.network.LayerType;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Images in, labels out: decoding ({@link ImageDecoder}), torchvision's preprocessing ({@link Preprocessing})
 * and a {@link Model}, for any number of threads at once. Each call borrows a single-threaded batch-1
 * session from a pool (made on first need, kept for reuse), so concurrent callers never share one.
 * Scores are softmax probabilities: the graph's own output when it ends in Softmax, else the softmax of
 * its logits (computed in double, stable).
 */
public final class ImageClassifier implements AutoCloseable {
    /** One class of a result: index, name (null when there are no labels), probability. */
    public record Prediction(int index, String label, float score) {}

    private final Model model;
    private final Preprocessing preprocessing;
    private final List<String> labels;
    private final ImageDecoder decoder;
    private final boolean endsInSoftmax;
    private final ConcurrentLinkedQueue<Session> pool = new ConcurrentLinkedQueue<>();
    private final List<Session> all = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param labels class names, one per output ({@link #imagenetLabels()} for ImageNet models), or null
     * @param maxPixels images whose header declares more pixels are refused before decoding
     */
    public ImageClassifier(Model model, Preprocessing preprocessing, List<String> labels, long maxPixels) {
        if (model == null || preprocessing == null) {
            throw new IllegalArgumentException("model and preprocessing must not be null");
        }
        int classes = model.outputLength();
        if (labels != null && labels.size() != classes) {
            throw new IllegalArgumentException("the model has " + classes + " outputs but " + labels.size() + " labels were given");
        }
        if (model.arch().inputChannels() != 3) {
            throw new IllegalArgumentException("images have 3 channels, the model takes " + model.arch().inputChannels());
        }
        int side = preprocessing.crop();
        if (side > 0 && (model.arch().height() != side || model.arch().width() != side)) {
            throw new IllegalArgumentException("the preprocessing crops to " + side + "x" + side + " but the model takes "
                    + model.arch().height() + "x" + model.arch().width() + " (set the crop size to match)");
        }
        this.model = model;
        this.preprocessing = preprocessing;
        this.labels = labels == null ? null : List.copyOf(labels);
        this.decoder = new ImageDecoder(maxPixels);
        this.endsInSoftmax = model.layers().get(model.layers().size() - 1).type() == LayerType.SOFTMAX;
    }

    /** ImageNet preprocessing, the ImageNet class names when the model has 1000 outputs, the default pixel limit. */
    public ImageClassifier(Model model) {
        this(model, Preprocessing.IMAGENET, model.outputLength() == 1000 ? imagenetLabels() : null, ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    /** The 1000 ImageNet-1k class names in torchvision's order. */
    public static List<String> imagenetLabels() {
        try (var in = ImageClassifier.class.getResourceAsStream("imagenet_classes.txt")) {
            if (in == null) {
                throw new IllegalStateException("imagenet_classes.txt is missing from the mobilevec-network jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A labels file: one name per line (blank lines at the end ignored); its count must match the model's outputs. */
    public static List<String> readLabels(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public Model model() {
        return model;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The tensor the model sees for an image: 3 x H x W float32 (NCHW, as ONNX declares it). */
    public float[] preprocess(RgbImage image) {
        return preprocessing.apply(image, Layout.NCHW);
    }

    public List<Prediction> classify(Path file, int k) throws IOException {
        return classify(decoder.decode(file), k);
    }

    public List<Prediction> classify(BufferedImage image, int k) throws IOException {
        return classify(ImageDecoder.toRgb(image), k);
    }

    public List<Prediction> classify(RgbImage image, int k) {
        return top(scores(preprocess(image)), k);
    }

    /**
     * Several images in one batched inference on {@code threads} threads (a session made for the call; the
     * same results as one at a time, since no image's output depends on its batch mates).
     */
    public List<List<Prediction>> classify(List<RgbImage> images, int k, int threads) {
        if (images.isEmpty()) {
            return List.of();
        }
        int inLen = model.arch().inputLength(), classes = model.outputLength(), n = images.size();
        float[] input = new float[Checks.product("images x input floats per image", n, inLen)],
                out = new float[Checks.product("images x outputs", n, classes)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(preprocess(images.get(i)), 0, input, i * inLen, inLen);
        }
        try (Session s = model.newSession(n, threads)) {
            s.run(input, 0, Layout.NCHW, out, 0, null);
        }
        List<List<Prediction>> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(top(probabilities(out, i * classes, classes), k));
        }
        return r;
    }

    /** Softmax probabilities for one preprocessed tensor (3 x H x W, NCHW). */
    public float[] scores(float[] tensor) {
        if (closed) {
            throw new IllegalStateException("the classifier is closed");
        }
        Session s = pool.poll();
        if (s == null) {
            s = model.newSession(1, 1);
            synchronized (all) {
                all.add(s);
            }
        }
        float[] out = new float[model.outputLength()];
        try {
            s.run(tensor, 0, Layout.NCHW, out, 0, null);
        } finally {
            pool.offer(s);
        }
        return probabilities(out, 0, out.length);
    }

    /** Softmax of out[off, off + n) unless the graph already ends in Softmax. */
    public float[] probabilities(float[] out, int off, int n) {
        float[] p = new float[n];
        if (endsInSoftmax) {
            System.arraycopy(out, off, p, 0, n);
            return p;
        }
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, out[off + i]);
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(out[off + i] - max);
            sum += e[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The k highest scores with their labels, highest first (ties: lower index first). */
    public List<Prediction> top(float[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        List<Prediction> r = new ArrayList<>();
        for (int i : topIndices(scores, 0, scores.length, k)) {
            r.add(new Prediction(i, labels == null ? null : labels.get(i), scores[i]));
        }
        return r;
    }

    /** Indices of the k largest of v[off, off + n), largest first; ties by lower index; NaN never outranks a number. */
    public static int[] topIndices(float[] v, int off, int n, int k) {
        int m = Math.min(k, n);
        int[] idx = new int[m];
        boolean[] taken = new boolean[n];
        for (int j = 0; j < m; j++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || v[off + i] > v[off + best])) {
                    best = i;
                }
            }
            taken[best] = true;
            idx[j] = best;
        }
        return idx;
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(Session::close);
            all.clear();
        }
        pool.clear();
    }
}
