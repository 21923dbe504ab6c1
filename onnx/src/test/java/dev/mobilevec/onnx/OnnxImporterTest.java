package dev.mobilevec.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.mobilevec.kernels.Activation;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.LayerType;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import dev.mobilevec.onnx.proto.OnnxSubset.AttributeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.GraphProto;
import dev.mobilevec.onnx.proto.OnnxSubset.ModelProto;
import dev.mobilevec.onnx.proto.OnnxSubset.NodeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.OperatorSetIdProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorShapeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TypeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The importer on small graphs built here with our own schema classes: what maps to what, and
 * that every graph we cannot run is refused at load with the node, the op and the reason.
 */
class OnnxImporterTest {

    // ---- a tiny graph builder ----

    static TensorProto floats(String name, float[] v, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static TensorProto ints(String name, long... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        return t.build();
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    static AttributeProto intsAttr(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    static ValueInfoProto info(String name, Object... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            s.addDim(d instanceof String p ? TensorShapeProto.Dimension.newBuilder().setDimParam(p).build()
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()).build());
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))).build();
    }

    static final int C = 8, H = 12, W = 10, CLASSES = 5;

    /** Conv3x3/s2 + BN + Clip(0,6) -> depthwise 3x3 + Relu -> 1x1 -> Add(residual) -> HardSwish -> pool -> flatten -> Gemm -> Softmax. */
    static GraphProto.Builder sampleGraph() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("sample");
        g.addInput(info("x", "N", 3, H, W));
        g.addOutput(info("y", "N", CLASSES));
        g.addInitializer(floats("w0", random(C * 3 * 9, 1), C, 3, 3, 3));
        g.addInitializer(floats("g", random(C, 2), C));
        g.addInitializer(floats("b", random(C, 3), C));
        g.addInitializer(floats("m", random(C, 4), C));
        float[] var = random(C, 5);
        for (int i = 0; i < C; i++) {
            var[i] = 0.5f + Math.abs(var[i]);
        }
        g.addInitializer(floats("v", var, C));
        g.addInitializer(floats("lo", new float[] {0}));
        g.addInitializer(floats("hi", new float[] {6}));
        g.addInitializer(floats("wd", random(C * 9, 6), C, 1, 3, 3));
        g.addInitializer(floats("bd", random(C, 7), C));
        g.addInitializer(floats("wp", random(C * C, 8), C, C, 1, 1));
        g.addInitializer(floats("wf", random(CLASSES * C, 9), CLASSES, C));
        g.addInitializer(floats("bf", random(CLASSES, 10), CLASSES));
        g.addNode(node("Conv", "stem", List.of("x", "w0"), "c0", intsAttr("kernel_shape", 3, 3), intsAttr("strides", 2, 2),
                intsAttr("pads", 1, 1, 1, 1)));
        g.addNode(node("BatchNormalization", "bn", List.of("c0", "g", "b", "m", "v"), "b0", floatAttr("epsilon", 1e-3f)));
        g.addNode(node("Clip", "relu6", List.of("b0", "lo", "hi"), "a0"));
        g.addNode(node("Conv", "dw", List.of("a0", "wd", "bd"), "c1", intAttr("group", C), intsAttr("pads", 1, 1, 1, 1)));
        g.addNode(node("Relu", "relu", List.of("c1"), "a1"));
        g.addNode(node("Conv", "pw", List.of("a1", "wp"), "c2"));
        g.addNode(node("Add", "add", List.of("c2", "a0"), "s"));
        g.addNode(node("HardSwish", "hs", List.of("s"), "h"));
        g.addNode(node("GlobalAveragePool", "pool", List.of("h"), "p"));
        g.addNode(node("Flatten", "flat", List.of("p"), "f"));
        g.addNode(node("Gemm", "fc", List.of("f", "wf", "bf"), "z", intAttr("transB", 1)));
        g.addNode(node("Softmax", "softmax", List.of("z"), "y", intAttr("axis", 1)));
        return g;
    }

    static byte[] model(GraphProto.Builder g, int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(g).build().toByteArray();
    }

    static OnnxImporter.Imported load(GraphProto.Builder g) {
        return OnnxImporter.parse(model(g, 13), "t.onnx");
    }

    static void refused(String expected, UnaryOperator<GraphProto.Builder> edit) {
        refused(expected, model(edit.apply(sampleGraph()), 13));
    }

    static void refused(String expected, byte[] file) {
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxImporter.parse(file, "t.onnx"));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention '" + expected + "'");
        assertTrue(e.getMessage().startsWith("t.onnx: "), e.getMessage());
    }

    // ---- mapping ----

    @Test
    void mapsTheSampleGraphOntoFusedLayers() {
        OnnxImporter.Imported imp = load(sampleGraph());
        List<LayerDef> l = imp.arch().layers();
        assertEquals(List.of(LayerType.CONV3X3, LayerType.DEPTHWISE, LayerType.POINTWISE, LayerType.ADD, LayerType.AVGPOOL,
                LayerType.FC, LayerType.SOFTMAX), l.stream().map(LayerDef::type).toList());
        assertEquals(Activation.RELU6, l.get(0).activation(), "Clip(0, 6) fused into the stem");
        assertEquals(Activation.RELU, l.get(1).activation());
        assertEquals(Activation.NONE, l.get(2).activation());
        assertEquals(Activation.HARDSWISH, l.get(3).activation(), "HardSwish fused into the add");
        assertEquals(2, l.get(3).input());
        assertEquals(0, l.get(3).input2(), "the residual reads the stem's output");
        assertEquals(3, imp.arch().inputChannels());
        assertEquals(CLASSES, imp.arch().outputLength());
    }

    /** The imported sample against the same network computed here by hand in double precision. */
    @Test
    void importedSampleComputesTheGraphsMeaning() {
        OnnxImporter.Imported imp = load(sampleGraph());
        float[] x = random(3 * H * W, 99); // NCHW
        float[] y = new float[CLASSES];
        Model m = imp.model(Backend.FAST);
        try (Session s = m.newSession(1, 1)) {
            s.run(x, 0, dev.mobilevec.network.Layout.NCHW, y, 0, null);
        }
        double[] expected = HandComputed.sample(sampleGraph().build(), x, H, W, C, CLASSES);
        // Within c = 2 times the first-order bound of any float32 evaluation (see OnnxGoldenTest).
        double[] bound = new dev.mobilevec.network.AdjointBound(m, 1, GoldenData.nchwToNhwc(x, 1, 3, H, W)).bound();
        dev.mobilevec.network.PropagatedBound.assertWithin("sample vs hand-computed", expected, y, bound, 2);
    }

    @Test
    void clipAttributeFormAtOpset10AndHardSwishAsMulOfHardSigmoid() {
        GraphProto.Builder g = sampleGraph();
        g.setNode(2, node("Clip", "relu6", List.of("b0"), "a0", floatAttr("min", 0), floatAttr("max", 6)));
        g.removeInitializer(6).removeInitializer(5); // lo, hi
        // HardSwish as s * HardSigmoid(s), the pre-opset-14 export.
        g.setNode(7, node("HardSigmoid", "hsig", List.of("s"), "gate", floatAttr("alpha", 1f / 6), floatAttr("beta", 0.5f)));
        g.addNode(8, node("Mul", "mul", List.of("s", "gate"), "h"));
        OnnxImporter.Imported imp = OnnxImporter.parse(model(g, 10), "t.onnx");
        assertEquals(Activation.RELU6, imp.arch().layers().get(0).activation());
        assertEquals(Activation.HARDSWISH, imp.arch().layers().get(3).activation());
        // Same function as the opset-13 sample.
        float[] x = random(3 * H * W, 5), a = new float[CLASSES], b = new float[CLASSES];
        try (Session s = imp.model(Backend.REFERENCE).newSession(1, 1); Session t = load(sampleGraph()).model(Backend.REFERENCE).newSession(1, 1)) {
            s.run(x, a);
            t.run(x, b);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(b, a);
    }

    static float[] runSample(OnnxImporter.Imported imp) {
        float[] x = random(imp.arch().inputLength(), 77), y = new float[imp.arch().outputLength()];
        try (Session s = imp.model(Backend.FAST).newSession(1, 1)) {
            s.run(x, 0, dev.mobilevec.network.Layout.NCHW, y, 0, null);
        }
        return y;
    }

    static int nodeIndex(GraphProto.Builder g, String name) {
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The same function written with other ops or encodings maps to the same layers and gives the same bits. */
    @Test
    void equivalentFormulationsGiveTheSameBits() {
        float[] base = runSample(load(sampleGraph()));
        java.util.Map<String, UnaryOperator<GraphProto.Builder>> variants = new java.util.LinkedHashMap<>();
        variants.put("Reshape [-1, C] (int64_data)", g -> g.addInitializer(ints("shape", -1, C))
                .setNode(nodeIndex(g, "flat"), node("Reshape", "flat", List.of("p", "shape"), "f")));
        variants.put("Reshape [0, C] (int32 raw)", g -> g.addInitializer(TensorProto.newBuilder().setName("shape")
                        .setDataType(TensorProto.DataType.INT32_VALUE).addDims(2)
                        .setRawData(ByteString.copyFrom(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(C).array())))
                .setNode(nodeIndex(g, "flat"), node("Reshape", "flat", List.of("p", "shape"), "f")));
        variants.put("ReduceMean keepdims=1", g -> g.setNode(nodeIndex(g, "pool"),
                node("ReduceMean", "pool", List.of("h"), "p", intsAttr("axes", 2, 3))));
        variants.put("ReduceMean axes [-1, -2] keepdims=0, no Flatten", g -> {
            g.setNode(nodeIndex(g, "pool"), node("ReduceMean", "pool", List.of("h"), "f", intsAttr("axes", -1, -2), intAttr("keepdims", 0)));
            return g.removeNode(nodeIndex(g, "flat"));
        });
        variants.put("MatMul + Add bias", g -> {
            float[] wf = HandComputed.t(g.build(), "wf").length > 0 ? toFloat(HandComputed.t(g.build(), "wf")) : null;
            float[] wt = new float[C * CLASSES];
            for (int o = 0; o < CLASSES; o++) {
                for (int i = 0; i < C; i++) {
                    wt[i * CLASSES + o] = wf[o * C + i];
                }
            }
            g.addInitializer(floats("wt", wt, C, CLASSES));
            int fc = nodeIndex(g, "fc");
            g.setNode(fc, node("MatMul", "fc", List.of("f", "wt"), "zm"));
            return g.addNode(fc + 1, node("Add", "bias", List.of("bf", "zm"), "z"));
        });
        variants.put("Gemm transB=0, C as [1, M]", g -> {
            float[] wf = toFloat(HandComputed.t(g.build(), "wf"));
            float[] wt = new float[C * CLASSES];
            for (int o = 0; o < CLASSES; o++) {
                for (int i = 0; i < C; i++) {
                    wt[i * CLASSES + o] = wf[o * C + i];
                }
            }
            g.addInitializer(floats("wt", wt, C, CLASSES));
            g.addInitializer(floats("bf2", toFloat(HandComputed.t(g.build(), "bf")), 1, CLASSES));
            return g.setNode(nodeIndex(g, "fc"), node("Gemm", "fc", List.of("f", "wt", "bf2"), "z"));
        });
        variants.put("Dropout and Identity in between", g -> {
            int flat = nodeIndex(g, "flat");
            g.setNode(flat, node("Flatten", "flat", List.of("p"), "f0"));
            g.addNode(flat + 1, node("Dropout", "drop", List.of("f0"), "f1", floatAttr("ratio", 0.2f)));
            return g.addNode(flat + 2, node("Identity", "id", List.of("f1"), "f"));
        });
        variants.put("weights as float_data", g -> g.setInitializer(0, TensorProto.newBuilder().setName("w0").addAllDims(List.of((long) C, 3L, 3L, 3L))
                .setDataType(1).addAllFloatData(boxed(random(C * 3 * 9, 1))).build()));
        variants.put("Constant node for the Clip bounds", g -> {
            g.removeInitializer(6).removeInitializer(5);
            g.addNode(0, NodeProto.newBuilder().setOpType("Constant").setName("c_lo").addOutput("lo")
                    .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                            .setT(floats("", new float[] {0})))
                    .build());
            return g.addNode(0, NodeProto.newBuilder().setOpType("Constant").setName("c_hi").addOutput("hi")
                    .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                            .setT(floats("", new float[] {6})))
                    .build());
        });
        variants.put("auto_pad SAME_UPPER on the stride-1 depthwise", g -> g.setNode(nodeIndex(g, "dw"),
                node("Conv", "dw", List.of("a0", "wd", "bd"), "c1", intAttr("group", C),
                        AttributeProto.newBuilder().setName("auto_pad").setS(ByteString.copyFromUtf8("SAME_UPPER")).build())));
        variants.put("auto_pad SAME_LOWER on the stride-1 depthwise", g -> g.setNode(nodeIndex(g, "dw"),
                node("Conv", "dw", List.of("a0", "wd", "bd"), "c1", intAttr("group", C),
                        AttributeProto.newBuilder().setName("auto_pad").setS(ByteString.copyFromUtf8("SAME_LOWER")).build())));
        variants.put("Softmax axis -1 (opset 13 default)", g -> g.setNode(nodeIndex(g, "softmax"), node("Softmax", "softmax", List.of("z"), "y")));
        for (var e : variants.entrySet()) {
            float[] y = runSample(load(e.getValue().apply(sampleGraph())));
            org.junit.jupiter.api.Assertions.assertArrayEquals(base, y, e.getKey());
        }
    }

    @Test
    void autoPadValidAndSameOnStride2MatchExplicitPads() {
        // Stride 2 on 12x10: SAME_UPPER pads (0, 0, 1, 1), SAME_LOWER (1, 1, 0, 0), VALID none.
        String[][] cases = {{"SAME_UPPER", "0,0,1,1"}, {"SAME_LOWER", "1,1,0,0"}, {"VALID", "0,0,0,0"}};
        for (String[] c : cases) {
            long[] p = java.util.Arrays.stream(c[1].split(",")).mapToLong(Long::parseLong).toArray();
            GraphProto.Builder a = sampleGraph(), b = sampleGraph();
            a.setNode(0, node("Conv", "stem", List.of("x", "w0"), "c0", intsAttr("strides", 2, 2),
                    AttributeProto.newBuilder().setName("auto_pad").setS(ByteString.copyFromUtf8(c[0])).build()));
            b.setNode(0, node("Conv", "stem", List.of("x", "w0"), "c0", intsAttr("strides", 2, 2), intsAttr("pads", p)));
            OnnxImporter.Imported ia = load(a), ib = load(b);
            assertEquals(ib.arch().layers().get(0).conv(), ia.arch().layers().get(0).conv(), c[0]);
            org.junit.jupiter.api.Assertions.assertArrayEquals(runSample(ib), runSample(ia), c[0]);
        }
    }

    @Test
    void acceptsExactlyTheOpsetsAndSizesItTests() {
        for (int opset : new int[] {OnnxImporter.MIN_OPSET, 12, OnnxImporter.MAX_OPSET}) {
            GraphProto.Builder g = sampleGraph();
            if (opset < 11) {
                g.setNode(2, node("Clip", "relu6", List.of("b0"), "a0", floatAttr("min", 0), floatAttr("max", 6)));
            }
            if (opset < 13) {
                g.setNode(11, node("Softmax", "softmax", List.of("z"), "y"));
            }
            assertEquals(opset, OnnxImporter.parse(model(g, opset), "t.onnx").opset());
        }
        refused("opset 18", model(sampleGraph(), OnnxImporter.MAX_OPSET + 1));
        refused("opset 8", model(sampleGraph(), OnnxImporter.MIN_OPSET - 1));
        // Input dimensions: up to 65536 each, and C*H*W within int range.
        refused("dimension 2 is 65537", g -> g.setInput(0, info("x", 1, 3, 65537, W)));
        refused("dimension 1 is 0", g -> g.setInput(0, info("x", 1, 0, H, W)));
        refused("batch dimension is 0", g -> g.setInput(0, info("x", 0, 3, H, W)));
        refused("exceeds the int range", g -> g.setInput(0, info("x", 1, 3, 65536, 65536)));
        OnnxImporter.Imported big = load(sampleGraph().setInput(0, info("x", 1, 3, 40, 65536)));
        assertEquals(65536, big.arch().width());
        assertEquals(2, big.declaredBatch() + 1, "declared batch 1");
    }

    @Test
    void refusesBadDataAndParameters() {
        refused("holds 3 floats, shape [8] needs 8", g -> g.setInitializer(1, TensorProto.newBuilder().setName("g").addDims(C).setDataType(1)
                .addAllFloatData(List.of(1f, 2f, 3f)).build()));
        refused("raw_data has 12 bytes, shape [2] needs 16", g -> g.addInitializer(TensorProto.newBuilder().setName("shape")
                        .setDataType(7).addDims(2).setRawData(ByteString.copyFrom(new byte[12])))
                .setNode(9, node("Reshape", "flat", List.of("p", "shape"), "f")));
        refused("holds 1 integers", g -> g.addInitializer(TensorProto.newBuilder().setName("shape").setDataType(7).addDims(2).addInt64Data(5))
                .setNode(9, node("Reshape", "flat", List.of("p", "shape"), "f")));
        refused("reshape of [N,8,1,1] to [3, 8]", g -> g.addInitializer(ints("shape", 3, C))
                .setNode(9, node("Reshape", "flat", List.of("p", "shape"), "f")));
        float[] badVar = new float[C];
        badVar[3] = -1f;
        refused("channel 3: batch-norm parameters must be finite with var + epsilon > 0", g -> g.setInitializer(4, floats("v", badVar, C)));
        float[] nanGamma = new float[C];
        nanGamma[5] = Float.NaN;
        refused("channel 5", g -> g.setInitializer(1, floats("g", nanGamma, C)));
        refused("ReduceMean over axes [1]", g -> g.setNode(8, node("ReduceMean", "pool", List.of("h"), "p", intsAttr("axes", 1))));
        refused("ReduceMean without axes", g -> g.setNode(8, node("ReduceMean", "pool", List.of("h"), "p")));
        refused("training_mode must be false", g -> g.addInitializer(TensorProto.newBuilder().setName("tm").setDataType(9 - 2).addDims(1).addInt64Data(1))
                .setNode(9, node("Flatten", "flat", List.of("p"), "f0")).addNode(10, node("Dropout", "drop", List.of("f0", "", "tm"), "f")));
        refused("Softmax over axis 0", g -> g.setNode(11, node("Softmax", "softmax", List.of("z"), "y", intAttr("axis", 0))));
        refused("transA=1", g -> g.setNode(10, node("Gemm", "fc", List.of("f", "wf", "bf"), "z", intAttr("transB", 1), intAttr("transA", 1))));
        refused("C has shape [4]", g -> g.setInitializer(g.getInitializerCount() - 1, floats("bf", random(4, 1), 4)));
        refused("B [5, 8] does not fit 8 inputs", g -> g.setNode(10, node("Gemm", "fc", List.of("f", "wf", "bf"), "z")));
        refused("multiplying by a constant", g -> g.setNode(7, node("Mul", "hs", List.of("s", "lo"), "h")));
        refused("auto_pad 'FOO'", g -> g.setNode(3, node("Conv", "dw", List.of("a0", "wd", "bd"), "c1", intAttr("group", C),
                AttributeProto.newBuilder().setName("auto_pad").setS(ByteString.copyFromUtf8("FOO")).build())));
        refused("kernel_shape [5, 5] does not match", g -> g.setNode(0, g.getNode(0).toBuilder().setAttribute(0, intsAttr("kernel_shape", 5, 5)).build()));
        refused("strides [0, 2]", g -> g.setNode(0, g.getNode(0).toBuilder().setAttribute(1, intsAttr("strides", 0, 2)).build()));
        refused("pads [1, 1, 1] must have 4 values", g -> g.setNode(0, g.getNode(0).toBuilder().setAttribute(2, intsAttr("pads", 1, 1, 1)).build()));
        refused("Flatten axis 2", g -> g.setNode(9, node("Flatten", "flat", List.of("p"), "f", intAttr("axis", 2))));
    }

    /** Every op refuses an attribute it does not know, rather than ignoring something that changes its meaning. */
    @Test
    void everyOpRefusesUnknownAttributes() {
        AttributeProto bogus = intAttr("bogus", 1);
        GraphProto.Builder sample = sampleGraph();
        for (int i = 0; i < sample.getNodeCount(); i++) {
            int k = i;
            String op = sample.getNode(i).getOpType();
            refused("(" + op + "): attribute bogus is not supported", g -> g.setNode(k, g.getNode(k).toBuilder().addAttribute(bogus).build()));
        }
        // The ops the sample does not use, in their own small edits.
        refused("(ReduceMean): attribute bogus", g -> g.setNode(8, node("ReduceMean", "pool", List.of("h"), "p", intsAttr("axes", 2, 3), bogus)));
        refused("(Reshape): attribute bogus", g -> g.addInitializer(ints("shape", -1, C)).setNode(9, node("Reshape", "flat", List.of("p", "shape"), "f", bogus)));
        refused("(MatMul): attribute bogus", g -> g.setNode(10, node("MatMul", "fc", List.of("f", "wf"), "z", bogus)));
        refused("(Dropout): attribute bogus", g -> g.setNode(9, node("Flatten", "flat", List.of("p"), "f0")).addNode(10, node("Dropout", "d", List.of("f0"), "f", bogus)));
        refused("(Identity): attribute bogus", g -> g.setNode(9, node("Flatten", "flat", List.of("p"), "f0")).addNode(10, node("Identity", "d", List.of("f0"), "f", bogus)));
        refused("(HardSigmoid): attribute bogus", g -> g.setNode(7, node("HardSigmoid", "hs", List.of("s"), "h", bogus)));
        refused("(Mul): attribute bogus", g -> g.setNode(7, node("Mul", "hs", List.of("s", "s"), "h", bogus)));
        refused("(Constant): only Constant with a 'value' tensor", g -> g.addNode(0, NodeProto.newBuilder().setOpType("Constant").setName("k").addOutput("kk")
                .addAttribute(AttributeProto.newBuilder().setName("value").setT(floats("", new float[] {1}))).addAttribute(bogus).build()));
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static List<Float> boxed(float[] a) {
        List<Float> l = new java.util.ArrayList<>();
        for (float f : a) {
            l.add(f);
        }
        return l;
    }

    // ---- refusals ----

    @Test
    void refusesWhatItCannotRun() {
        refused("node 'relu' (Relu)", g -> g.setNode(4, node("LeakyRelu", "relu", List.of("c1"), "a1")).setNode(4,
                node("Relu", "relu", List.of("c1"), "a1", intAttr("foo", 1))));
        refused("operator LeakyRelu is not supported", g -> g.setNode(4, node("LeakyRelu", "relu", List.of("c1"), "a1")));
        refused("dilations", g -> g.setNode(3, node("Conv", "dw", List.of("a0", "wd", "bd"), "c1", intAttr("group", C),
                intsAttr("pads", 2, 2, 2, 2), intsAttr("dilations", 2, 2))));
        refused("dynamic", g -> g.setInput(0, info("x", "N", 3, "H", W)));
        refused("rank 3", g -> g.setInput(0, info("x", 3, H, W)));
        refused("several inputs", g -> g.addInput(info("x2", 1, 3, H, W)));
        refused("2 outputs", g -> g.addOutput(info("z", "N", CLASSES)));
        refused("dangling", g -> g.setNode(5, node("Conv", "pw", List.of("nowhere", "wp"), "c2")));
        // A cycle cannot be in topological order: the first node reading a later output is dangling.
        refused("not in topological order", g -> g.setNode(1, node("BatchNormalization", "bn", List.of("y", "g", "b", "m", "v"), "b0")));
        refused("defined twice", g -> g.setNode(4, node("Relu", "relu", List.of("c1"), "a0")));
        refused("external data", g -> g.setInitializer(0, g.getInitializer(0).toBuilder().clearRawData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)));
        refused("raw_data has 863 bytes", g -> g.setInitializer(0, g.getInitializer(0).toBuilder()
                .setRawData(g.getInitializer(0).getRawData().substring(1))));
        refused("data type 11", g -> g.setInitializer(0, g.getInitializer(0).toBuilder().setDataType(11)));
        refused("weights [8, 2, 3, 3] with group 1 do not fit 3 input channels",
                g -> g.setInitializer(0, floats("w0", random(C * 2 * 9, 1), C, 2, 3, 3)));
        refused("has shape [7], expected [8]", g -> g.setInitializer(1, floats("g", random(7, 2), 7)));
        refused("is a constant; we need a computed tensor", g -> g.setNode(5, node("Conv", "pw", List.of("wd", "wp"), "c2")));
        refused("BatchNormalization after an activation", g -> g.addNode(5, node("BatchNormalization", "bn2",
                List.of("a1", "g", "b", "m", "v"), "a1b")).setNode(6, node("Conv", "pw", List.of("a1b", "wp"), "c2")));
        refused("which other nodes read too", g -> g.setNode(7, node("Relu", "hs", List.of("c2"), "h2"))
                .setNode(8, node("GlobalAveragePool", "pool", List.of("h2"), "p")).setNode(6, node("Add", "add", List.of("c2", "c2"), "s")));
        refused("only same-shape", g -> g.setNode(6, node("Add", "add", List.of("c2", "c0x"), "s")).addNode(1,
                node("Conv", "side", List.of("x", "w0"), "c0x", intsAttr("pads", 1, 1, 1, 1))));
        refused("no fast kernel", g -> g.setInitializer(0, floats("w0", random(C * 3 * 49, 1), C, 3, 7, 7)).setNode(0,
                node("Conv", "stem", List.of("x", "w0"), "c0", intsAttr("strides", 2, 2), intsAttr("pads", 3, 3, 3, 3))));
        refused("we only flatten 1x1 tensors", g -> g.setNode(9, node("Flatten", "flat", List.of("h"), "f")));
        refused("feature map", g -> g.clearOutput().addOutput(info("h", "N", C, 6, 5)).removeNode(11).removeNode(10)
                .removeNode(9).removeNode(8));
        refused("opset 18 is outside the range", model(sampleGraph(), 18));
        refused("opset 8 is outside the range", model(sampleGraph(), 8));
        refused("operator domain 'com.microsoft'", g -> g.setNode(4, g.getNode(4).toBuilder().setDomain("com.microsoft").build()));
        refused("training_mode=1", g -> g.setNode(1, g.getNode(1).toBuilder().addAttribute(intAttr("training_mode", 1)).build()));
        refused("Clip bounds [6.0, 0.0]", g -> g.setNode(2, node("Clip", "relu6", List.of("b0", "hi", "lo"), "a0")));
    }

    @Test
    void refusesFilesThatAreNotModels() {
        refused("no graph", new byte[0]);
        refused("protobuf parse failed", new byte[] {0x3a, 0x7f, 1, 2});
        byte[] good = model(sampleGraph(), 13);
        refused("protobuf parse failed", java.util.Arrays.copyOf(good, good.length / 2));
        refused("no default-domain opset_import", ModelProto.newBuilder().setGraph(sampleGraph()).build().toByteArray());
    }
}
