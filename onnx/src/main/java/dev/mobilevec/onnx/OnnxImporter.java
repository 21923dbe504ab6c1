package dev.mobilevec.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.BatchNormFold;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.LayerType;
import dev.mobilevec.network.Model;
import dev.mobilevec.onnx.proto.OnnxSubset.AttributeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.GraphProto;
import dev.mobilevec.onnx.proto.OnnxSubset.ModelProto;
import dev.mobilevec.onnx.proto.OnnxSubset.NodeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.OperatorSetIdProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorProto;
import dev.mobilevec.onnx.proto.OnnxSubset.TensorShapeProto;
import dev.mobilevec.onnx.proto.OnnxSubset.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an ONNX graph of a MobileNet-style CNN onto our layer table, converting weights once to
 * our layout (OIHW to OHWI, batch norm folded, Gemm weights as [out][in]).
 *
 * <p>Supported: Conv (dense 3x3 stride 1/2, depthwise 3x3 and 5x5 stride 1/2, 1x1 stride 1; any
 * pads the kernels take, auto_pad, dilations 1), BatchNormalization after a Conv (folded), Relu,
 * Clip (attribute and input forms), HardSigmoid, HardSwish (also as x * HardSigmoid(x)) after a
 * Conv, Gemm or Add (fused into its epilogue), Add of two tensors (residual) or of a constant
 * after a MatMul (bias), Mul of a tensor by a per-channel [N,C,1,1] tensor (squeeze-excitation),
 * GlobalAveragePool and ReduceMean over H and W, Flatten/Reshape of a 1x1 tensor, Gemm and MatMul
 * with constant weights, Softmax over channels, Identity, Dropout (inference), Constant.
 * Default-domain opsets {@value #MIN_OPSET} to {@value #MAX_OPSET}: the range the test models
 * cover. Anything else fails here with an {@link OnnxException} naming the node, op and reason.
 */
public final class OnnxImporter {
    public static final int MIN_OPSET = 9, MAX_OPSET = 17;

    private OnnxImporter() {}

    /** An imported graph: its layer table and our-layout weights, ready for {@link #model}. */
    public record Imported(ImportedNetwork arch, float[][] weights, float[][] biases, int opset, String producer,
                           String inputName, String outputName, int declaredBatch) {
        public Model model(Backend backend) {
            return Model.fromFolded(arch, weights, biases, backend);
        }
    }

    public static Imported read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist or is not a file");
        }
        long size = Files.size(file);
        long heap = Runtime.getRuntime().maxMemory();
        if (size > Integer.MAX_VALUE - 64 || size > heap / 4) {
            throw new OnnxException(file + ": " + size + " bytes is more than we load (at most a quarter of the heap, "
                    + (heap / 4) + " bytes, and under 2 GB; external data files are not supported)");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    public static Imported parse(byte[] bytes, String source) {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(source + ": not an ONNX model (protobuf parse failed: " + e.getMessage() + ")", e);
        }
        return new Builder(m, source).build();
    }

    /** A tensor on the activation path: written by layer {@code layer} (-1: the graph input). */
    private record Value(int layer, int h, int w, int c, boolean flat, String hardSigmoidOf, Activation gate) {
        Value(int layer, int h, int w, int c) {
            this(layer, h, w, c, false, null, null);
        }

        String shape() {
            return flat ? "[N," + c + "]" : "[N," + c + "," + h + "," + w + "]";
        }
    }

    /** A constant: an initializer or a Constant node's value. */
    private record Const(long[] dims, float[] f, long[] i) {
        long count() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    private static final class Layer {
        final String name, node;
        final LayerType type;
        final ConvSpec spec;
        float[] w, b;
        Activation act = Activation.NONE;
        final int input, input2, inH, inW, inC, outH, outW, outC;

        Layer(String name, String node, LayerType type, ConvSpec spec, int input, int input2, int inH, int inW, int inC,
              int outH, int outW, int outC) {
            this.name = name;
            this.node = node;
            this.type = type;
            this.spec = spec;
            this.input = input;
            this.input2 = input2;
            this.inH = inH;
            this.inW = inW;
            this.inC = inC;
            this.outH = outH;
            this.outW = outW;
            this.outC = outC;
        }
    }

    private static final class Builder {
        private final ModelProto model;
        private final String source;
        private final Map<String, Value> values = new HashMap<>();
        private final Map<String, Const> consts = new HashMap<>();
        private final Map<String, TensorProto> initializers = new HashMap<>();
        private final Map<String, Integer> uses = new HashMap<>();
        private final List<Layer> layers = new ArrayList<>();
        private final Set<String> layerNames = new HashSet<>();
        private int opset;
        // The node being mapped, for messages.
        private String nodeName = "", opType = "";

        Builder(ModelProto model, String source) {
            this.model = model;
            this.source = source;
        }

        private OnnxException fail(String reason) {
            return new OnnxException(source + ": node '" + nodeName + "' (" + opType + "): " + reason);
        }

        private OnnxException failModel(String reason) {
            return new OnnxException(source + ": " + reason);
        }

        Imported build() {
            if (!model.hasGraph()) {
                throw failModel("no graph (is this an ONNX model file?)");
            }
            opset = defaultOpset();
            GraphProto g = model.getGraph();
            if (g.getSparseInitializerCount() > 0) {
                throw failModel("sparse initializers are not supported");
            }
            for (TensorProto t : g.getInitializerList()) {
                if (initializers.put(t.getName(), t) != null) {
                    throw failModel("initializer '" + t.getName() + "' is defined twice");
                }
            }
            for (NodeProto n : g.getNodeList()) {
                for (String in : n.getInputList()) {
                    if (!in.isEmpty()) {
                        uses.merge(in, 1, Integer::sum);
                    }
                }
            }
            if (g.getOutputCount() != 1) {
                throw failModel("the graph has " + g.getOutputCount() + " outputs; we run graphs with exactly one");
            }
            String outName = g.getOutput(0).getName();
            uses.merge(outName, 1, Integer::sum);
            ValueInfoProto input = graphInput(g);
            int[] chw = inputShape(input);
            values.put(input.getName(), new Value(-1, chw[1], chw[2], chw[0]));
            int index = 0;
            for (NodeProto n : g.getNodeList()) {
                nodeName = n.getName().isEmpty() ? n.getOpType() + "_" + index : n.getName();
                opType = n.getOpType();
                index++;
                if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                    throw fail("operator domain '" + n.getDomain() + "' is not supported (only the default ONNX domain)");
                }
                for (String out : n.getOutputList()) {
                    if (!out.isEmpty() && (values.containsKey(out) || consts.containsKey(out) || initializers.containsKey(out))) {
                        throw fail("output '" + out + "' is defined twice");
                    }
                }
                if (n.getOutputCount() == 0 || n.getOutput(0).isEmpty()) {
                    throw fail("the node has no output");
                }
                map(n);
            }
            nodeName = "";
            opType = "graph output";
            Value out = values.get(outName);
            if (out == null) {
                throw failModel("the graph output '" + outName + "' is not computed by any node (or is a constant)");
            }
            if (out.hardSigmoidOf() != null) {
                throw failModel("the graph output '" + outName + "' is a HardSigmoid whose input is used elsewhere; not supported");
            }
            if (!out.flat() && out.h() * out.w() > 1) {
                throw failModel("the graph output '" + outName + "' is a feature map " + out.shape()
                        + "; we run classifiers (outputs [N, C] or [N, C, 1, 1])");
            }
            if (layers.isEmpty() || out.layer() != layers.size() - 1) {
                throw failModel("the graph output '" + outName + "' is not the last tensor computed; graphs with side "
                        + "branches past the output are not supported");
            }
            List<LayerDef> defs = new ArrayList<>();
            float[][] w = new float[layers.size()][], b = new float[layers.size()][];
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                defs.add(new LayerDef(i, l.name, l.type, l.spec, l.act, l.inH, l.inW, l.inC, l.outH, l.outW, l.outC, l.input, l.input2));
                w[i] = l.w;
                b[i] = l.b;
                if (l.spec != null) {
                    nodeName = l.node;
                    opType = l.type.label;
                    try {
                        // Refuse at load what no fast kernel runs, naming the node.
                        Backend.FAST.kernel(defs.get(i)).prepare(l.spec, l.w, l.b, l.act);
                    } catch (IllegalArgumentException e) {
                        throw fail(e.getMessage());
                    }
                }
            }
            String name = g.getName().isEmpty() ? "onnx graph" : g.getName();
            int batch = (int) Math.min(Integer.MAX_VALUE, input.getType().getTensorType().getShape().getDim(0).getDimValue());
            return new Imported(new ImportedNetwork(name, chw[1], chw[2], chw[0], defs), w, b, opset,
                    model.getProducerName() + " " + model.getProducerVersion(), input.getName(), outName, batch);
        }

        private int defaultOpset() {
            int found = -1;
            for (OperatorSetIdProto o : model.getOpsetImportList()) {
                if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                    found = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, o.getVersion()));
                }
            }
            if (found < 0) {
                throw failModel("no default-domain opset_import (IR version " + model.getIrVersion() + ")");
            }
            if (found < MIN_OPSET || found > MAX_OPSET) {
                throw failModel("opset " + found + " is outside the range we test, " + MIN_OPSET + " to " + MAX_OPSET
                        + " (re-export with opset_version in that range)");
            }
            return found;
        }

        private ValueInfoProto graphInput(GraphProto g) {
            ValueInfoProto found = null;
            for (ValueInfoProto v : g.getInputList()) {
                if (initializers.containsKey(v.getName())) {
                    continue; // older exporters list initializers as inputs too
                }
                if (found != null) {
                    throw failModel("the graph has several inputs ('" + found.getName() + "', '" + v.getName()
                            + "'); we run graphs with one image input");
                }
                found = v;
            }
            if (found == null) {
                throw failModel("the graph has no input");
            }
            return found;
        }

        /** [C, H, W] of the NCHW image input; N may be symbolic. */
        private int[] inputShape(ValueInfoProto v) {
            String what = "graph input '" + v.getName() + "'";
            if (!v.getType().hasTensorType()) {
                throw failModel(what + " is not a tensor");
            }
            var tt = v.getType().getTensorType();
            if (tt.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
                throw failModel(what + " has element type " + tt.getElemType() + "; only float32 (1) is supported");
            }
            TensorShapeProto s = tt.getShape();
            if (s.getDimCount() != 4) {
                throw failModel(what + " has rank " + s.getDimCount() + "; expected an NCHW image, rank 4");
            }
            int[] chw = new int[3];
            for (int i = 1; i < 4; i++) {
                var d = s.getDim(i);
                if (!d.hasDimValue()) {
                    throw failModel(what + ": dimension " + i + " is dynamic ('" + d.getDimParam()
                            + "'); we need fixed C, H and W (re-export with a fixed input size)");
                }
                if (d.getDimValue() < 1 || d.getDimValue() > 65536) {
                    throw failModel(what + ": dimension " + i + " is " + d.getDimValue() + "; expected 1 to 65536");
                }
                chw[i - 1] = (int) d.getDimValue();
            }
            var n = s.getDim(0);
            if (n.hasDimValue() && n.getDimValue() < 1) {
                throw failModel(what + ": batch dimension is " + n.getDimValue());
            }
            if ((long) chw[0] * chw[1] * chw[2] > Integer.MAX_VALUE) {
                throw failModel(what + ": " + chw[0] + "x" + chw[1] + "x" + chw[2] + " exceeds the int range of our indexing");
            }
            return chw;
        }

        // ---- operands ----

        private Value value(NodeProto n, int i) {
            String name = input(n, i);
            Value v = values.get(name);
            if (v == null) {
                if (consts.containsKey(name) || initializers.containsKey(name)) {
                    throw fail("input " + i + " ('" + name + "') is a constant; we need a computed tensor there");
                }
                throw undefined(name);
            }
            if (v.hardSigmoidOf() != null) {
                throw fail("input '" + name + "' is a HardSigmoid of a tensor used elsewhere; only x * HardSigmoid(x) is supported");
            }
            return v;
        }

        private OnnxException undefined(String name) {
            return fail("input '" + name + "' is neither the graph input, an initializer nor the output of an earlier node "
                    + "(a dangling edge, or nodes not in topological order)");
        }

        private String input(NodeProto n, int i) {
            if (i >= n.getInputCount() || n.getInput(i).isEmpty()) {
                throw fail("missing input " + i);
            }
            return n.getInput(i);
        }

        private boolean hasInput(NodeProto n, int i) {
            return i < n.getInputCount() && !n.getInput(i).isEmpty();
        }

        private Const constant(NodeProto n, int i) {
            String name = input(n, i);
            Const c = consts.get(name);
            if (c != null) {
                return c;
            }
            TensorProto t = initializers.get(name);
            if (t == null) {
                if (values.containsKey(name)) {
                    throw fail("input " + i + " ('" + name + "') is computed at run time; we need a constant (weights) there");
                }
                throw undefined(name);
            }
            c = decode(t, "initializer '" + name + "'");
            consts.put(name, c);
            return c;
        }

        private Const decode(TensorProto t, String what) {
            if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                throw fail(what + " uses external data; save the model with its weights inside the .onnx file");
            }
            long[] dims = new long[t.getDimsCount()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = t.getDims(i);
                if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                    throw fail(what + ": dimension " + i + " is " + dims[i]);
                }
                count *= dims[i];
                if (count > Integer.MAX_VALUE / 8) {
                    throw fail(what + ": " + Arrays.toString(t.getDimsList().toArray()) + " has more elements than we load");
                }
            }
            int n = (int) count;
            ByteString raw = t.getRawData();
            switch (t.getDataType()) {
                case TensorProto.DataType.FLOAT_VALUE -> {
                    float[] f = new float[n];
                    if (!raw.isEmpty()) {
                        if (raw.size() != 4L * n) {
                            throw fail(what + ": raw_data has " + raw.size() + " bytes, shape " + Arrays.toString(dims)
                                    + " of float32 needs " + 4L * n);
                        }
                        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
                    } else if (t.getFloatDataCount() == n) {
                        for (int i = 0; i < n; i++) {
                            f[i] = t.getFloatData(i);
                        }
                    } else {
                        throw fail(what + ": holds " + t.getFloatDataCount() + " floats, shape " + Arrays.toString(dims) + " needs " + n);
                    }
                    return new Const(dims, f, null);
                }
                case TensorProto.DataType.INT64_VALUE, TensorProto.DataType.INT32_VALUE -> {
                    boolean i64 = t.getDataType() == TensorProto.DataType.INT64_VALUE;
                    long[] v = new long[n];
                    if (!raw.isEmpty()) {
                        int size = i64 ? 8 : 4;
                        if (raw.size() != (long) size * n) {
                            throw fail(what + ": raw_data has " + raw.size() + " bytes, shape " + Arrays.toString(dims)
                                    + " needs " + (long) size * n);
                        }
                        ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < n; i++) {
                            v[i] = i64 ? bb.getLong() : bb.getInt();
                        }
                    } else if ((i64 ? t.getInt64DataCount() : t.getInt32DataCount()) == n) {
                        for (int i = 0; i < n; i++) {
                            v[i] = i64 ? t.getInt64Data(i) : t.getInt32Data(i);
                        }
                    } else {
                        throw fail(what + ": holds " + (i64 ? t.getInt64DataCount() : t.getInt32DataCount())
                                + " integers, shape " + Arrays.toString(dims) + " needs " + n);
                    }
                    return new Const(dims, null, v);
                }
                default -> throw fail(what + " has data type " + t.getDataType() + "; we load float32 weights and int32/int64 shapes");
            }
        }

        private float[] floats(NodeProto n, int i, String what, int... shape) {
            Const c = constant(n, i);
            if (c.f() == null) {
                throw fail(what + " must be float32");
            }
            long[] want = Arrays.stream(shape).asLongStream().toArray();
            if (!Arrays.equals(c.dims(), want)) {
                throw fail(what + " has shape " + Arrays.toString(c.dims()) + ", expected " + Arrays.toString(want));
            }
            return c.f();
        }

        // ---- attributes ----

        private AttributeProto attr(NodeProto n, String name) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals(name)) {
                    if (!a.getRefAttrName().isEmpty()) {
                        throw fail("attribute " + name + " refers to a function attribute; not supported");
                    }
                    return a;
                }
            }
            return null;
        }

        private long intAttr(NodeProto n, String name, long dflt) {
            AttributeProto a = attr(n, name);
            if (a == null) {
                return dflt;
            }
            if (!a.hasI()) {
                throw fail("attribute " + name + " must be an int");
            }
            return a.getI();
        }

        private float floatAttr(NodeProto n, String name, float dflt) {
            AttributeProto a = attr(n, name);
            if (a == null) {
                return dflt;
            }
            if (!a.hasF()) {
                throw fail("attribute " + name + " must be a float");
            }
            return a.getF();
        }

        private long[] intsAttr(NodeProto n, String name, long[] dflt) {
            AttributeProto a = attr(n, name);
            if (a == null) {
                return dflt;
            }
            if (a.getIntsCount() > 16) {
                throw fail("attribute " + name + " has " + a.getIntsCount() + " values");
            }
            return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }

        private String stringAttr(NodeProto n, String name, String dflt) {
            AttributeProto a = attr(n, name);
            return a == null ? dflt : a.getS().toStringUtf8();
        }

        private void allowOnly(NodeProto n, String... names) {
            Set<String> ok = Set.of(names);
            for (AttributeProto a : n.getAttributeList()) {
                if (!ok.contains(a.getName())) {
                    throw fail("attribute " + a.getName() + " is not supported here");
                }
            }
        }

        private static int toInt(long v) {
            return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? -1 : (int) v;
        }

        // ---- mapping ----

        private void map(NodeProto n) {
            switch (opType) {
                case "Conv" -> conv(n);
                case "BatchNormalization" -> batchNorm(n);
                case "Relu" -> {
                    allowOnly(n);
                    activation(n, Activation.RELU);
                }
                case "Clip" -> clip(n);
                case "HardSigmoid" -> hardSigmoid(n);
                case "HardSwish" -> {
                    allowOnly(n);
                    activation(n, Activation.HARDSWISH);
                }
                case "Add" -> add(n);
                case "Mul" -> mul(n);
                case "GlobalAveragePool" -> {
                    allowOnly(n);
                    pool(n, false);
                }
                case "ReduceMean" -> reduceMean(n);
                case "Flatten" -> flatten(n);
                case "Reshape" -> reshape(n);
                case "Gemm" -> gemm(n);
                case "MatMul" -> matMul(n);
                case "Softmax" -> softmax(n);
                case "Identity" -> identity(n);
                case "Dropout" -> dropout(n);
                case "Constant" -> constantNode(n);
                default -> throw fail("operator " + opType + " is not supported (we map Conv, BatchNormalization, Relu, Clip, "
                        + "HardSigmoid, HardSwish, Add, Mul, GlobalAveragePool, ReduceMean, Flatten, Reshape, Gemm, MatMul, "
                        + "Softmax, Identity, Dropout, Constant)");
            }
            for (int i = 1; i < n.getOutputCount(); i++) {
                if (!n.getOutput(i).isEmpty() && uses.getOrDefault(n.getOutput(i), 0) > 0) {
                    throw fail("output " + i + " ('" + n.getOutput(i) + "') is used; we compute only the first output");
                }
            }
        }

        private void alias(NodeProto n, Value v) {
            values.put(n.getOutput(0), v);
        }

        private int addLayer(NodeProto n, LayerType type, ConvSpec spec, int input, int input2, Value in, int outH, int outW,
                             int outC, boolean flat) {
            String name = nodeName;
            for (int k = 2; !layerNames.add(name); k++) {
                name = nodeName + "#" + k;
            }
            layers.add(new Layer(name, nodeName, type, spec, input, input2, in.h(), in.w(), in.c(), outH, outW, outC));
            int idx = layers.size() - 1;
            values.put(n.getOutput(0), new Value(idx, outH, outW, outC, flat, null, null));
            return idx;
        }

        private void conv(NodeProto n) {
            allowOnly(n, "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
            Value x = value(n, 0);
            if (x.flat()) {
                throw fail("input is flattened " + x.shape() + "; Conv needs NCHW");
            }
            Const wc = constant(n, 1);
            if (wc.f() == null || wc.dims().length != 4) {
                throw fail("weights must be float32 OIHW (rank 4), got shape " + Arrays.toString(wc.dims()));
            }
            int o = toInt(wc.dims()[0]), ipg = toInt(wc.dims()[1]), kh = toInt(wc.dims()[2]), kw = toInt(wc.dims()[3]);
            long group = intAttr(n, "group", 1);
            if (group < 1 || group > x.c() || (long) ipg * group != x.c()) {
                throw fail("weights " + Arrays.toString(wc.dims()) + " with group " + group + " do not fit " + x.c() + " input channels");
            }
            long[] ks = intsAttr(n, "kernel_shape", new long[] {kh, kw});
            if (ks.length != 2 || ks[0] != kh || ks[1] != kw) {
                throw fail("kernel_shape " + Arrays.toString(ks) + " does not match weights " + Arrays.toString(wc.dims()));
            }
            for (long d : intsAttr(n, "dilations", new long[] {1, 1})) {
                if (d != 1) {
                    throw fail("dilations " + Arrays.toString(intsAttr(n, "dilations", null)) + " are not supported (only 1)");
                }
            }
            long[] st = intsAttr(n, "strides", new long[] {1, 1});
            if (st.length != 2 || st[0] < 1 || st[1] < 1 || st[0] > 16 || st[1] > 16) {
                throw fail("strides " + Arrays.toString(st) + " are not supported");
            }
            int sh = (int) st[0], sw = (int) st[1];
            String autoPad = stringAttr(n, "auto_pad", "NOTSET");
            int[] p;
            switch (autoPad) {
                case "NOTSET" -> {
                    long[] pads = intsAttr(n, "pads", new long[4]);
                    if (pads.length != 4) {
                        throw fail("pads " + Arrays.toString(pads) + " must have 4 values");
                    }
                    p = new int[] {toInt(pads[0]), toInt(pads[1]), toInt(pads[2]), toInt(pads[3])};
                }
                case "VALID" -> p = new int[4];
                case "SAME_UPPER", "SAME_LOWER" -> {
                    int th = Math.max(0, ((x.h() + sh - 1) / sh - 1) * sh + kh - x.h());
                    int tw = Math.max(0, ((x.w() + sw - 1) / sw - 1) * sw + kw - x.w());
                    boolean upper = autoPad.equals("SAME_UPPER");
                    p = new int[] {upper ? th / 2 : th - th / 2, upper ? tw / 2 : tw - tw / 2,
                        upper ? th - th / 2 : th / 2, upper ? tw - tw / 2 : tw / 2};
                }
                default -> throw fail("auto_pad '" + autoPad + "' is not supported");
            }
            ConvSpec spec;
            try {
                spec = new ConvSpec(x.h(), x.w(), x.c(), o, kh, kw, sh, sw, p[0], p[1], p[2], p[3], (int) group);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            LayerType type;
            if (spec.isPointwise()) {
                type = x.h() == 1 && x.w() == 1 ? LayerType.FC : LayerType.POINTWISE;
            } else if (spec.isDepthwise()) {
                type = LayerType.DEPTHWISE;
            } else if (group == 1) {
                type = LayerType.CONV3X3;
            } else {
                throw fail("grouped convolution with group " + group + " that is not depthwise is not supported");
            }
            float[] bias = hasInput(n, 2) ? floats(n, 2, "bias", o) : new float[o];
            int idx = addLayer(n, type, spec, x.layer(), -1, x, spec.outH(), spec.outW(), o, false);
            layers.get(idx).w = Model.toOhwi(wc.f(), spec);
            layers.get(idx).b = bias.clone();
        }

        /** The layer writing {@code v} if an epilogue may still be fused into it: sole reader is this node, no activation yet. */
        private Layer fusable(String name, Value v, String what) {
            if (v.layer() < 0) {
                throw fail(what + " of the graph input is not supported");
            }
            Layer l = layers.get(v.layer());
            if (l.act != Activation.NONE) {
                throw fail(what + " after an activation (" + l.act + ") is not supported");
            }
            if (uses.getOrDefault(name, 0) != 1) {
                throw fail(what + " reads '" + name + "', which other nodes read too; we fuse it into the layer that writes it, "
                        + "so that tensor must have no other reader");
            }
            return l;
        }

        private void batchNorm(NodeProto n) {
            allowOnly(n, "epsilon", "momentum", "training_mode", "spatial");
            if (intAttr(n, "training_mode", 0) != 0) {
                throw fail("training_mode=1 is not inference");
            }
            if (intAttr(n, "spatial", 1) != 1) {
                throw fail("spatial=0 is not supported");
            }
            Value x = value(n, 0);
            Layer l = fusable(input(n, 0), x, "BatchNormalization");
            if (l.spec == null) {
                throw fail("BatchNormalization must follow a Conv or Gemm, not " + l.type.label);
            }
            int c = x.c();
            float[] gamma = floats(n, 1, "scale", c), beta = floats(n, 2, "B", c);
            float[] mean = floats(n, 3, "input_mean", c), var = floats(n, 4, "input_var", c);
            double eps = floatAttr(n, "epsilon", 1e-5f);
            for (int i = 0; i < c; i++) {
                if (!(var[i] + eps > 0) || !Float.isFinite(gamma[i]) || !Float.isFinite(beta[i]) || !Float.isFinite(mean[i])) {
                    throw fail("channel " + i + ": batch-norm parameters must be finite with var + epsilon > 0, got gamma "
                            + gamma[i] + ", beta " + beta[i] + ", mean " + mean[i] + ", var " + var[i]);
                }
            }
            BatchNormFold.Folded f;
            try {
                f = BatchNormFold.fold(l.w, l.b, c, gamma, beta, mean, var, eps);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            l.w = f.weights();
            l.b = f.bias();
            alias(n, x);
        }

        private void activation(NodeProto n, Activation act) {
            Value x = value(n, 0);
            Layer l = fusable(input(n, 0), x, opType);
            if (l.spec == null && l.type != LayerType.ADD) {
                throw fail(opType + " must follow a Conv, Gemm, MatMul or Add (fused into its epilogue), not " + l.type.label);
            }
            l.act = act;
            alias(n, x);
        }

        private void clip(NodeProto n) {
            float lo = Float.NEGATIVE_INFINITY, hi = Float.POSITIVE_INFINITY;
            if (opset < 11) {
                allowOnly(n, "min", "max");
                lo = floatAttr(n, "min", lo);
                hi = floatAttr(n, "max", hi);
            } else {
                allowOnly(n);
                if (hasInput(n, 1)) {
                    lo = scalar(n, 1, "min");
                }
                if (hasInput(n, 2)) {
                    hi = scalar(n, 2, "max");
                }
            }
            if (Float.isNaN(lo) || Float.isNaN(hi) || lo > hi) {
                throw fail("Clip bounds [" + lo + ", " + hi + "] are not an interval");
            }
            Activation act = lo == 0 && hi == 6 ? Activation.RELU6
                    : lo == 0 && hi == Float.POSITIVE_INFINITY ? Activation.RELU : Activation.clamp(lo, hi);
            activation(n, act);
        }

        private float scalar(NodeProto n, int i, String what) {
            Const c = constant(n, i);
            if (c.f() == null || c.count() != 1) {
                throw fail(what + " must be a float32 scalar, got shape " + Arrays.toString(c.dims()));
            }
            return c.f()[0];
        }

        private void hardSigmoid(NodeProto n) {
            allowOnly(n, "alpha", "beta");
            float alpha = floatAttr(n, "alpha", 0.2f), beta = floatAttr(n, "beta", 0.5f);
            if (!Float.isFinite(alpha) || !Float.isFinite(beta)) {
                throw fail("alpha and beta must be finite, got " + alpha + ", " + beta);
            }
            String in = input(n, 0);
            Value x = value(n, 0);
            if (uses.getOrDefault(in, 0) == 2 && x.layer() >= 0) {
                // Perhaps half of x * HardSigmoid(x) (how HardSwish is exported below opset 14): decided at the Mul.
                values.put(n.getOutput(0), new Value(x.layer(), x.h(), x.w(), x.c(), x.flat(), in, Activation.hardSigmoid(alpha, beta)));
                return;
            }
            activation(n, Activation.hardSigmoid(alpha, beta));
        }

        private void add(NodeProto n) {
            allowOnly(n);
            String an = input(n, 0), bn = input(n, 1);
            Value a = values.get(an), b = values.get(bn);
            if (a != null && b != null) {
                a = value(n, 0);
                b = value(n, 1);
                if (a.h() != b.h() || a.w() != b.w() || a.c() != b.c()) {
                    throw fail("operands " + a.shape() + " and " + b.shape() + " differ; only same-shape (residual) adds are supported");
                }
                addLayer(n, LayerType.ADD, null, a.layer(), b.layer(), a, a.h(), a.w(), a.c(), a.flat());
                return;
            }
            // A bias: tensor + constant, fused into the Gemm/MatMul/Conv that wrote the tensor.
            int vi = a != null ? 0 : 1;
            Value x = value(n, vi);
            Layer l = fusable(input(n, vi), x, "Add of a constant");
            if (l.spec == null) {
                throw fail("Add of a constant must follow a Conv, Gemm or MatMul, not " + l.type.label);
            }
            Const c = constant(n, 1 - vi);
            if (c.f() == null || c.count() != x.c()) {
                throw fail("the constant operand has shape " + Arrays.toString(c.dims()) + "; only a per-channel bias of "
                        + x.c() + " values is supported");
            }
            for (int i = 0; i < x.c(); i++) {
                l.b[i] += c.f()[i];
            }
            alias(n, x);
        }

        private void mul(NodeProto n) {
            allowOnly(n);
            Value a = values.get(input(n, 0)), b = values.get(input(n, 1));
            if (a == null || b == null) {
                throw fail("multiplying by a constant is not supported; only x * HardSigmoid(x) and per-channel scaling");
            }
            // x * HardSigmoid(x): HardSwish fused into the layer writing x.
            Value g = a.hardSigmoidOf() != null ? a : b.hardSigmoidOf() != null ? b : null;
            if (g != null) {
                String other = g == a ? input(n, 1) : input(n, 0);
                if (!other.equals(g.hardSigmoidOf())) {
                    throw fail("HardSigmoid of '" + g.hardSigmoidOf() + "' times '" + other + "' is not supported");
                }
                Layer l = layers.get(g.layer());
                if (l.act != Activation.NONE || (l.spec == null && l.type != LayerType.ADD)) {
                    throw fail("x * HardSigmoid(x) must follow a Conv, Gemm or Add without an activation");
                }
                l.act = Activation.hardSwish(g.gate().alpha(), g.gate().beta());
                values.put(n.getOutput(0), new Value(g.layer(), g.h(), g.w(), g.c(), g.flat(), null, null));
                return;
            }
            a = value(n, 0);
            b = value(n, 1);
            Value big = a.h() * a.w() >= b.h() * b.w() ? a : b, small = big == a ? b : a;
            if (small.h() != 1 || small.w() != 1 || small.c() != big.c() || big.flat()) {
                throw fail("operands " + a.shape() + " and " + b.shape() + ": only a tensor times per-channel factors [N,C,1,1] "
                        + "(squeeze-excitation) is supported");
            }
            addLayer(n, LayerType.SCALE, null, big.layer(), small.layer(), big, big.h(), big.w(), big.c(), false);
        }

        private void pool(NodeProto n, boolean flat) {
            Value x = value(n, 0);
            if (x.flat()) {
                throw fail("input is flattened " + x.shape());
            }
            addLayer(n, LayerType.AVGPOOL, null, x.layer(), -1, x, 1, 1, x.c(), flat);
        }

        private void reduceMean(NodeProto n) {
            allowOnly(n, "axes", "keepdims");
            long[] axes = intsAttr(n, "axes", null);
            if (axes == null) {
                throw fail("ReduceMean without axes (over all axes) is not supported; we support axes [2, 3]");
            }
            long[] norm = Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray();
            if (!Arrays.equals(norm, new long[] {2, 3})) {
                throw fail("ReduceMean over axes " + Arrays.toString(axes) + " is not supported; we support [2, 3] (H and W)");
            }
            pool(n, intAttr(n, "keepdims", 1) == 0);
        }

        private Value flattenable(NodeProto n) {
            Value x = value(n, 0);
            if (x.h() != 1 || x.w() != 1) {
                throw fail("input " + x.shape() + " has spatial size " + x.h() + "x" + x.w()
                        + "; we only flatten 1x1 tensors (after global pooling)");
            }
            return x;
        }

        private void flatten(NodeProto n) {
            allowOnly(n, "axis");
            long axis = intAttr(n, "axis", 1);
            if (axis != 1 && axis != -3) {
                throw fail("Flatten axis " + axis + " is not supported (only 1)");
            }
            Value x = flattenable(n);
            values.put(n.getOutput(0), new Value(x.layer(), 1, 1, x.c(), true, null, null));
        }

        private void reshape(NodeProto n) {
            allowOnly(n, "allowzero");
            Value x = flattenable(n);
            Const s = constant(n, 1);
            if (s.i() == null || s.dims().length != 1) {
                throw fail("shape must be a 1-D int64 constant");
            }
            long[] shape = s.i();
            boolean ok = shape.length == 2 && (shape[0] == -1 || shape[0] == 0 || shape[0] == 1) && (shape[1] == x.c() || shape[1] == -1)
                    || shape.length == 4 && (shape[0] <= 1) && shape[1] == x.c() && shape[2] == 1 && shape[3] == 1;
            if (!ok) {
                throw fail("reshape of " + x.shape() + " to " + Arrays.toString(shape) + " is not supported; we support [N, C]");
            }
            values.put(n.getOutput(0), new Value(x.layer(), 1, 1, x.c(), shape.length == 2, null, null));
        }

        private void gemm(NodeProto n) {
            allowOnly(n, "alpha", "beta", "transA", "transB");
            if (intAttr(n, "transA", 0) != 0) {
                throw fail("transA=1 is not supported");
            }
            fullyConnected(n, intAttr(n, "transB", 0) != 0, floatAttr(n, "alpha", 1f), floatAttr(n, "beta", 1f), hasInput(n, 2));
        }

        private void matMul(NodeProto n) {
            allowOnly(n);
            fullyConnected(n, false, 1f, 0f, false);
        }

        private void fullyConnected(NodeProto n, boolean transB, float alpha, float beta, boolean hasC) {
            Value x = flattenable(n);
            Const bc = constant(n, 1);
            if (bc.f() == null || bc.dims().length != 2) {
                throw fail("B must be a float32 matrix, got shape " + Arrays.toString(bc.dims()));
            }
            int k = x.c();
            int rows = toInt(bc.dims()[0]), cols = toInt(bc.dims()[1]);
            int m = transB ? rows : cols;
            if ((transB ? cols : rows) != k || m < 1) {
                throw fail("B " + Arrays.toString(bc.dims()) + (transB ? " (transposed)" : "") + " does not fit " + k + " inputs");
            }
            float[] w = new float[m * k];
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < k; i++) {
                    w[o * k + i] = alpha * (transB ? bc.f()[o * k + i] : bc.f()[i * m + o]);
                }
            }
            float[] b = new float[m];
            if (hasC) {
                Const c = constant(n, 2);
                if (c.f() == null || c.count() != m || c.dims().length > 2 || (c.dims().length == 2 && c.dims()[0] != 1)) {
                    throw fail("C has shape " + Arrays.toString(c.dims()) + "; expected [" + m + "] or [1, " + m + "]");
                }
                for (int o = 0; o < m; o++) {
                    b[o] = beta * c.f()[o];
                }
            }
            ConvSpec spec = ConvSpec.pointwise(1, 1, k, m);
            int idx = addLayer(n, LayerType.FC, spec, x.layer(), -1, x, 1, 1, m, true);
            layers.get(idx).w = w;
            layers.get(idx).b = b;
        }

        private void softmax(NodeProto n) {
            allowOnly(n, "axis");
            Value x = flattenable(n);
            long axis = intAttr(n, "axis", opset < 13 ? 1 : -1);
            boolean ok = x.flat() ? axis == 1 || axis == -1 : axis == 1 || (opset < 13 && axis == -3);
            if (!ok) {
                throw fail("Softmax over axis " + axis + " of " + x.shape() + " is not supported; only over the channels");
            }
            addLayer(n, LayerType.SOFTMAX, null, x.layer(), -1, x, 1, 1, x.c(), x.flat());
        }

        private void identity(NodeProto n) {
            allowOnly(n);
            String in = input(n, 0);
            if (values.containsKey(in)) {
                alias(n, value(n, 0));
            } else {
                // Exporters alias shared weights this way.
                consts.put(n.getOutput(0), constant(n, 0));
            }
        }

        private void dropout(NodeProto n) {
            allowOnly(n, "ratio", "seed", "is_test");
            if (hasInput(n, 2)) {
                Const t = constant(n, 2);
                if (t.count() != 1 || (t.i() != null ? t.i()[0] != 0 : t.f()[0] != 0)) {
                    throw fail("training_mode must be false for inference");
                }
            }
            alias(n, value(n, 0));
        }

        private void constantNode(NodeProto n) {
            AttributeProto a = attr(n, "value");
            if (a == null || !a.hasT() || n.getAttributeCount() != 1) {
                throw fail("only Constant with a 'value' tensor is supported");
            }
            consts.put(n.getOutput(0), decode(a.getT(), "Constant value"));
        }
    }

    /** The layer table as text with costs, plus where it came from; what {@code mobilevec inspect} prints. */
    public static String describe(Imported m) {
        return String.format(Locale.ROOT, "%s%nproducer: %s, opset %d, input '%s' [N,%d,%d,%d], output '%s' [N,%d]%n",
                m.arch(), m.producer().isBlank() ? "(not recorded)" : m.producer().trim(), m.opset(), m.inputName(),
                m.arch().inputChannels(), m.arch().height(), m.arch().width(), m.outputName(), m.arch().outputLength());
    }
}
