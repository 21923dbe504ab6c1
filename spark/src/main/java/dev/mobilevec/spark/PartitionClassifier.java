package dev.mobilevec.spark;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import dev.mobilevec.network.image.ImageClassifier;
import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Classifies one partition: the executor's cached model, one session for the task, images decoded and run
 * {@code batchSize} at a time, rows streamed (a partition is never held in memory). Each input row gives exactly
 * one output row: its own columns, then the results, or the error for an image that could not be read.
 */
final class PartitionClassifier implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final ClassifyConfig cfg;
    private final Broadcast<byte[]> modelBytes;

    PartitionClassifier(ClassifyConfig cfg, Broadcast<byte[]> modelBytes) {
        this.cfg = cfg;
        this.modelBytes = modelBytes;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator(); // an empty partition builds no model and no session
        }
        Model model = ModelCache.get(cfg.spec(), modelBytes::value);
        return new Batches(rows, model, cfg);
    }

    /**
     * A task holds the batch's input and output arrays (batchSize x (inLen + outLen) floats; each image is decoded into
     * the input and dropped) beside the batch's encoded rows and the session: arrays past half of this executor's heap
     * are refused by name, where they had ended in the task's OutOfMemoryError. The driver cannot know an executor's
     * heap, so the task checks.
     */
    static void checkHeap(int batchSize, int inLen, int outLen, long heapBytes) {
        long bytes = 4L * batchSize * ((long) inLen + outLen);
        if (bytes > heapBytes / 2) {
            throw new IllegalArgumentException("batchSize " + batchSize + " needs " + (bytes >> 20) + " MB in each task for its input"
                    + " and output arrays, more than half this executor's heap (" + (heapBytes >> 20)
                    + " MB, spark.executor.memory): lower batchSize");
        }
    }

    /** Pulls up to batchSize rows, classifies them in one session run, hands them out, repeats. */
    private static final class Batches implements Iterator<Row> {
        private final Iterator<Row> in;
        private final ClassifyConfig cfg;
        private final Session session;
        private final ImageClassifier scorer; // for probabilities and top-K with labels (no sessions of its own are made)
        private final ImageDecoder decoder;
        private final Preprocessing pre;
        private final int inLen, classes, featLen, logitLen;
        private final float[] input, output;
        private final int[] tapLayers;
        private final float[][] taps;
        private final List<Row> ready = new ArrayList<>();
        private int next;
        private boolean closed;

        Batches(Iterator<Row> in, Model model, ClassifyConfig cfg) {
            this.in = in;
            this.cfg = cfg;
            this.pre = cfg.preprocessing();
            this.decoder = new ImageDecoder(cfg.maxPixels());
            this.scorer = new ImageClassifier(model, pre, cfg.labels(), cfg.maxPixels());
            this.inLen = model.arch().inputLength();
            this.classes = model.outputLength();
            int b = cfg.batchSize();
            checkHeap(b, inLen, classes, Runtime.getRuntime().maxMemory());
            this.session = SessionPool.borrow(model, b, cfg.threads());
            List<Integer> layers = new ArrayList<>();
            int fl = 0, ll = 0;
            if (cfg.logits()) {
                layers.add(model.logitsLayer());
                ll = model.layers().get(model.logitsLayer()).outputLength();
            }
            if (cfg.features()) {
                layers.add(model.featureLayer());
                fl = model.layers().get(model.featureLayer()).outputLength();
            }
            this.featLen = fl;
            this.logitLen = ll;
            this.tapLayers = layers.stream().mapToInt(Integer::intValue).toArray();
            this.taps = new float[tapLayers.length][];
            for (int i = 0; i < taps.length; i++) {
                taps[i] = new float[Checks.product("batchSize x tapped outputs", b, model.layers().get(tapLayers[i]).outputLength())];
            }
            this.input = new float[Checks.product("batchSize x input floats per image", b, inLen)];
            this.output = new float[Checks.product("batchSize x outputs", b, classes)];
            TaskContext tc = TaskContext.get();
            if (tc != null) {
                tc.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> close()); // also when the task fails or is cut short
            }
        }

        @Override
        public boolean hasNext() {
            if (next < ready.size()) {
                return true;
            }
            ready.clear();
            next = 0;
            if (!closed && in.hasNext()) {
                fill();
            }
            if (ready.isEmpty()) {
                close();
                return false;
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.get(next++);
        }

        private void fill() {
            int b = cfg.batchSize();
            List<Row> rows = new ArrayList<>(b);
            String[] errors = new String[b];
            int[] slot = new int[b];
            int images = 0;
            while (rows.size() < b && in.hasNext()) {
                Row r = in.next();
                int i = rows.size();
                rows.add(r);
                slot[i] = -1;
                try {
                    float[] t = tensor(r);
                    System.arraycopy(t, 0, input, images * inLen, inLen);
                    slot[i] = images++;
                } catch (Exception e) {
                    errors[i] = message(e);
                } catch (OutOfMemoryError e) {
                    errors[i] = "out of memory decoding it (raise the executor memory or lower maxPixels)";
                }
            }
            if (images > 0) {
                Arrays.fill(input, images * inLen, input.length, 0f); // a short batch: zeros, results ignored
                session.run(input, 0, Layout.NCHW, output, 0, null, tapLayers, taps);
            }
            for (int i = 0; i < rows.size(); i++) {
                ready.add(slot[i] < 0 ? errorRow(rows.get(i), errors[i]) : resultRow(rows.get(i), slot[i]));
            }
        }

        private float[] tensor(Row r) throws java.io.IOException {
            Object v = r.isNullAt(cfg.inputIndex()) ? null : r.get(cfg.inputIndex());
            if (!(v instanceof byte[] bytes)) {
                throw new IllegalArgumentException("no image bytes (the input column is null)");
            }
            float[] t = pre.apply(decoder.decode(bytes), Layout.NCHW);
            if (t.length != inLen) {
                throw new IllegalArgumentException("preprocessing gives " + t.length + " floats, the model takes " + inLen
                        + " (set resize and crop for its input size)");
            }
            return t;
        }

        private Row resultRow(Row r, int s) {
            List<ImageClassifier.Prediction> top = scorer.top(scorer.probabilities(output, s * classes, classes), cfg.topK());
            int k = top.size();
            int[] idx = new int[k];
            String[] labels = new String[k];
            float[] scores = new float[k];
            for (int j = 0; j < k; j++) {
                idx[j] = top.get(j).index();
                labels[j] = top.get(j).label();
                scores[j] = top.get(j).score();
            }
            List<Object> extra = new ArrayList<>(List.of(idx, labels, scores));
            int t = 0;
            if (cfg.logits()) {
                extra.add(Arrays.copyOfRange(taps[t++], s * logitLen, (s + 1) * logitLen));
            }
            if (cfg.features()) {
                extra.add(Arrays.copyOfRange(taps[t], s * featLen, (s + 1) * featLen));
            }
            extra.add(null);
            return append(r, extra);
        }

        private Row errorRow(Row r, String error) {
            List<Object> extra = new ArrayList<>(Arrays.asList(null, null, null));
            if (cfg.logits()) {
                extra.add(null);
            }
            if (cfg.features()) {
                extra.add(null);
            }
            extra.add(error);
            return append(r, extra);
        }

        private static Row append(Row r, List<Object> extra) {
            Object[] v = new Object[r.length() + extra.size()];
            for (int i = 0; i < r.length(); i++) {
                v[i] = r.get(i);
            }
            for (int i = 0; i < extra.size(); i++) {
                v[r.length() + i] = extra.get(i);
            }
            return RowFactory.create(v);
        }

        private static String message(Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return m.replace('\n', ' ');
        }

        private void close() {
            if (!closed) {
                closed = true;
                SessionPool.giveBack(session);
                scorer.close();
            }
        }
    }
}
