package dev.mobilevec.spark;

import dev.mobilevec.kernels.CountedLoopSafepoints;
import dev.mobilevec.network.image.ClassificationJson;
import dev.mobilevec.network.image.ImageClassifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * spark-submit entry point: classifies every file under a folder (or matching a glob) and writes one row per file,
 * as Parquet, or as JSON lines with exactly the fields of {@code ./mobilevec classify --json} ({@code file}, then
 * {@code top} or {@code error}). A file that is not an image, or is corrupt, gets an error row and the job goes on.
 */
public final class ClassifyJob {
    static final String USAGE = """
            Usage: spark-submit --class dev.mobilevec.spark.ClassifyJob mobilevec-spark-job.jar \\
                     --model F --input DIR|GLOB --output PATH [options]
              --model F          ONNX model (or safetensors with --arch) on any Hadoop file system. Required.
              --input DIR|GLOB   Folder (read recursively) or glob of image files. Required.
              --output PATH      Output folder (Spark writes part files into it). Required.
              --format F         parquet or json (one JSON line per image). Default: parquet.
              --top K            Classes per image. Default: 5.
              --master M         Spark master, e.g. local[2]. Default: spark-submit's.
              --partitions N     Repartition the files into N partitions first. Default: as read.
              --batch B          Images decoded and run together per task. Default: 8.
              --threads T        mobilevec threads per task. Default: 1 (Spark runs one task per core).
              --labels F         Class names, one per line. Default: ImageNet-1k names for 1000-class models.
              --logits           Parquet: add the logits column.
              --features         Parquet: add the pooled feature vector column.
              --arch v1|v2       Safetensors models: the architecture. Default: the file's metadata.
              --overwrite        Replace the output folder if it exists. Default: fail if it exists.
              --log-level L      Spark's log level (INFO shows every task). Default: WARN, with Spark's progress bar.
            """;

