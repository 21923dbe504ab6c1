package dev.mobilevec.network;

import dev.mobilevec.network.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of
 * JSON header ({@code {"__metadata__": {...}, "name": {"dtype": "F32", "shape": [...],
 * "data_offsets": [begin, end]}, ...}}), then the raw little-endian data, offsets relative to its
 * start. Only F32 tensors are accepted. Every length, shape and byte range is checked before
 * anything is allocated, and errors name the tensor and the mismatch.
 */
public final class Safetensors {
    /** Headers larger than this are refused (the format's own reference limit is 100 MB). */
    static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    public static void write(Path file, WeightSet ws) throws IOException {
        StringBuilder h = new StringBuilder("{");
        h.append("\"__metadata__\":{");
        boolean firstMeta = true;
        for (Map.Entry<String, String> e : ws.metadata().entrySet()) {
            h.append(firstMeta ? "" : ",").append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            firstMeta = false;
        }
        h.append('}');
        long offset = 0;
        for (Tensor t : ws.tensors().values()) {
            long bytes = 4L * t.data().length;
            h.append(',').append(Json.quote(t.name())).append(":{\"dtype\":\"F32\",\"shape\":[");
            int[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) {
                h.append(d == 0 ? "" : ",").append(shape[d]);
            }
            h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        // Pad the header with spaces so the data starts 8-byte aligned, as the format recommends.
        int pad = (8 - header.length % 8) % 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + header.length + pad + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length + pad).put(header);
        for (int k = 0; k < pad; k++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : ws.tensors().values()) {
            buf.asFloatBuffer().put(t.data());
            buf.position(buf.position() + 4 * t.data().length);
        }
        Files.write(file, buf.array());
    }

    public static WeightSet read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(file + ": " + size + " bytes is larger than this reader supports (2 GB)");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses a whole file held in memory; {@code source} names it in messages. */
    public static WeightSet parse(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException(source + ": " + bytes.length + " bytes, too short for the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8L) {
            throw new IllegalArgumentException(source + ": header length " + n + " at offset 0 does not fit: the file has "
                    + (bytes.length - 8L) + " bytes after it (and headers are limited to " + MAX_HEADER + ")");
        }
        String text = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage() + " (header starts at byte offset 8)", e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": the header must be a JSON object");
        }
        long dataStart = 8 + n, dataLen = bytes.length - dataStart;
        WeightSet ws = new WeightSet();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> meta)) {
                    throw new IllegalArgumentException(source + ": __metadata__ must be an object of strings");
                }
                for (Map.Entry<?, ?> m : meta.entrySet()) {
                    if (!(m.getValue() instanceof String v)) {
                        throw new IllegalArgumentException(source + ": __metadata__ value for " + m.getKey() + " must be a string");
                    }
                    ws.putMetadata((String) m.getKey(), v);
                }
                continue;
            }
            String where = source + ": tensor " + name;
            if (!(e.getValue() instanceof Map<?, ?> info)) {
                throw new IllegalArgumentException(where + ": entry must be an object");
            }
            Object dtype = info.get("dtype");
            if (!"F32".equals(dtype)) {
                throw new IllegalArgumentException(where + ": dtype " + dtype + " is not supported, expected F32");
            }
            if (!(info.get("shape") instanceof List<?> shapeList)) {
                throw new IllegalArgumentException(where + ": missing shape");
            }
            if (shapeList.size() > 8) {
                throw new IllegalArgumentException(where + ": " + shapeList.size() + " dimensions, at most 8 supported");
            }
            int[] shape = new int[shapeList.size()];
            long count = 1;
            for (int d = 0; d < shape.length; d++) {
                if (!(shapeList.get(d) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(where + ": dimension " + d + " is " + shapeList.get(d) + ", expected an integer >= 0");
                }
                shape[d] = (int) (long) v;
                count *= v; // both factors < 2^31: no long overflow
                if (count > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(where + ": shape " + shapeList + " has more than " + Integer.MAX_VALUE + " elements");
                }
            }
            if (!(info.get("data_offsets") instanceof List<?> off) || off.size() != 2
                    || !(off.get(0) instanceof Long begin) || !(off.get(1) instanceof Long end)) {
                throw new IllegalArgumentException(where + ": data_offsets must be [begin, end]");
            }
            if (begin < 0 || end < begin || end > dataLen) {
                throw new IllegalArgumentException(where + ": data_offsets [" + begin + ", " + end + "] outside the "
                        + dataLen + " data bytes (file offsets " + dataStart + ".." + bytes.length + ")");
            }
            if (end - begin != 4 * count) {
                throw new IllegalArgumentException(where + ": shape " + shapeList + " needs " + 4 * count + " bytes, data_offsets ["
                        + begin + ", " + end + "] hold " + (end - begin));
            }
            ranges.add(new long[] {begin, end});
            float[] data = new float[(int) count];
            ByteBuffer.wrap(bytes, (int) (dataStart + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            try {
                ws.put(new Tensor(name, shape, data));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int k = 1; k < ranges.size(); k++) {
            if (ranges.get(k)[0] < ranges.get(k - 1)[1]) {
                throw new IllegalArgumentException(source + ": tensors overlap at data bytes " + ranges.get(k)[0] + ".." + ranges.get(k - 1)[1]);
            }
        }
        return ws;
    }
}
