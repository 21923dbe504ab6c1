package dev.mobilevec.spark;

import dev.mobilevec.kernels.Checks;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.image.ImageClassifier;
import dev.mobilevec.network.image.ImageDecoder;
import dev.mobilevec.network.image.Preprocessing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that classifies images with mobilevec: binary image content in (as the
 * {@code binaryFile} data source gives it), top-K classes out, one output row per input row.
 *
 * <p>Output columns (each name prefixed by {@code outputPrefix}): {@code top_indices} array&lt;int&gt;,
 * {@code top_labels} array&lt;string&gt; (null entries without labels), {@code top_scores} array&lt;float&gt; (softmax
 * probabilities), optionally {@code logits} and {@code features} (the pooled feature vector, for image search) as
 * array&lt;float&gt;, and {@code error}: null, or why the image could not be classified (the result columns are then
 * null and the job goes on).
 *
 * <p>Execution: the driver reads the model file once (any Hadoop file system) and broadcasts its bytes; each
 * executor JVM builds one immutable model per content hash ({@link ModelCache}) and each task one session, used for
 * its whole partition, decoding and running {@code batchSize} images at a time on {@code threads} threads (default 1:
 * Spark already runs one task per core). Results are the bits {@code ./mobilevec classify --json} prints for the same
 * files, whatever the partitioning, batch size or thread count.
 *
 * <p>Saving a pipeline copies the model file (and labels file) into the saved stage, so the saved pipeline is
 * self-contained; loading points the stage at those copies.
 */
