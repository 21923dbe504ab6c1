package dev.mobilevec.cli;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import dev.mobilevec.network.image.ClassificationJson;
import dev.mobilevec.network.image.ImageClassifier;
import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import dev.mobilevec.onnx.OnnxImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        header = "Classifies image files and folders with an ONNX model: top-K classes per image.",
        description = "Folders are walked recursively in sorted path order. Each image is decoded and preprocessed"
            + " exactly as torchvision's evaluation transform does on Pillow images, classified in batches while the"
            + " next images decode on other threads, and printed with its top-K classes (index, label, softmax"
            + " probability). A file that is not an image, or is corrupt, gets an error line and the others go on;"
            + " the exit code is 1 if any file failed.")
final class ClassifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE|DIR", description = "Image files or folders. Required.")
    List<Path> inputs;

    @Option(names = "--model", required = true, paramLabel = "F.onnx", description = "The ONNX model. Required.")
    Path model;

    @Option(names = "--labels", paramLabel = "FILE", description = "Class names, one per line, as many as the model's outputs."
            + " Default: the ImageNet-1k names for 1000-class models, else none.")
    Path labels;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "Classes per image. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--batch", defaultValue = "0", paramLabel = "B", description = "Images per inference. Default: 0, meaning"
            + " one per thread (each thread then runs whole images).")
    int batch;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "T", description = "Inference threads. Default: 0, meaning all available processors.")
    int threads;

    @Option(names = "--json", description = "One JSON object per input file and line, in input order: {\"file\", \"top\": [{\"index\","
            + " \"label\", \"score\"}]} or {\"file\", \"error\"}. Default: off (text).")
    boolean json;

    @Mixin
    ImageOptions options = new ImageOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * How many decoded images may wait for inference: 4 batches, fewer when their tensors ({@code inLen} floats each)
     * and the batch's input array would take more than half the heap. A batch that cannot have even itself decoded
     * beside its input array is refused: with --batch 5000 and a large folder, 20,000 tensors in flight had every
     * decoder thread fail with "out of memory" instead.
     */
    static int decodedAhead(int batch, int inLen, long heapBytes) {
        long fit = heapBytes / 2 / (4L * inLen) - batch; // tensors that fit beside the input array
        if (fit < batch) {
            throw new IllegalArgumentException("--batch " + batch + " needs " + (8L * batch * inLen >> 20) + " MB for one batch of"
                    + " decoded images and its input array, more than half the heap (" + (heapBytes >> 20) + " MB, -Xmx):"
                    + " use a smaller --batch or a larger heap");
        }
        return (int) Math.min(4L * batch, fit);
    }

    /** One input: the path as given or found, and either a tensor or a one-line error. */
    record Item(String name, float[] tensor, String error, long decodeNanos) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int b = batch == 0 ? t : batch;
        if (t < 1 || b < 1 || top < 1) {
            throw new IllegalArgumentException("need --threads >= 1, --batch >= 1 and --top >= 1; got " + t + ", " + b + ", " + top);
        }
        Model m = OnnxImporter.read(model).model(Backend.FAST);
        int side = m.arch().height() == m.arch().width() ? m.arch().height() : 0;
        Preprocessing pre = options.preprocessing(side);
        List<String> names = labels != null ? ImageClassifier.readLabels(labels) : m.outputLength() == 1000 ? ImageClassifier.imagenetLabels() : null;
        List<String[]> files = collect(inputs);
        boolean progress = System.console() != null && !files.isEmpty();
        int failures = 0, done = 0;
        long start = System.nanoTime(), decodeNanos = 0, inferNanos = 0;
        ImageDecoder decoder = new ImageDecoder(options.maxPixels);
        int classes = m.outputLength(), inLen = m.arch().inputLength();
        ExecutorService decoders = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread th = new Thread(r, "mobilevec-decode");
            th.setDaemon(true);
            return th;
        });
        int ahead = decodedAhead(b, inLen, Runtime.getRuntime().maxMemory());
        try (ImageClassifier scorer = new ImageClassifier(m, pre, names, options.maxPixels); Session s = m.newSession(b, t)) {
            // Decoding runs ahead of inference on its own threads: up to 4 batches of tensors in flight (see decodedAhead).
            ArrayDeque<Future<Item>> pending = new ArrayDeque<>();
            int next = 0;
            float[] input = BatchBuffers.floats("the input", b, inLen), output = BatchBuffers.floats("the output", b, classes);
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < ahead) {
                    String[] f = files.get(next++);
                    pending.add(decoders.submit(() -> load(f, decoder, pre, inLen)));
                }
                List<Item> group = new ArrayList<>();
                int images = 0;
                while (!pending.isEmpty() && images < b) {
                    Item it = get(pending.poll());
                    group.add(it);
                    decodeNanos += it.decodeNanos();
                    if (it.tensor() != null) {
                        System.arraycopy(it.tensor(), 0, input, images++ * inLen, inLen);
                    }
                }
                if (images > 0) {
                    java.util.Arrays.fill(input, images * inLen, input.length, 0f); // a short last batch: zeros, results ignored
                    long t0 = System.nanoTime();
                    s.run(input, 0, Layout.NCHW, output, 0, null);
                    inferNanos += System.nanoTime() - t0;
                }
                int slot = 0;
                for (Item it : group) {
                    if (it.error() != null) {
                        failures++;
                        out.println(json ? ClassificationJson.errorLine(it.name(), it.error()) : it.name() + ": error: " + it.error());
                    } else {
                        List<ImageClassifier.Prediction> p = scorer.top(scorer.probabilities(output, slot++ * classes, classes), top);
                        out.println(json ? ClassificationJson.line(it.name(), p) : textLine(it.name(), p));
                    }
                    done++;
                }
                out.flush();
                if (progress) {
                    double secs = (System.nanoTime() - start) / 1e9, rate = done / Math.max(secs, 1e-9);
                    err.printf(Locale.ROOT, "\r%d/%d images, %.1f images/s, ETA %.0f s   ", done, files.size(), rate, (files.size() - done) / Math.max(rate, 1e-9));
                    err.flush();
                }
            }
        } finally {
            decoders.shutdownNow();
        }
        if (progress) {
            err.println();
        }
        if (!json) {
            double wall = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "%d image%s, %d failed, %.1f images/s in %.2f s; decoding and preprocessing %.2f s of thread time"
                    + " (on %d decoder threads, alongside inference), inference %.2f s of wall time (%d thread%s, batch %d)%n",
                    files.size(), files.size() == 1 ? "" : "s", failures, files.size() / Math.max(wall, 1e-9), wall, decodeNanos / 1e9,
                    Runtime.getRuntime().availableProcessors(), inferNanos / 1e9, t, t == 1 ? "" : "s", b);
        }
        return failures == 0 ? 0 : 1;
    }

    /** The files to classify: each argument, or the regular files under it (sorted by path); a missing path is an error item. */
    static List<String[]> collect(List<Path> inputs) throws IOException {
        List<String[]> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                            .forEach(f -> files.add(new String[] {f.toString(), null}));
                }
            } else {
                files.add(new String[] {p.toString(), Files.exists(p) ? null : "no such file"});
            }
        }
        return files;
    }

    private static Item load(String[] f, ImageDecoder decoder, Preprocessing pre, int inLen) {
        if (f[1] != null) {
            return new Item(f[0], null, f[1], 0);
        }
        long t0 = System.nanoTime();
        try {
            float[] t = pre.apply(decoder.decode(Path.of(f[0])), Layout.NCHW);
            if (t.length != inLen) {
                return new Item(f[0], null, "preprocessing gives " + t.length + " floats, the model takes " + inLen
                        + " (set --resize and --crop for its input size)", System.nanoTime() - t0);
            }
            return new Item(f[0], t, null, System.nanoTime() - t0);
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Item(f[0], null, msg.replace('\n', ' '), System.nanoTime() - t0);
        } catch (OutOfMemoryError e) {
            return new Item(f[0], null, "out of memory decoding it (raise -Xmx or lower --max-pixels)", System.nanoTime() - t0);
        }
    }

    private static Item get(Future<Item> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static String textLine(String file, List<ImageClassifier.Prediction> p) {
        StringBuilder sb = new StringBuilder(file).append(':');
        for (ImageClassifier.Prediction x : p) {
            sb.append(' ').append(x.index()).append(x.label() == null ? "" : " (" + x.label() + ")")
                    .append(String.format(Locale.ROOT, " %.4f,", x.score()));
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
