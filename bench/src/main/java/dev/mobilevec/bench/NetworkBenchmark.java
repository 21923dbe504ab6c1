package dev.mobilevec.bench;

import dev.mobilevec.network.Backend;
import dev.mobilevec.network.MobileNetV1;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.SeededWeights;
import dev.mobilevec.network.Session;
import java.util.SplittableRandom;
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
 * End-to-end MobileNet v1 forward pass (seeded weights): latency per batch with percentiles
 * (SampleTime), for thread counts and batch sizes. Read 1137.5 MFLOP per image against the FMA
 * peak of the same run, and the 2-thread time against the 1-thread time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class NetworkBenchmark {
    @Param({"1.0"})
    public double alpha;

    @Param({"224"})
    public int resolution;

    @Param({"1", "2"})
    public int threads;

    @Param({"1"})
    public int batch;

    Session session;
    float[] input, output;

    @Setup(Level.Trial)
    public void setup() {
        MobileNetV1 arch = MobileNetV1.standard(alpha, resolution);
        Model m = Model.create(arch, SeededWeights.generate(arch, 42), Backend.FAST);
        session = m.newSession(batch, threads);
        input = new float[session.inputLength()];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (r.nextDouble() * 2 - 1);
        }
        output = new float[session.outputLength()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public float[] forward() {
        session.run(input, output);
        return output;
    }
}
