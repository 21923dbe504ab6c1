package dev.mobilevec.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Shared fixtures: a local[2] session, the golden model and images, a folder with bad files in it. */
final class SparkTestSupport {
    private SparkTestSupport() {}

    static Path testData(String name) {
        Path p = Path.of("test-data", name);
        return Files.exists(p) ? p.toAbsolutePath() : Path.of("..", "test-data", name).toAbsolutePath().normalize();
    }

    /** torchvision MobileNetV2 0.5 at 160x160, 1000 classes (ImageNet labels apply). */
    static Path model() {
        return testData("mobilenet_v2_0.5_160.onnx");
    }

    static SparkSession session(String master, boolean kryo) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("mobilevec-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString());
        if (kryo) {
            b = b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        }
        return b.getOrCreate();
    }

    /**
     * The golden images (JPEG, PNG: grey, 16-bit, palette, alpha, CMYK, 1x1, 1x5000), a text file, a truncated
     * JPEG and an empty file, in {@code dir}; returns the count.
     */
    static int imageFolder(Path dir) throws IOException {
        Path src = testData("images").resolve("src");
        Files.createDirectories(dir.resolve("sub"));
        List<Path> files;
        try (var s = Files.list(src)) {
            files = s.sorted().toList();
        }
        int i = 0;
        for (Path f : files) {
            Files.copy(f, (i++ % 2 == 0 ? dir : dir.resolve("sub")).resolve(f.getFileName()));
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        byte[] jpeg = Files.readAllBytes(src.resolve("coffee.jpg"));
        Files.write(dir.resolve("sub/truncated.jpg"), Arrays.copyOf(jpeg, 3000));
        Files.write(dir.resolve("empty.png"), new byte[0]);
        return files.size() + 3;
    }

    /** ./mobilevec classify, run in-process: exit code and stdout. */
    static String classifyJson(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "classify";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = dev.mobilevec.cli.Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0 && code != 1) {
            throw new AssertionError("classify exited with " + code + ": " + err);
        }
        return out.toString();
    }
}
