package dev.mobilevec.network.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mobilevec.network.Layout;
import dev.mobilevec.network.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decoding and preprocessing against Pillow 9.4 and torchvision 0.14 (test-data/images, made by its
 * generate.py): real photographs (JPEG), and synthetic edge cases (1x1, 1x5000, odd sizes, below the
 * crop, grey, palette, alpha, 16-bit grey, grey JPEG, CMYK JPEG).
 */
class ImageGoldenTest {
    static final Path DIR = Files.isDirectory(Path.of("test-data/images")) ? Path.of("test-data/images") : Path.of("../test-data/images");
    static final Preprocessing SMALL = Preprocessing.IMAGENET.withSizes(64, 56);

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        return (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(Files.readString(DIR.resolve("manifest.json")))).get("cases");
    }

    static RgbImage png(String rel) throws IOException {
        return new ImageDecoder().decode(DIR.resolve(rel));
    }

    static String diff(RgbImage want, RgbImage got) {
        if (want.width() != got.width() || want.height() != got.height()) {
            return "size " + got.width() + "x" + got.height() + ", expected " + want.width() + "x" + want.height();
        }
        int count = 0, max = 0, first = -1;
        for (int i = 0; i < want.rgb().length; i++) {
            int d = Math.abs((want.rgb()[i] & 0xff) - (got.rgb()[i] & 0xff));
            if (d != 0) {
                count++;
                max = Math.max(max, d);
                first = first < 0 ? i : first;
            }
        }
        return count == 0 ? null : count + " of " + want.rgb().length + " bytes differ (max " + max + ", first at pixel " + first / 3 + ")";
    }

    /** The uint8 pixels after Resize(256) + CenterCrop(224) equal Pillow's, from the same decoded pixels. */
    @Test
    void resizeAndCropEqualPillowByteForByte() throws IOException {
        int checked = 0;
        for (Map<String, Object> c : cases()) {
            if (c.containsKey("error")) {
                continue;
            }
            RgbImage decoded = png((String) c.get("decoded"));
            String d = diff(png((String) c.get("r256c224")), Preprocessing.IMAGENET.resizeAndCrop(decoded));
            assertEquals(null, d, c.get("source") + ": resize + crop");
            checked++;
        }
        assertTrue(checked >= 13, "cases checked: " + checked);
    }

    /** The float tensor equals torchvision's (Resize(64), CenterCrop(56), ToTensor, Normalize), bit for bit. */
    @Test
    void tensorEqualsTorchvision() throws IOException {
        for (Map<String, Object> c : cases()) {
            if (c.containsKey("error")) {
                continue;
            }
            float[] got = SMALL.apply(png((String) c.get("decoded")), Layout.NCHW);
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(DIR.resolve((String) c.get("r64c56")))).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(b.remaining() / 4, got.length, c.get("source") + ": tensor length");
            for (int i = 0; i < got.length; i++) {
                float want = b.getFloat(4 * i);
                assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got[i]), c.get("source") + " element " + i + ": " + got[i] + " vs " + want);
            }
        }
    }

    /** Our decoding of each source file equals Pillow's convert("RGB") byte for byte, JPEG and CMYK included. */
    @Test
    void decodingEqualsPillow() throws IOException {
        List<String> report = new ArrayList<>();
        for (Map<String, Object> c : cases()) {
            String src = (String) c.get("source");
            if (c.containsKey("error")) {
                continue;
            }
            RgbImage ours;
            try {
                ours = new ImageDecoder().decode(DIR.resolve(src));
            } catch (IOException e) {
                throw new AssertionError(src + " should decode: " + e.getMessage(), e);
            }
            String d = diff(png((String) c.get("decoded")), ours);
            report.add(src + " (" + c.get("mode") + "): " + (d == null ? "identical" : d));
        }
        System.out.println("decoding vs Pillow:\n  " + String.join("\n  ", report));
        assertTrue(report.size() >= 14 && report.stream().allMatch(l -> l.endsWith(": identical")), String.join("\n", report));
    }

    @Test
    void badFilesGiveOneLineReasons(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        byte[] jpeg = Files.readAllBytes(DIR.resolve("src/chelsea.jpg"));
        IOException e = assertThrows(IOException.class, () -> new ImageDecoder().decode(new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IOException.class, () -> new ImageDecoder().decode("hello, not an image".getBytes()));
        assertTrue(e.getMessage().startsWith("not an image"), e.getMessage());
        e = assertThrows(IOException.class, () -> new ImageDecoder(100_000).decode(jpeg));
        assertEquals("JPEG header declares 451x300 = 135300 pixels, more than the limit of 100000 (refused before decoding)", e.getMessage());
    }
}
