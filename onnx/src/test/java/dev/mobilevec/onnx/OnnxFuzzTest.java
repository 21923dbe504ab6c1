package dev.mobilevec.onnx;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.CostModel;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.PropagatedBound;
import dev.mobilevec.network.Session;
import dev.mobilevec.onnx.proto.OnnxSubset.AttributeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.GraphProto;
import dev.mobilevec.onnx.proto.OnnxSubset.ModelProto;
import dev.mobilevec.onnx.proto.OnnxSubset.NodeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorShapeProto;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Mutated ONNX files. Each load must either give a model whose fast kernels agree with the reference
 * kernels within the propagated bound, or fail with {@link OnnxException} and a message naming the
 * file; never another exception (AIOOBE, NPE, NegativeArraySize, OOM), never a hang (10 s per case).
 * A model that loads but whose arena the session refuses (a mutated input of 20000x20000) must be
 * refused with an IllegalArgumentException giving the sizes.
 *
 * <p>Seeds: OnnxImporterTest's sample graph (every layer type, tiny) and test-data's
 * v3_blocks_opset13_64 (5x5 depthwise, squeeze-excitation, HardSwish pattern). Mutations:
 * truncation at every field boundary of the protobuf (found by walking it) and next to it; random
 * bit flips; and edits through the schema: dims 0 / -1 / huge / off by one, data types, duplicated
 * and missing initializers, dropped nodes (dangling edges), inputs rewired to later outputs
 * (cycles) or to names that do not exist, attribute values (strides, group, pads, axes) and graph
 * input dimensions. -Dmobilevec.fuzzCases=N (default 5000) sets the number of random cases.
 */
class OnnxFuzzTest {
    static final int CASES = Integer.getInteger("mobilevec.fuzzCases", 5000);

    /** Outcome counts: loaded and equivalent, loaded with non-finite output (bound vacuous), rejected, session refused. */
    static final class Counts {
        int ok, nonFinite, rejected, refusedAtRun;

        @Override
        public String toString() {
            return "loaded and equivalent " + ok + ", loaded with non-finite outputs " + nonFinite + ", rejected " + rejected
                    + ", arena refused " + refusedAtRun;
        }
    }

    static byte[] sample() {
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(dev.mobilevec.onnx.proto.OnnxSubset.OperatorSetIdProto.newBuilder().setVersion(13))
                .setGraph(OnnxImporterTest.sampleGraph()).build().toByteArray();
    }

    static byte[] blocks() throws Exception {
        return Files.readAllBytes(GoldenData.DIR.resolve("v3_blocks_opset13_64.onnx"));
    }