public final class MobileNetClassifier extends Transformer implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;

    private final Param<String> modelPath;
    private final Param<String> inputCol;
    private final Param<String> outputPrefix;
    private final IntParam topK;
    private final BooleanParam includeLogits;
    private final BooleanParam includeFeatures;
    private final Param<String> labelsPath;
    private final Param<String> preprocess;
    private final IntParam resize;
    private final IntParam crop;
    private final DoubleArrayParam mean;
    private final DoubleArrayParam std;
    private final LongParam maxPixels;
    private final IntParam batchSize;
    private final IntParam threads;
    private final Param<String> architecture;
    private final DoubleParam alpha;
    private final IntParam resolution;
    private final IntParam classes;

    public MobileNetClassifier() {
        this(Identifiable.randomUID("mobilenet"));
    }

    public MobileNetClassifier(String uid) {
        this.uid = uid;
        modelPath = new Param<>(this, "modelPath", "the model: an ONNX file, or a safetensors file with architecture, alpha and resolution (any Hadoop path)");
        inputCol = new Param<>(this, "inputCol", "column of binary image content (the binaryFile source's content)");
        outputPrefix = new Param<>(this, "outputPrefix", "prefix of the output column names");
        topK = new IntParam(this, "topK", "classes per image (>= 1)", ParamValidators.gtEq(1));
        includeLogits = new BooleanParam(this, "includeLogits", "add a logits column (array<float>)");
        includeFeatures = new BooleanParam(this, "includeFeatures", "add a features column: the pooled feature vector (array<float>)");
        labelsPath = new Param<>(this, "labelsPath", "class names, one per line; empty: ImageNet-1k names for 1000-class models, else none");
        preprocess = new Param<>(this, "preprocess", "normalisation preset: imagenet, inception or none");
        resize = new IntParam(this, "resize", "shorter side after resizing; 0 skips; -1: 256/224 of the crop", ParamValidators.gtEq(-1));
        crop = new IntParam(this, "crop", "center crop size; 0 skips; -1: the model's input size", ParamValidators.gtEq(-1));
        mean = new DoubleArrayParam(this, "mean", "per-channel mean (R,G,B); empty: the preset's");
        std = new DoubleArrayParam(this, "std", "per-channel std (R,G,B); empty: the preset's");
        maxPixels = new LongParam(this, "maxPixels", "images whose header declares more pixels are refused before decoding", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize", "images decoded and run together in a task", ParamValidators.gtEq(1));
        threads = new IntParam(this, "threads", "mobilevec threads per task (Spark already runs one task per core)", ParamValidators.gtEq(1));
        architecture = new Param<>(this, "architecture", "safetensors only: v1 or v2; empty: the file's metadata, else v1");
        alpha = new DoubleParam(this, "alpha", "safetensors only: width multiplier; 0: the file's metadata, else 1.0", ParamValidators.gtEq(0));
        resolution = new IntParam(this, "resolution", "safetensors only: input size R for R x R", ParamValidators.gtEq(32));
        classes = new IntParam(this, "classes", "safetensors only: classifier outputs", ParamValidators.gtEq(1));
        setDefault(inputCol, "content");
        setDefault(outputPrefix, "");
        setDefault(topK, 5);
        setDefault(includeLogits, false);
        setDefault(includeFeatures, false);
        setDefault(labelsPath, "");
        setDefault(preprocess, "imagenet");
        setDefault(resize, -1);
        setDefault(crop, -1);
        setDefault(mean, new double[0]);
        setDefault(std, new double[0]);
        setDefault(maxPixels, ImageDecoder.DEFAULT_MAX_PIXELS);
        setDefault(batchSize, 8);
        setDefault(threads, 1);
        setDefault(architecture, "");
        setDefault(alpha, 0.0);
        setDefault(resolution, 224);
        setDefault(classes, 1000);
    }

    @Override
    public String uid() {
        return uid;
    }

    // Param accessors: Spark finds params by reflection on public no-argument methods returning a Param.
    public Param<String> modelPath() { return modelPath; }
    public Param<String> inputCol() { return inputCol; }
    public Param<String> outputPrefix() { return outputPrefix; }
    public IntParam topK() { return topK; }
    public BooleanParam includeLogits() { return includeLogits; }
    public BooleanParam includeFeatures() { return includeFeatures; }
    public Param<String> labelsPath() { return labelsPath; }
    public Param<String> preprocess() { return preprocess; }
    public IntParam resize() { return resize; }
    public IntParam crop() { return crop; }
    public DoubleArrayParam mean() { return mean; }
    public DoubleArrayParam std() { return std; }
    public LongParam maxPixels() { return maxPixels; }
    public IntParam batchSize() { return batchSize; }
    public IntParam threads() { return threads; }
    public Param<String> architecture() { return architecture; }
    public DoubleParam alpha() { return alpha; }
    public IntParam resolution() { return resolution; }
    public IntParam classes() { return classes; }

    public MobileNetClassifier setModelPath(String v) { set(modelPath, v); return this; }
    public MobileNetClassifier setInputCol(String v) { set(inputCol, v); return this; }
    public MobileNetClassifier setOutputPrefix(String v) { set(outputPrefix, v); return this; }
    public MobileNetClassifier setTopK(int v) { set(topK, v); return this; }
    public MobileNetClassifier setIncludeLogits(boolean v) { set(includeLogits, v); return this; }
    public MobileNetClassifier setIncludeFeatures(boolean v) { set(includeFeatures, v); return this; }
    public MobileNetClassifier setLabelsPath(String v) { set(labelsPath, v); return this; }
    public MobileNetClassifier setPreprocess(String v) { set(preprocess, v); return this; }
    public MobileNetClassifier setResize(int v) { set(resize, v); return this; }
    public MobileNetClassifier setCrop(int v) { set(crop, v); return this; }
    public MobileNetClassifier setMean(double[] v) { set(mean, v); return this; }
    public MobileNetClassifier setStd(double[] v) { set(std, v); return this; }
    public MobileNetClassifier setMaxPixels(long v) { set(maxPixels, v); return this; }
    public MobileNetClassifier setBatchSize(int v) { set(batchSize, v); return this; }
    public MobileNetClassifier setThreads(int v) { set(threads, v); return this; }
    public MobileNetClassifier setArchitecture(String v) { set(architecture, v); return this; }
    public MobileNetClassifier setAlpha(double v) { set(alpha, v); return this; }
    public MobileNetClassifier setResolution(int v) { set(resolution, v); return this; }
    public MobileNetClassifier setClasses(int v) { set(classes, v); return this; }

    @SuppressWarnings("unchecked")
    private <T> T value(Param<?> p) {
        return (T) $(p);
    }

    /** The output column names, in order. */
    public List<String> outputColumns() {
        String p = value(outputPrefix);
        List<String> c = new ArrayList<>(List.of(p + "top_indices", p + "top_labels", p + "top_scores"));
        if ((Boolean) value(includeLogits)) {
            c.add(p + "logits");
        }
        if ((Boolean) value(includeFeatures)) {
            c.add(p + "features");
        }
        c.add(p + "error");
        return c;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String in = value(inputCol);
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(in)) {
            throw new IllegalArgumentException("input column '" + in + "' is not in the dataset (columns: " + names
                    + "); read images with spark.read().format(\"binaryFile\"), whose bytes are in 'content'");
        }
        StructField f = schema.apply(in);
        if (!f.dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("input column '" + in + "' must be binary (image file bytes), but it is " + f.dataType().simpleString());
        }
        StructType out = schema;
        for (String c : outputColumns()) {
            if (names.contains(c)) {
                throw new IllegalArgumentException("output column '" + c + "' already exists; set outputPrefix");
            }
            out = out.add(c, switch (c.substring(((String) value(outputPrefix)).length())) {
                case "top_indices" -> DataTypes.createArrayType(DataTypes.IntegerType, false);
                case "top_labels" -> DataTypes.createArrayType(DataTypes.StringType, true);
                case "error" -> DataTypes.StringType;
                default -> DataTypes.createArrayType(DataTypes.FloatType, false);
            }, true);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outSchema = transformSchema(dataset.schema());
        SparkSession spark = dataset.sparkSession();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        if (!isDefined(modelPath) || ((String) value(modelPath)).isBlank()) {
            throw new IllegalArgumentException("modelPath is not set: call setModelPath with an ONNX or safetensors file");
        }
        String path = value(modelPath);
        byte[] bytes = readAll(hadoop, path);
        ModelSpec spec = new ModelSpec(new Path(path).getName(), ModelCache.sha256(bytes), value(architecture),
                value(alpha), value(resolution), value(classes));
        Model model = ModelCache.get(spec, () -> bytes); // on the driver too: bad models and params fail here, not in tasks
        ClassifyConfig cfg = config(spec, model, Arrays.asList(dataset.schema().fieldNames()).indexOf((String) value(inputCol)), hadoop);
        Broadcast<byte[]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return dataset.toDF().mapPartitions(new PartitionClassifier(cfg, shared), Encoders.row(outSchema));
    }

    /** Resolves the params against the model, with the checks ImageClassifier makes, on the driver. */
    ClassifyConfig config(ModelSpec spec, Model model, int inputIndex, Configuration hadoop) {
        int side = model.arch().height() == model.arch().width() ? model.arch().height() : 0;
        int c = (Integer) value(crop) >= 0 ? value(crop) : side > 0 ? side : 224;
        int r = (Integer) value(resize) >= 0 ? value(resize) : (int) Math.round(c * 256.0 / 224);
        Preprocessing preset = Preprocessing.preset(value(preprocess));
        Preprocessing pre = new Preprocessing(r, c, triple("mean", value(mean), preset.mean()), triple("std", value(std), preset.std()));
        String lp = value(labelsPath);
        List<String> labels = !lp.isBlank() ? readLabels(hadoop, lp) : model.outputLength() == 1000 ? ImageClassifier.imagenetLabels() : null;
        new ImageClassifier(model, pre, labels, value(maxPixels)).close(); // checks labels count, channels, crop vs input size
        // A task holds batchSize images in one array: a product past the int range failed there as a negative array size.
        Checks.product("batchSize x input floats per image", (Integer) value(batchSize), model.arch().inputLength());
        return new ClassifyConfig(spec, inputIndex, pre.resize(), pre.crop(), pre.mean(), pre.std(), value(maxPixels), value(topK),
                value(batchSize), value(threads), value(includeLogits), value(includeFeatures), labels);
    }

    private static float[] triple(String name, double[] v, float[] preset) {
        if (v.length == 0) {
            return preset;
        }
        if (v.length != 3) {
            throw new IllegalArgumentException(name + " needs 3 values (R,G,B), got " + v.length);
        }
        return new float[] {(float) v[0], (float) v[1], (float) v[2]};
    }

    private static List<String> readLabels(Configuration hadoop, String path) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(readAll(hadoop, path), StandardCharsets.UTF_8).split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return List.copyOf(lines);
    }

    /** A whole file from any Hadoop file system, with its size checked before reading. */
    static byte[] readAll(Configuration hadoop, String file) {
        try {
            Path p = new Path(file);
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p) || !fs.getFileStatus(p).isFile()) {
                throw new IllegalArgumentException(file + " does not exist or is not a file");
            }
            long len = fs.getFileStatus(p).getLen();
            if (len > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(file + " is " + len + " bytes; at most " + (Integer.MAX_VALUE - 16) + " can be read");
            }
            try (InputStream in = fs.open(p)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) len);
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public MobileNetClassifier copy(ParamMap extra) {
        return (MobileNetClassifier) defaultCopy(extra);
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<MobileNetClassifier> read() {
        return new Reader();
    }

    public static MobileNetClassifier load(String path) {
        return read().load(path);
    }

    /** Saves the params, then copies the model and labels files under the stage's folder (model/, labels/). */
    private static final class Writer extends MLWriter {
        private final MobileNetClassifier stage;

        Writer(MobileNetClassifier stage) {
            this.stage = stage;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(stage, path, sparkSession());
            Configuration hadoop = sparkSession().sparkContext().hadoopConfiguration();
            if (stage.isDefined(stage.modelPath)) {
                copyInto(hadoop, stage.value(stage.modelPath), new Path(path, "model"));
            }
            String lp = stage.value(stage.labelsPath);
            if (!lp.isBlank()) {
                copyInto(hadoop, lp, new Path(path, "labels"));
            }
        }

        private static void copyInto(Configuration hadoop, String file, Path dir) {
            try {
                Path src = new Path(file);
                FileSystem dstFs = dir.getFileSystem(hadoop);
                dstFs.mkdirs(dir);
                FileUtil.copy(src.getFileSystem(hadoop), src, dstFs, new Path(dir, src.getName()), false, hadoop);
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy " + file + " into the saved stage at " + dir, e);
            }
        }
    }

    /** Reads the params and points modelPath and labelsPath at the copies saved with the stage. */
    private static final class Reader extends MLReader<MobileNetClassifier> {
        @Override
        public MobileNetClassifier load(String path) {
            DefaultParamsReader.Metadata md = DefaultParamsReader.loadMetadata(path, sparkSession(), MobileNetClassifier.class.getName());
            MobileNetClassifier c = new MobileNetClassifier(md.uid());
            md.getAndSetParams(c, scala.Option.empty());
            Configuration hadoop = sparkSession().sparkContext().hadoopConfiguration();
            if (c.isDefined(c.modelPath)) {
                c.setModelPath(copied(hadoop, new Path(path, "model"), c.value(c.modelPath)));
            }
            String lp = c.value(c.labelsPath);
            if (!lp.isBlank()) {
                c.setLabelsPath(copied(hadoop, new Path(path, "labels"), lp));
            }
            return c;
        }

        private static String copied(Configuration hadoop, Path dir, String original) {
            try {
                Path p = new Path(dir, new Path(original).getName());
                if (!p.getFileSystem(hadoop).exists(p)) {
                    throw new IllegalArgumentException("the saved stage has no copy of " + original + " (expected " + p + ")");
                }
                return p.getFileSystem(hadoop).makeQualified(p).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
