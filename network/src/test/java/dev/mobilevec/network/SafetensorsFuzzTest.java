package dev.mobilevec.network;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated safetensors files: each load must either give a model that runs, or fail with our own
 * IllegalArgumentException and a message; never another exception (AIOOBE, NPE,
 * NegativeArraySize, OOM), never a hang. Mutations: truncation at every section boundary and at
 * random points, bit flips anywhere, the header length set to 0/small/huge/negative, and JSON edits
 * (dimensions 0/-1/huge, dtype, offsets, duplicate and missing tensors). When a mutated file loads,
 * the model is run once on a small input; whether its weights still make a meaningful network is
 * not asked (a flipped exponent bit is a different, valid model).
 *
 * <p>-Dmobilevec.fuzzCases=N (default 5000) sets the number of random cases.
 */
class SafetensorsFuzzTest {
    static final MobileNetV1 ARCH = new MobileNetV1(0.25, 32, 32, 10, Padding.SYMMETRIC);
    static final int CASES = Integer.getInteger("mobilevec.fuzzCases", 5000);

    static byte[] valid() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("fuzz", ".safetensors");
        try {
            Safetensors.write(f, SeededWeights.generate(ARCH, 1));
            return java.nio.file.Files.readAllBytes(f);
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    /** Outcome of one load: "ok", "rejected", or a failure description. */
    static String load(byte[] bytes) {
        WeightSet ws;
        try {
            ws = Safetensors.parse(bytes, "fuzzed");
            Model m = Model.create(ARCH, ws, Backend.FAST);
            try (Session s = m.newSession(1, 1)) {
                s.run(new float[s.inputLength()], new float[s.outputLength()]);
            }
            return "ok";
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                return "IllegalArgumentException without a message";
            }
            return "rejected";
        } catch (Throwable t) {
            return t.getClass().getName() + ": " + t.getMessage();
        }
    }

    static void check(String what, byte[] bytes, int[] counts) {
        String r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(bytes), what);
        switch (r) {
            case "ok" -> counts[0]++;
            case "rejected" -> counts[1]++;
            default -> fail(what + ": " + r);
        }
    }

    @Test
    void truncationAtEverySectionBoundary() throws Exception {
        byte[] v = valid();
        long n = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        List<Integer> cuts = new ArrayList<>(List.of(0, 1, 7, 8, 9, (int) (8 + n - 1), (int) (8 + n), (int) (8 + n + 1), v.length - 1));
        // Every tensor's first and last byte.
        WeightSet ws = SeededWeights.generate(ARCH, 1);
        int off = (int) (8 + n);
        for (Tensor t : ws.tensors().values()) {
            cuts.add(off);
            off += 4 * t.data().length;
            cuts.add(off - 1);
        }
        int[] counts = new int[2];
        for (int cut : cuts) {
            check("truncated to " + cut + " bytes", java.util.Arrays.copyOf(v, cut), counts);
        }
        if (counts[0] != 0) {
            fail(counts[0] + " truncated files loaded");
        }
    }

    @Test
    void randomMutationsLoadOrFailCleanly() throws Exception {
        byte[] v = valid();
        long n = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(v, 8, (int) n, StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(20261130);
        int[] counts = new int[2];
        for (int i = 0; i < CASES; i++) {
            byte[] m = v.clone();
            String what;
            switch (r.nextInt(6)) {
                case 0 -> { // bit flips anywhere
                    int flips = 1 + r.nextInt(4);
                    StringBuilder w = new StringBuilder("bit flips at");
                    for (int f = 0; f < flips; f++) {
                        int pos = r.nextInt(m.length);
                        m[pos] ^= (byte) (1 << r.nextInt(8));
                        w.append(' ').append(pos);
                    }
                    what = w.toString();
                }
                case 1 -> { // bit flips in the header only
                    int pos = 8 + r.nextInt((int) n);
                    m[pos] ^= (byte) (1 << r.nextInt(8));
                    what = "header bit flip at " + pos;
                }
                case 2 -> { // header length field
                    long[] lengths = {0, 1, n - 1, n + 1, m.length, Long.MAX_VALUE, -1, Integer.MAX_VALUE, 1L << 32};
                    long len = lengths[r.nextInt(lengths.length)];
                    ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putLong(0, len);
                    what = "header length " + len;
                }
                case 3 -> { // random truncation
                    int cut = r.nextInt(m.length);
                    m = java.util.Arrays.copyOf(m, cut);
                    what = "truncated at " + cut;
                }
                default -> { // JSON edits, the header padded back to its length so offsets stay valid
                    String[][] edits = {
                        {"\"shape\":[8,", "\"shape\":[0,"}, {"\"shape\":[8,", "\"shape\":[-1,"}, {"\"shape\":[8,", "\"shape\":[99999999999,"},
                        {"\"shape\":[16]", "\"shape\":[2147483647]"}, {"\"dtype\":\"F32\"", "\"dtype\":\"F64\""},
                        {"\"dtype\":\"F32\"", "\"dtype\":\"I32\""}, {"\"data_offsets\":[0,", "\"data_offsets\":[4,"},
                        {"\"data_offsets\":[", "\"data_offsets\":[-8,"}, {"conv0.weight", "conv0.weighx"},
                        {"\"block1.dw.weight\"", "\"conv0.weight\""}, {"\"fc.bias\":", "\"fc.bias\":{\"x\":"},
                        {"\"bn_eps\":\"", "\"bn_eps\":\"x"}, {"\"bn_eps\":\"1.0E-5\"", "\"bn_eps\":\"-1\""},
                        {":{\"dtype\"", ":[{\"dtype\""}, {"\"shape\":[", "\"shape\":[1,1,1,1,1,1,1,1,1,"}};
                    String[] e = edits[r.nextInt(edits.length)];
                    int at = header.indexOf(e[0], r.nextInt(Math.max(1, header.length() / 2)));
                    if (at < 0) {
                        at = header.indexOf(e[0]);
                    }
                    String h = at < 0 ? header : header.substring(0, at) + e[1] + header.substring(at + e[0].length());
                    byte[] hb = h.getBytes(StandardCharsets.UTF_8);
                    ByteBuffer b = ByteBuffer.allocate(8 + hb.length + (m.length - 8 - (int) n)).order(ByteOrder.LITTLE_ENDIAN);
                    b.putLong(hb.length).put(hb).put(m, 8 + (int) n, m.length - 8 - (int) n);
                    m = b.array();
                    what = "JSON edit " + e[0] + " -> " + e[1] + " at " + at;
                }
            }
            check("case " + i + " (" + what + ")", m, counts);
        }
        System.out.println("[fuzz] safetensors: " + CASES + " mutated files, " + counts[0] + " loaded and ran, " + counts[1] + " rejected with a message");
    }
}
