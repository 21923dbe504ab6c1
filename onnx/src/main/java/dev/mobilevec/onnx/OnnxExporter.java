package dev.mobilevec.onnx;

import com.google.protobuf.ByteString;
import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Model;
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

/**
 * Writes a model (its layer table and folded weights) as an ONNX graph at opset {@value #OPSET}:
 * Conv with bias (batch norm already folded), Relu / Clip / HardSigmoid / HardSwish, Add, Mul,
 * GlobalAveragePool, Flatten, Gemm and Softmax. Used to run exactly our network in ONNX Runtime
 * (the benchmark peer) and to round-trip through our importer.
 */
public final class OnnxExporter {
    public static final int OPSET = 17;

    private OnnxExporter() {}

    public static byte[] export(Model m) {
        Architecture arch = m.arch();
        List<LayerDef> layers = arch.layers();
        GraphProto.Builder g = GraphProto.newBuilder().setName(arch.toString());
        g.addInput(tensorInfo("input", arch.inputChannels(), arch.height(), arch.width()));
        String[] names = new String[layers.size()];
        boolean[] flat = new boolean[layers.size()];
        for (LayerDef l : layers) {
            int i = l.index();
            String in = l.input() < 0 ? "input" : names[l.input()];
            boolean inFlat = l.input() >= 0 && flat[l.input()];
            String out = "t" + i;
            String name = l.name();
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE -> {
                    ConvSpec s = l.conv();
                    g.addInitializer(floats(name + ".weight", toOihw(m.foldedWeights(i), s), s.outC(), s.inPerGroup(), s.kH(), s.kW()));
                    g.addInitializer(floats(name + ".bias", m.foldedBias(i), s.outC()));
                    g.addNode(node("Conv", name, List.of(in, name + ".weight", name + ".bias"), out,
                            ints("kernel_shape", s.kH(), s.kW()), ints("strides", s.strideH(), s.strideW()),
                            ints("pads", s.padTop(), s.padLeft(), s.padBottom(), s.padRight()), integer("group", s.groups())));
                }
                case FC -> {
                    ConvSpec s = l.conv();
                    if (!inFlat) {
                        g.addNode(node("Flatten", name + "/flatten", List.of(in), in + ".flat", integer("axis", 1)));
                        in = in + ".flat";
                    }
                    g.addInitializer(floats(name + ".weight", m.foldedWeights(i), s.outC(), s.inC()));
                    g.addInitializer(floats(name + ".bias", m.foldedBias(i), s.outC()));
                    g.addNode(node("Gemm", name, List.of(in, name + ".weight", name + ".bias"), out, integer("transB", 1)));
                    flat[i] = true;
                }
                case AVGPOOL -> g.addNode(node("GlobalAveragePool", name, List.of(in), out));
                case ADD -> {
                    g.addNode(node("Add", name, List.of(in, names[l.input2()]), out));
                    flat[i] = inFlat;
                }
                case SCALE -> g.addNode(node("Mul", name, List.of(in, names[l.input2()]), out));
                case SOFTMAX -> {
                    if (!inFlat) {
                        g.addNode(node("Flatten", name + "/flatten", List.of(in), in + ".flat", integer("axis", 1)));
                        in = in + ".flat";
                    }
                    g.addNode(node("Softmax", name, List.of(in), out, integer("axis", 1)));
                    flat[i] = true;
                }
            }
            names[i] = activation(g, l, out);
        }
        LayerDef last = layers.get(layers.size() - 1);
        String outName = names[last.index()];
        g.addOutput(flat[last.index()] ? tensorInfo(outName, last.outC()) : tensorInfo(outName, last.outC(), last.outH(), last.outW()));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("mobilevec").setProducerVersion("0.1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(g).build().toByteArray();
    }

    /** Appends the layer's activation after {@code t}; returns the tensor that holds the layer's output. */
    private static String activation(GraphProto.Builder g, LayerDef l, String t) {
        Activation a = l.activation();
        String out = t + ".act", name = l.name() + "/act";
        switch (a.kind()) {
            case NONE -> {
                return t;
            }
            case RELU -> g.addNode(node("Relu", name, List.of(t), out));
            case HARDSWISH -> {
                if (a.alpha() != 1f / 6 || a.beta() != 0.5f) {
                    throw new IllegalArgumentException("layer " + l.name() + ": ONNX HardSwish has fixed alpha 1/6, beta 1/2; got " + a);
                }
                g.addNode(node("HardSwish", name, List.of(t), out));
            }
            case HARDSIGMOID -> g.addNode(node("HardSigmoid", name, List.of(t), out, real("alpha", a.alpha()), real("beta", a.beta())));
            case RELU6, CLAMP -> {
                g.addInitializer(floats(name + ".min", new float[] {a.min()}));
                g.addInitializer(floats(name + ".max", new float[] {a.max()}));
                g.addNode(node("Clip", name, List.of(t, name + ".min", name + ".max"), out));
            }
        }
        return out;
    }

    static float[] toOihw(float[] ohwi, ConvSpec s) {
        int o = s.outC(), i = s.inPerGroup(), kh = s.kH(), kw = s.kW();
        float[] r = new float[ohwi.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        r[((a * i + b) * kh + y) * kw + x] = ohwi[((a * kh + y) * kw + x) * i + b];
                    }
                }
            }
        }
        return r;
    }

    private static TensorProto floats(String name, float[] v, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static ValueInfoProto tensorInfo(String name, int... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int d : dims) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    private static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    private static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    private static AttributeProto integer(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static AttributeProto real(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }
}
