package dev.mobilevec.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mobilevec.network.Model;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer: ONNX Runtime (Java API, CPU execution provider) on exactly our network — the seeded
 * model exported by {@link dev.mobilevec.onnx.OnnxExporter}, or the torchvision file both load
 * ({@link BenchModels#TORCHVISION}), the same NCHW input — with intra-op threads matched to
 * ours, sequential execution and graph optimisation at ALL. Same parameters and iteration settings
 * as {@link NetworkBenchmark}, so one JMH run gives the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OnnxRuntimeBenchmark extends EndToEndCase {
    OrtEnvironment env;
    OrtSession session;
    OnnxTensor input;
    Map<String, OnnxTensor> feed;

    @Setup(Level.Trial)
    public void setup() throws OrtException, java.io.IOException {
        Model m = BenchModels.model(model);
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = BenchModels.ortOptions(BenchModels.threads(threads))) {
            session = env.createSession(BenchModels.onnx(model, m), o);
        }
        var a = m.arch();
        input = OnnxTensor.createTensor(env, FloatBuffer.wrap(BenchModels.input(a, batch)),
                new long[] {batch, a.inputChannels(), a.height(), a.width()});
        feed = Map.of("input", input);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        input.close();
        session.close();
    }

    @Benchmark
    public float forward() throws OrtException {
        try (OrtSession.Result r = session.run(feed)) {
            return ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
        }
    }
}
