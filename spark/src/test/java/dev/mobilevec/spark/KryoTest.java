package dev.mobilevec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same job with the Kryo serializer (which needs Spark's --add-opens list, in Surefire's argLine): the same rows. */
class KryoTest {
    @Test
    void kryoGivesTheSameRows(@TempDir Path tmp) throws Exception {
        Path images = tmp.resolve("images");
        int count = SparkTestSupport.imageFolder(images);
        SparkSession java = SparkTestSupport.session("local[2]", false);
        Map<String, String> expected;
        try {
            MobileNetClassifierTest.spark = java;
            MobileNetClassifierTest.images = images;
            expected = MobileNetClassifierTest.byPath(MobileNetClassifierTest.classifier().transform(MobileNetClassifierTest.files()));
        } finally {
            java.stop();
        }
        SparkSession kryo = SparkTestSupport.session("local[2]", true);
        try {
            assertEquals("org.apache.spark.serializer.KryoSerializer", kryo.conf().get("spark.serializer"));
            MobileNetClassifierTest.spark = kryo;
            // A shuffle before and after, so rows and the broadcast model bytes go through Kryo.
            var out = MobileNetClassifierTest.classifier().setBatchSize(5).transform(MobileNetClassifierTest.files().repartition(3)).repartition(2);
            Map<String, String> actual = MobileNetClassifierTest.byPath(out);
            assertEquals(count - 1, actual.size()); // Spark gives no row for the 0-byte file
            assertEquals(expected, actual);
        } finally {
            kryo.stop();
        }
    }
}