    static String load(byte[] bytes, Counts counts) {
        OnnxImporter.Imported imp;
        try {
            imp = OnnxImporter.parse(bytes, "fuzzed.onnx");
        } catch (OnnxException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("fuzzed.onnx: ") || e.getMessage().length() < 20) {
                return "OnnxException without a proper message: " + e.getMessage();
            }
            counts.rejected++;
            return null;
        } catch (Throwable t) {
            return "escaped from the importer: " + t;
        }
        try {
            Model fast = imp.model(Backend.FAST);
            if (CostModel.totalMacs(fast.layers()) > 30_000_000L) {
                // Loads, but too big to check against the scalar reference in the fuzz budget: must still be runnable or refused clearly.
                try (Session s = fast.newSession(1, 1)) {
                    counts.ok++;
                    return null;
                } catch (IllegalArgumentException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("activation buffers")) {
                        return "a loaded model was refused after import: " + e;
                    }
                    counts.refusedAtRun++;
                    return null;
                }
            }
            float[] x = new float[fast.arch().inputLength()];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (r.nextDouble() * 2 - 1);
            }
            float[] got = new float[fast.outputLength()];
            try (Session s = fast.newSession(1, 1)) {
                s.run(x, got);
            }
            PropagatedBound.Result ref = PropagatedBound.of(fast, 1, x);
            boolean finite = true;
            double[] expected = new double[got.length];
            for (int i = 0; i < got.length; i++) {
                expected[i] = ref.reference()[i];
                finite &= Float.isFinite(got[i]) && Double.isFinite(ref.bound()[i]);
            }
            PropagatedBound.assertWithin("fuzzed model", expected, got, ref.bound(), 1);
            if (finite) {
                counts.ok++;
            } else {
                counts.nonFinite++;
            }
            return null;
        } catch (IllegalArgumentException e) {
            // Only the session's arena check may refuse a model that imported.
            if (e.getMessage() == null || !e.getMessage().contains("activation buffers")) {
                return "a loaded model was refused after import: " + e;
            }
            counts.refusedAtRun++;
            return null;
        } catch (Throwable t) {
            return "a loaded model failed: " + t;
        }
    }

    static void check(String what, byte[] bytes, Counts counts) {
        String r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(bytes, counts), what);
        if (r != null) {
            // Keep the failing file for a rerun: ./mobilevec inspect --model target/fuzz-failures/...
            java.nio.file.Path dir = java.nio.file.Path.of("target", "fuzz-failures");
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve(what.replaceAll("[^A-Za-z0-9]+", "_") + ".onnx"), bytes);
            } catch (java.io.IOException e) {
                r += " (could not save the file: " + e + ")";
            }
            fail(what + ": " + r + " (saved in " + dir.toAbsolutePath() + ")");
        }
    }

    /** Start and end offsets of every field, recursing into length-delimited fields that parse as messages. */
    static void boundaries(byte[] b, int from, int to, TreeSet<Integer> out, int depth) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(b, from, to - from);
            while (!in.isAtEnd()) {
                int start = from + in.getTotalBytesRead();
                int tag = in.readTag();
                if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int len = in.readRawVarint32();
                    int body = from + in.getTotalBytesRead();
                    in.skipRawBytes(len);
                    if (depth < 6 && isMessage(b, body, body + len)) {
                        boundaries(b, body, body + len, out, depth + 1);
                    }
                } else {
                    in.skipField(tag);
                }
                out.add(start);
                out.add(from + in.getTotalBytesRead());
            }
        } catch (Exception e) {
            // not a message after all
        }
    }

    static boolean isMessage(byte[] b, int from, int to) {
        if (to - from > 1 << 20) {
            return false; // weights: raw bytes, not a message
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(b, from, to - from);
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                if (tag == 0 || WireFormat.getTagFieldNumber(tag) > 64 || !in.skipField(tag)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void truncationAtEveryFieldBoundary() throws Exception {
        Counts counts = new Counts();
        int n = 0;
        for (byte[] v : List.of(sample(), blocks())) {
            TreeSet<Integer> cuts = new TreeSet<>();
            boundaries(v, 0, v.length, cuts, 0);
            for (int c : new ArrayList<>(cuts)) {
                cuts.add(c - 1);
                cuts.add(c + 1);
            }
            for (int c : cuts) {
                if (c >= 0 && c < v.length) {
                    check("truncated at " + c + " of " + v.length, java.util.Arrays.copyOf(v, c), counts);
                    n++;
                }
            }
        }
        assertTrue(n > 1000, "expected many boundaries, got " + n);
        System.out.println("ONNX truncation: " + n + " cases; " + counts);
    }

    @Test
    void randomBitFlips() throws Exception {
        Counts counts = new Counts();
        byte[][] seeds = {sample(), blocks()};
        SplittableRandom r = new SplittableRandom(17);
        int cases = CASES / 2;
        for (int i = 0; i < cases; i++) {
            // The tiny sample for most cases: every loaded mutant is checked against the reference.
            byte[] v = (i % 10 == 0 ? seeds[1] : seeds[0]).clone();
            int flips = 1 + r.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = r.nextInt(v.length);
                v[at] ^= (byte) (1 << r.nextInt(8));
            }
            check("bit flips, case " + i, v, counts);
        }
        System.out.println("ONNX bit flips: " + cases + " cases; " + counts);
    }

    @Test
    void structuredEdits() throws Exception {
        Counts counts = new Counts();
        ModelProto[] seeds = {ModelProto.parseFrom(sample()), ModelProto.parseFrom(blocks())};
        SplittableRandom r = new SplittableRandom(23);
        int cases = CASES / 2;
        int[] kinds = new int[10];
        for (int i = 0; i < cases; i++) {
            ModelProto m = seeds[i % 10 == 0 ? 1 : 0];
            int kind = r.nextInt(kinds.length);
            kinds[kind]++;
            ModelProto.Builder b = m.toBuilder();
            GraphProto.Builder g = b.getGraphBuilder();
            edit(kind, g, b, r);
            check("edit " + kind + ", case " + i, b.build().toByteArray(), counts);
        }
        System.out.println("ONNX structured edits: " + cases + " cases " + java.util.Arrays.toString(kinds) + "; " + counts);
    }

    static final long[] BAD_DIMS = {0, -1, 1L << 40, Integer.MAX_VALUE, -(1L << 62)};

    static void edit(int kind, GraphProto.Builder g, ModelProto.Builder m, SplittableRandom r) {
        switch (kind) {
            case 0 -> { // an initializer dimension
                int t = r.nextInt(g.getInitializerCount());
                TensorProto.Builder tb = g.getInitializerBuilder(t);
                if (tb.getDimsCount() > 0) {
                    int d = r.nextInt(tb.getDimsCount());
                    tb.setDims(d, r.nextBoolean() ? BAD_DIMS[r.nextInt(BAD_DIMS.length)] : tb.getDims(d) + (r.nextBoolean() ? 1 : -1));
                } else {
                    tb.addDims(r.nextInt(5));
                }
            }
            case 1 -> g.getInitializerBuilder(r.nextInt(g.getInitializerCount())).setDataType(new int[] {0, 2, 7, 10, 11, 16, 99, -3}[r.nextInt(8)]);
            case 2 -> g.addInitializer(g.getInitializer(r.nextInt(g.getInitializerCount()))); // duplicate
            case 3 -> g.removeInitializer(r.nextInt(g.getInitializerCount())); // missing
            case 4 -> g.removeNode(r.nextInt(g.getNodeCount())); // dangling edges
            case 5 -> { // an input rewired to a later node's output: a cycle, or at least out of order
                int a = r.nextInt(g.getNodeCount()), b = r.nextInt(g.getNodeCount());
                NodeProto.Builder nb = g.getNodeBuilder(Math.min(a, b));
                nb.setInput(0, g.getNode(Math.max(a, b)).getOutput(0));
            }
            case 6 -> g.getNodeBuilder(r.nextInt(g.getNodeCount())).setInput(0, "no such tensor " + r.nextInt(3));
            case 7 -> { // an attribute value
                NodeProto.Builder nb = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
                if (nb.getAttributeCount() == 0) {
                    nb.addAttribute(AttributeProto.newBuilder().setName("group").setI(r.nextInt(4) - 1));
                } else {
                    AttributeProto.Builder ab = nb.getAttributeBuilder(r.nextInt(nb.getAttributeCount()));
                    if (ab.getIntsCount() > 0) {
                        ab.setInts(r.nextInt(ab.getIntsCount()), new long[] {0, -1, 3, 7, 1L << 33}[r.nextInt(5)]);
                    } else {
                        ab.setI(new long[] {0, -1, 2, 1L << 40}[r.nextInt(4)]).setF(new float[] {Float.NaN, -1, 1e30f}[r.nextInt(3)]);
                    }
                }
            }
            case 8 -> { // graph input dimensions
                TensorShapeProto.Builder s = g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
                int d = r.nextInt(s.getDimCount());
                if (r.nextInt(4) == 0) {
                    s.getDimBuilder(d).setDimParam("dyn");
                } else {
                    s.getDimBuilder(d).setDimValue(new long[] {0, -1, 1L << 40, 20000, 1, 3}[r.nextInt(6)]);
                }
            }
            default -> m.getOpsetImportBuilder(0).setVersion(new long[] {0, 8, 9, 11, 14, 18, -1, 1L << 40}[r.nextInt(8)]);
        }
    }
}
