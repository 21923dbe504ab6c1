package dev.mobilevec.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.mobilevec.network.AdjointBound;
import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.MobileNetV2;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Padding;
import dev.mobilevec.network.PropagatedBound;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.Session;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our models written as ONNX: our importer reads back the same network, and ONNX Runtime computes the same function. */
class OnnxExporterTest {

    static float[] run(Model m, float[] nchw) {
        float[] out = new float[m.outputLength()];
        try (Session s = m.newSession(1, 1)) {
            s.run(nchw, 0, Layout.NCHW, out, 0, null);
        }
        return out;
    }

    static void roundTrip(Architecture arch) throws Exception {
        Model m = Model.create(arch, SeededWeights.generate(arch, 9), Backend.FAST);
        byte[] onnx = OnnxExporter.export(m);
        OnnxImporter.Imported back = OnnxImporter.parse(onnx, arch.toString());
        List<LayerDef> a = arch.layers(), b = back.arch().layers();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            String where = arch + " layer " + a.get(i).name();
            assertEquals(a.get(i).type(), b.get(i).type(), where);
            assertEquals(a.get(i).conv(), b.get(i).conv(), where);
            assertEquals(a.get(i).activation(), b.get(i).activation(), where);
            assertEquals(a.get(i).input(), b.get(i).input(), where);
            assertEquals(a.get(i).input2(), b.get(i).input2(), where);
        }
        float[] x = NetworkImage.nchw(arch, 3);
        Model imported = back.model(Backend.FAST);
        float[] ours = run(m, x);
        assertArrayEquals(ours, run(imported, x), "round trip gives the same bits");

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] ort;
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            try (OrtSession s = env.createSession(onnx, o);
                 OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, arch.height(), arch.width()});
                 OrtSession.Result r = s.run(Map.of("input", in))) {
                FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                ort = new float[fb.remaining()];
                fb.get(ort);
            }
        }
        double[] bound = new AdjointBound(m, 1, GoldenData.nchwToNhwc(x, 1, 3, arch.height(), arch.width())).bound();
        double[] ortD = new double[ort.length];
        for (int i = 0; i < ort.length; i++) {
            ortD[i] = ort[i];
        }
        // As in OnnxRuntimeOracleTest: both within B of exact to first order, c = 2 on top.
        PropagatedBound.assertWithin(arch + ": ours vs ONNX Runtime on the exported graph", ortD, ours, bound, 4);
    }

    @Test
    void mobileNetV1RoundTripsAndRunsInOnnxRuntime() throws Exception {
        roundTrip(new MobileNetV1(0.25, 64, 48, 20, Padding.SYMMETRIC));
        roundTrip(new MobileNetV1(0.5, 40, 40, 10, Padding.TF_SAME));
    }

    @Test
    void mobileNetV2RoundTripsAndRunsInOnnxRuntime() throws Exception {
        roundTrip(new MobileNetV2(0.35, 64, 64, 16));
    }

    /** Images for these tests. */
    static final class NetworkImage {
        static float[] nchw(Architecture a, long seed) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            float[] x = new float[a.inputLength()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (r.nextDouble() * 2 - 1);
            }
            return x;
        }
    }
}