    private ClassifyJob() {}

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        int code;
        try {
            code = run(args, System.err, true);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    /** Parsed command line. */
    record Options(String model, String input, String output, String format, int top, String master, int partitions,
            int batch, int threads, String labels, boolean logits, boolean features, String arch, boolean overwrite, String logLevel) {}

    static Options parse(String[] args) {
        String model = null, input = null, output = null, format = "parquet", master = null, labels = null, arch = "", logLevel = "WARN";
        int top = 5, partitions = 0, batch = 8, threads = 1;
        boolean logits = false, features = false, overwrite = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--logits" -> logits = true;
                case "--features" -> features = true;
                case "--overwrite" -> overwrite = true;
                default -> {
                    if (!a.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "'");
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--model" -> model = v;
                        case "--input" -> input = v;
                        case "--output" -> output = v;
                        case "--format" -> format = v.toLowerCase(Locale.ROOT);
                        case "--master" -> master = v;
                        case "--labels" -> labels = v;
                        case "--arch" -> arch = v;
                        case "--log-level" -> logLevel = v.toUpperCase(Locale.ROOT);
                        case "--top" -> top = positive(a, v);
                        case "--partitions" -> partitions = positive(a, v);
                        case "--batch" -> batch = positive(a, v);
                        case "--threads" -> threads = positive(a, v);
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        if (model == null || input == null || output == null) {
            throw new IllegalArgumentException("--model, --input and --output are required");
        }
        if (!format.equals("parquet") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be parquet or json, got '" + format + "'");
        }
        if (format.equals("json") && (logits || features)) {
            throw new IllegalArgumentException("--logits and --features need --format parquet (the JSON lines match ./mobilevec classify --json)");
        }
        return new Options(model, input, output, format, top, master, partitions, batch, threads, labels, logits, features, arch, overwrite, logLevel);
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a whole number >= 1, got '" + v + "'");
    }

    /**
     * Runs the job on the active Spark session (or a new one). Returns 0; a summary goes to {@code err}.
     * {@code stop}: stop the session at the end (spark-submit), not in tests that share one.
     */
    static int run(String[] args, PrintStream err, boolean stop) {
        Options o = parse(args);
        SparkSession.Builder b = SparkSession.builder().appName("mobilevec classify");
        if (o.master() != null) {
            b = b.master(o.master());
        }
        SparkSession spark = b.getOrCreate();
        try {
            spark.sparkContext().setLogLevel(o.logLevel());
            long t0 = System.nanoTime();
            boolean glob = o.input().chars().anyMatch(ch -> "*?[{".indexOf(ch) >= 0);
            var reader = spark.read().format("binaryFile");
            if (!glob) {
                reader = reader.option("recursiveFileLookup", "true");
            }
            Dataset<Row> files = reader.load(o.input()).select("path", "content");
            int listed = files.inputFiles().length; // from the file index Spark already built; empty files included
            if (o.partitions() > 0) {
                files = files.repartition(o.partitions());
            }
            MobileNetClassifier c = new MobileNetClassifier().setModelPath(o.model()).setTopK(o.top()).setBatchSize(o.batch())
                    .setThreads(o.threads()).setIncludeLogits(o.logits()).setIncludeFeatures(o.features()).setArchitecture(o.arch());
            if (o.labels() != null) {
                c.setLabelsPath(o.labels());
            }
            List<Column> cols = new ArrayList<>(List.of(new Column("path")));
            c.outputColumns().forEach(n -> cols.add(new Column(n)));
            Dataset<Row> result = c.transform(files).select(cols.toArray(new Column[0])).sortWithinPartitions("path");
            LongAccumulator images = spark.sparkContext().longAccumulator("images"), failed = spark.sparkContext().longAccumulator("failed");
            // Images classified in executor JVMs whose counted loops have no safepoints (Serial or Parallel collector).
            LongAccumulator plainLoops = spark.sparkContext().longAccumulator("plainLoops");
            String mode = o.overwrite() ? "overwrite" : "errorifexists";
            if (o.format().equals("json")) {
                result.map((MapFunction<Row, String>) r -> {
                    tally(r, images, failed, plainLoops);
                    return jsonLine(r);
                }, Encoders.STRING()).write().mode(mode).text(o.output());
            } else {
                result.map((MapFunction<Row, Row>) r -> {
                    tally(r, images, failed, plainLoops);
                    return r;
                }, Encoders.row(result.schema())).write().mode(mode).parquet(o.output());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "mobilevec: %d images, %d failed, %.1f images/s in %.1f s; wrote %s (%s)%n",
                    images.value(), failed.value(), images.value() / Math.max(secs, 1e-9), secs, o.output(), o.format());
            if (listed > images.value()) {
                // Spark's file sources give no row for a 0-byte file, so those never reach the classifier.
                err.printf(Locale.ROOT, "mobilevec: %d of the %d files listed gave no row: Spark's file sources skip empty (0-byte) files%n",
                        listed - images.value(), listed);
            }
            String loops = plainLoopsWarning(plainLoops.value(), images.value());
            if (loops != null) {
                err.println(loops);
            }
            return 0;
        } finally {
            if (stop) {
                spark.stop();
            }
        }
    }

    /** The classify --json line of a result row (columns path, top_indices, top_labels, top_scores, error). */
    static String jsonLine(Row r) {
        String file = r.getString(r.fieldIndex("path"));
        if (!r.isNullAt(r.fieldIndex("error"))) {
            return ClassificationJson.errorLine(file, r.getString(r.fieldIndex("error")));
        }
        List<Integer> idx = r.getList(r.fieldIndex("top_indices"));
        List<String> labels = r.getList(r.fieldIndex("top_labels"));
        List<Float> scores = r.getList(r.fieldIndex("top_scores"));
        List<ImageClassifier.Prediction> top = new ArrayList<>();
        for (int i = 0; i < idx.size(); i++) {
            top.add(new ImageClassifier.Prediction(idx.get(i), labels.get(i), scores.get(i)));
        }
        return ClassificationJson.line(file, top);
    }

    /** Counts a result row on the executor: every image, the failed ones, those run without counted-loop safepoints. */
    private static void tally(Row r, LongAccumulator images, LongAccumulator failed, LongAccumulator plainLoops) {
        images.add(1);
        if (!r.isNullAt(r.fieldIndex("error"))) {
            failed.add(1);
        }
        if (Boolean.FALSE.equals(CountedLoopSafepoints.ON)) {
            plainLoops.add(1);
        }
    }

    /**
     * The line the job prints when some images ran in executor JVMs without safepoints in counted loops (the Serial or
     * Parallel collector, e.g. {@code -XX:+UseParallelGC}), where C2 spills the short-K 1x1 tiles; null when none did.
     */
    static String plainLoopsWarning(long plain, long images) {
        if (plain <= 0) {
            return null;
        }
        return String.format(Locale.ROOT, "mobilevec: %d of the %d images ran in executor JVMs without counted-loop safepoints"
                + " (the Serial or Parallel collector), where some 1x1 layers run up to 1.7x slower: add %s to"
                + " spark.executor.extraJavaOptions (README, Counted-loop safepoints)", plain, images, CountedLoopSafepoints.FLAGS);
    }
}
