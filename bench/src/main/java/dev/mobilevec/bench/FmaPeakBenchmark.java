package dev.mobilevec.bench;

import dev.mobilevec.kernels.FmaProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's fp32 FMA ceiling as the Vector API reaches it ({@link FmaProbe}: 12 independent
 * chains, no memory traffic). One "op" is one vector FMA, so GFLOPS = ops/us * 2 * lanes * 1000;
 * bench/report.py does that conversion and reads every kernel's GFLOPS as a fraction of this figure
 * from the same run. 2^16 steps per call keep the per-call setup and reduction negligible (with
 * 1024 steps the figure read 30 % low).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FmaPeakBenchmark {
    static final int STEPS = 1 << 16;
    float[] seed;

    @Setup
    public void setup() {
        seed = FmaProbe.seed();
    }

    @Benchmark
    @OperationsPerInvocation(FmaProbe.FMAS_PER_STEP * STEPS)
    public float fma12() {
        return FmaProbe.run(seed, STEPS);
    }
}
