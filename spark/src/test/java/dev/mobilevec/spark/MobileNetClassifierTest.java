package dev.mobilevec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Model;
import dev.mobilevec.onnx.OnnxImporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer and the job in local[2]: results against ./mobilevec classify, partitioning, errors, persistence. */
class MobileNetClassifierTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path images;
    static int count;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkTestSupport.session("local[2]", false);
        images = tmp.resolve("images");
        count = SparkTestSupport.imageFolder(images);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Dataset<Row> files() {
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(images.toString()).select("path", "content");
    }

    static MobileNetClassifier classifier() {
        return new MobileNetClassifier().setModelPath(SparkTestSupport.model().toString());
    }

    /** Rows by path, as comparable strings: every result column, scores and floats by their bits. */
    static Map<String, String> byPath(Dataset<Row> result) {
        Map<String, String> m = new HashMap<>();
        for (Row r : result.drop("content").collectAsList()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                Object v = r.get(i);
                if (v instanceof scala.collection.Seq<?> s) {
                    List<Object> l = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(s));
                    l.replaceAll(x -> x instanceof Float f ? "0x" + Integer.toHexString(Float.floatToRawIntBits(f)) : x);
                    v = l;
                }
                sb.append(r.schema().fieldNames()[i]).append('=').append(v).append(';');
            }
            assertNull(m.put(r.getString(r.fieldIndex("path")), sb.toString()), "one row per path");
        }
        return m;
    }

    /** The job's JSON lines are ./mobilevec classify --json's lines for the same files: same top-5, same score bits, same errors. */
    @Test
    void jobJsonEqualsClassifyJsonLineForLine() throws Exception {
        Path out = tmp.resolve("job-json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClassifyJob.run(new String[] {"--model", SparkTestSupport.model().toString(), "--input", images.toString(),
            "--output", out.toString(), "--format", "json", "--partitions", "3", "--batch", "4"}, new PrintStream(err, true), false);
        assertEquals(0, code);
        String summary = err.toString(StandardCharsets.UTF_8);
        // Spark's file sources skip 0-byte files (empty.png); classify reports it as an error line.
        assertTrue(summary.startsWith("mobilevec: " + (count - 1) + " images, 2 failed,"), summary);
        assertTrue(summary.contains("1 of the " + count + " files listed gave no row: Spark's file sources skip empty (0-byte) files"), summary);
        // The test JVM's own counted-loop safepoints decide whether the job warns (local mode: tasks run in this JVM).
        assertEquals(Boolean.FALSE.equals(dev.mobilevec.kernels.CountedLoopSafepoints.ON), summary.contains("without counted-loop safepoints"), summary);
        List<String> sparkLines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                sparkLines.addAll(Files.readAllLines(p));
            }
        }
        // Spark reports files as URIs (file:/...); classify prints the paths it was given.
        List<String> normalised = sparkLines.stream().map(l -> l.replace("\"file\": \"file:", "\"file\": \"")).sorted().toList();
        List<String> cli = SparkTestSupport.classifyJson(images.toString(), "--model", SparkTestSupport.model().toString(), "--threads", "2")
                .lines().sorted().toList();
        assertEquals(count, cli.size());
        assertEquals(3, cli.stream().filter(l -> l.contains("\"error\"")).count(), String.join("\n", cli));
        assertEquals(cli.stream().filter(l -> !l.contains("empty.png")).toList(), normalised);
    }

    /** Partition counts 1, 2 and 7, other batch sizes and threads per task: the same rows, bit for bit. */
    @Test
    void partitioningBatchAndThreadsGiveTheSameRows() {
        Map<String, String> one = byPath(classifier().transform(files().repartition(1)));
        assertEquals(count - 1, one.size()); // no row for the 0-byte file
        assertEquals(one, byPath(classifier().transform(files().repartition(2))));
        assertEquals(one, byPath(classifier().setBatchSize(3).transform(files().repartition(7))));
        assertEquals(one, byPath(classifier().setBatchSize(1).setThreads(2).transform(files().repartition(2))));
    }

    /** A corrupt, empty or missing image gives one row with error set and null results; the others are classified. */
    @Test
    void badImagesGiveErrorRowsAndTheJobGoesOn() throws Exception {
        Path labels = tmp.resolve("labels.txt");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            names.append("class ").append(i).append('\n');
        }
        Files.writeString(labels, names + "\n");
        StructType schema = new StructType().add("path", DataTypes.StringType).add("content", DataTypes.BinaryType);
        List<Row> rows = List.of(org.apache.spark.sql.RowFactory.create("null", null),
                org.apache.spark.sql.RowFactory.create("junk", "junk".getBytes(StandardCharsets.UTF_8)));
        Dataset<Row> in = spark.createDataFrame(rows, schema).union(files());
        List<Row> out = classifier().setOutputPrefix("mv_").setLabelsPath(labels.toString()).transform(in).collectAsList();
        assertEquals(count - 1 + 2, out.size());
        int errors = 0;
        for (Row r : out) {
            boolean failed = !r.isNullAt(r.fieldIndex("mv_error"));
            errors += failed ? 1 : 0;
            assertEquals(failed, r.isNullAt(r.fieldIndex("mv_top_indices")), r.toString());
            assertEquals(failed, r.isNullAt(r.fieldIndex("mv_top_scores")), r.toString());
            if (!failed) {
                assertEquals(5, r.getList(r.fieldIndex("mv_top_indices")).size());
                List<Integer> idx = r.getList(r.fieldIndex("mv_top_indices"));
                List<String> names2 = r.getList(r.fieldIndex("mv_top_labels"));
                for (int j = 0; j < 5; j++) {
                    assertEquals("class " + idx.get(j), names2.get(j));
                }
            }
        }
        assertEquals(4, errors); // null, junk, notes.txt, truncated.jpg (Spark gives no row for the 0-byte empty.png)
        Row nul = out.stream().filter(r -> r.getString(0).equals("null")).findFirst().orElseThrow();
        assertEquals("no image bytes (the input column is null)", nul.getString(nul.fieldIndex("mv_error")));
    }

    @Test
    void emptyInputGivesEmptyOutput() throws Exception {
        StructType schema = new StructType().add("path", DataTypes.StringType).add("content", DataTypes.BinaryType);
        Dataset<Row> empty = spark.createDataFrame(List.of(), schema);
        Dataset<Row> out = classifier().transform(empty);
        assertEquals(0, out.count());
        assertTrue(List.of(out.schema().fieldNames()).contains("top_scores"));
        Path dir = Files.createDirectories(tmp.resolve("no-images"));
        Path json = tmp.resolve("empty-json");
        assertEquals(0, ClassifyJob.run(new String[] {"--model", SparkTestSupport.model().toString(), "--input", dir.toString(),
            "--output", json.toString(), "--format", "json"}, new PrintStream(new ByteArrayOutputStream()), false));
        assertEquals(0, spark.read().text(json.toString()).count());
    }

    /**
     * Features are the classifier's input: the logits column equals W x features + b within the bound of a K-term float
     * dot product, c K 2^-24 sum |w x| with c = 2 (float accumulation in any order, plus the bias); the scores are the
     * softmax of the logits.
     */
    @Test
    void logitsAndFeaturesColumns() throws Exception {
        Model m = OnnxImporter.read(SparkTestSupport.model()).model(Backend.FAST);
        LayerDef fc = m.layers().stream().filter(l -> l.type() == dev.mobilevec.network.LayerType.FC).reduce((a, b) -> b).orElseThrow();
        float[] w = m.foldedWeights(fc.index()), bias = m.foldedBias(fc.index());
        int k = fc.inC(), classes = fc.outC();
        List<Row> out = classifier().setIncludeLogits(true).setIncludeFeatures(true).setTopK(3).transform(files()).collectAsList();
        int checked = 0;
        for (Row r : out) {
            if (!r.isNullAt(r.fieldIndex("error"))) {
                assertTrue(r.isNullAt(r.fieldIndex("features")) && r.isNullAt(r.fieldIndex("logits")));
                continue;
            }
            List<Float> f = r.getList(r.fieldIndex("features")), z = r.getList(r.fieldIndex("logits"));
            assertEquals(k, f.size());
            assertEquals(classes, z.size());
            for (int o = 0; o < classes; o++) {
                double exact = bias[o], mag = Math.abs(bias[o]);
                for (int i = 0; i < k; i++) {
                    exact += (double) w[o * k + i] * f.get(i);
                    mag += Math.abs((double) w[o * k + i] * f.get(i));
                }
                double bound = 2.0 * (k + 1) * 0x1p-24 * mag;
                assertTrue(Math.abs(z.get(o) - exact) <= bound, "class " + o + ": " + z.get(o) + " vs " + exact + " bound " + bound);
            }
            int top = r.<Integer>getList(r.fieldIndex("top_indices")).get(0);
            for (Float v : z) {
                assertTrue(v <= z.get(top));
            }
            checked++;
        }
        assertEquals(count - 3, checked); // all but notes.txt, truncated.jpg and the 0-byte file
    }

    /** A pipeline with the stage saves and loads; the saved copy carries the model, so it works after the original is gone. */
    @Test
    void pipelineRoundTripsThroughSaveAndLoad() throws Exception {
        Path modelCopy = tmp.resolve("copy/model.onnx");
        Files.createDirectories(modelCopy.getParent());
        Files.copy(SparkTestSupport.model(), modelCopy);
        MobileNetClassifier stage = new MobileNetClassifier().setModelPath(modelCopy.toString()).setTopK(2).setOutputPrefix("p_").setBatchSize(3);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {stage}).fit(files());
        Map<String, String> before = byPath(fitted.transform(files()));
        Path saved = tmp.resolve("pipeline");
        fitted.write().save(saved.toString());
        stage.write().save(tmp.resolve("stage").toString());
        Files.delete(modelCopy);
        PipelineModel loaded = PipelineModel.load(saved.toString());
        assertEquals(before, byPath(loaded.transform(files())));
        MobileNetClassifier alone = MobileNetClassifier.load(tmp.resolve("stage").toString());
        assertEquals(stage.uid(), alone.uid());
        assertEquals(2, (int) alone.getOrDefault(alone.topK()));
        assertTrue(alone.getOrDefault(alone.modelPath()).endsWith("stage/model/model.onnx"), alone.getOrDefault(alone.modelPath()));
        assertEquals(before, byPath(alone.transform(files())));
    }

    @Test
    void badParamsFailOnTheDriverWithAReason() {
        Dataset<Row> f = files();
        var e1 = assertThrows(IllegalArgumentException.class, () -> classifier().setInputCol("bytes").transform(f));
        assertTrue(e1.getMessage().contains("input column 'bytes' is not in the dataset"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> classifier().setInputCol("path").transform(f));
        assertTrue(e2.getMessage().contains("must be binary"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> new MobileNetClassifier().transform(f));
        assertTrue(e3.getMessage().contains("modelPath is not set"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> classifier().setCrop(224).transform(f));
        assertTrue(e4.getMessage().contains("crops to 224x224 but the model takes 160x160"), e4.getMessage());
        var e5 = assertThrows(IllegalArgumentException.class, () -> new MobileNetClassifier().setModelPath(tmp.resolve("nope.onnx").toString()).transform(f));
        assertTrue(e5.getMessage().contains("does not exist"), e5.getMessage());
        var e6 = assertThrows(IllegalArgumentException.class, () -> classifier().setMean(new double[] {0.5}).transform(f));
        assertTrue(e6.getMessage().contains("mean needs 3 values"), e6.getMessage());
        Path fewLabels = tmp.resolve("few.txt");
        var e9 = assertThrows(IllegalArgumentException.class, () -> {
            Files.writeString(fewLabels, "a\nb\n");
            classifier().setLabelsPath(fewLabels.toString()).transform(f);
        });
        assertTrue(e9.getMessage().contains("the model has 100 outputs but 2 labels were given"), e9.getMessage());
        var e7 = assertThrows(IllegalArgumentException.class, () -> classifier().setTopK(0));
        assertTrue(e7.getMessage().contains("topK"), e7.getMessage());
        // 30000 x 160x160x3 floats is past the int range: refused on the driver, not as a negative array size in a task.
        var e10 = assertThrows(IllegalArgumentException.class, () -> classifier().setBatchSize(30000).transform(f));
        assertTrue(e10.getMessage().contains("batchSize x input floats per image exceeds the int range of Java arrays: 30000 x 76800"),
                e10.getMessage());
        var e8 = assertThrows(IllegalArgumentException.class, () -> classifier().transform(classifier().transform(f)));
        assertTrue(e8.getMessage().contains("output column 'top_indices' already exists"), e8.getMessage());
    }

    @Test
    void jobParsesItsCommandLineStrictly() {
        assertThrows(IllegalArgumentException.class, () -> ClassifyJob.parse(new String[] {"--model", "m"}));
        var e = assertThrows(IllegalArgumentException.class, () -> ClassifyJob.parse(new String[] {"--model", "m", "--input", "i", "--output", "o", "--top", "0"}));
        assertTrue(e.getMessage().contains("--top must be a whole number >= 1, got '0'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassifyJob.parse(new String[] {"--model", "m", "--input", "i", "--output", "o", "--format", "csv"}));
        assertTrue(e.getMessage().contains("--format must be parquet or json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassifyJob.parse(new String[] {"--model", "m", "--input", "i", "--output", "o", "--format", "json", "--features"}));
        assertTrue(e.getMessage().contains("need --format parquet"), e.getMessage());
        ClassifyJob.Options o = ClassifyJob.parse(new String[] {"--model", "m", "--input", "i", "--output", "o"});
        assertEquals("parquet", o.format());
        assertEquals(5, o.top());
        assertEquals(1, o.threads());
    }

    /** Parquet output: one row per file with the documented columns; the same model under another name is one cached model. */
    @Test
    void jobWritesParquetAndTheModelIsCachedByContent() throws Exception {
        Path renamed = tmp.resolve("renamed.onnx");
        Files.copy(SparkTestSupport.model(), renamed);
        classifier().transform(files()).count();
        int cached = ModelCache.size();
        Path out = tmp.resolve("job-parquet");
        assertEquals(0, ClassifyJob.run(new String[] {"--model", renamed.toString(), "--input", images + "/*.png", "--output", out.toString(),
            "--features"}, new PrintStream(new ByteArrayOutputStream()), false));
        assertEquals(cached, ModelCache.size());
        Dataset<Row> back = spark.read().parquet(out.toString());
        assertEquals(List.of("path", "top_indices", "top_labels", "top_scores", "features", "error"), List.of(back.schema().fieldNames()));
        long pngs;
        try (Stream<Path> s = Files.list(images)) {
            pngs = s.filter(p -> p.toString().endsWith(".png") && p.toFile().length() > 0).count();
        }
        assertEquals(pngs, back.count());
        var e = assertThrows(Exception.class, () -> ClassifyJob.run(new String[] {"--model", renamed.toString(), "--input", images.toString(),
            "--output", out.toString()}, System.err, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    /** A safetensors model with its architecture: the same probabilities as ImageClassifier on the same model, bit for bit. */
    @Test
    void safetensorsModelWithArchitecture() throws Exception {
        var arch = new dev.mobilevec.network.MobileNetV2(0.35, 96, 96, 10);
        var ws = dev.mobilevec.network.SeededWeights.generate(arch, 5);
        Path file = tmp.resolve("v2.safetensors");
        dev.mobilevec.network.Safetensors.write(file, ws);
        List<Row> out = new MobileNetClassifier().setModelPath(file.toString()).setArchitecture("v2").setAlpha(0.35)
                .setResolution(96).setClasses(10).setTopK(3).transform(files()).collectAsList();
        Model m = Model.create(arch, ws, Backend.FAST);
        try (var direct = new dev.mobilevec.network.image.ImageClassifier(m, dev.mobilevec.network.image.Preprocessing.IMAGENET
                .withSizes(110, 96), null, dev.mobilevec.network.image.ImageDecoder.DEFAULT_MAX_PIXELS)) {
            int checked = 0;
            for (Row r : out) {
                if (!r.isNullAt(r.fieldIndex("error"))) {
                    continue;
                }
                var expected = direct.classify(Path.of(java.net.URI.create(r.getString(r.fieldIndex("path")))), 3);
                List<Integer> idx = r.getList(r.fieldIndex("top_indices"));
                List<Float> scores = r.getList(r.fieldIndex("top_scores"));
                for (int j = 0; j < 3; j++) {
                    assertEquals(expected.get(j).index(), idx.get(j));
                    assertEquals(Float.floatToRawIntBits(expected.get(j).score()), Float.floatToRawIntBits(scores.get(j)));
                }
                checked++;
            }
            assertEquals(count - 3, checked);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new MobileNetClassifier().setModelPath(file.toString())
                .setArchitecture("v9").transform(files()));
        assertTrue(e.getMessage().contains("architecture must be v1 or v2"), e.getMessage());
    }

    @Test
    void plainLoopsWarningNamesTheCountAndTheFlags() {
        assertNull(ClassifyJob.plainLoopsWarning(0, 10));
        String w = ClassifyJob.plainLoopsWarning(3, 10);
        assertTrue(w.startsWith("mobilevec: 3 of the 10 images ran in executor JVMs without counted-loop safepoints"), w);
        assertTrue(w.contains("add -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000 to spark.executor.extraJavaOptions"), w);
    }
}
