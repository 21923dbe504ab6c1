package dev.mobilevec.bench;

import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Schedule;
import dev.mobilevec.network.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end forward pass (seeded weights, {@link BenchModels}): latency per batch with percentiles
 * (SampleTime) for models, thread counts and batch sizes; images/s = batch / latency. The input is
 * passed NCHW, as ONNX Runtime gets it in {@link OnnxRuntimeBenchmark}, so both include the layout
 * conversion. Compare with OnnxRuntimeBenchmark on the same parameters, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class NetworkBenchmark extends EndToEndCase {
    /** How the batch is spread over the threads (AUTO: image-parallel from one image per thread); ours only. */
    @Param({"AUTO"})
    public String schedule;

    /** false: every layer whole, one after another (no fused residual add, no band-by-band blocks); ours only. */
    @Param({"true"})
    public boolean fuse;

    Session session;
    float[] input, output;

    @Setup(Level.Trial)
    public void setup() {
        Model m = BenchModels.model(model);
        session = m.newSession(batch, BenchModels.threads(threads), Schedule.valueOf(schedule), fuse);
        input = BenchModels.input(m.arch(), batch);
        output = new float[session.outputLength()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public float[] forward() {
        session.run(input, 0, Layout.NCHW, output, 0, null);
        return output;
    }
}
