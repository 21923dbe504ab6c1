package dev.mobilevec.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
 * The machine's fp32 FMA ceiling as the Vector API reaches it: 12 independent accumulator chains
 * (enough to cover FMA latency on two FMA pipes), no memory traffic. One "op" is one vector FMA,
 * so GFLOPS = ops/us * 2 * lanes * 1000; the report script does that conversion and every kernel's
 * GFLOPS is read as a fraction of this figure from the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FmaPeakBenchmark {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int STEPS = 1 << 16;
    float[] seed;

    @Setup
    public void setup() {
        seed = new float[S.length() * 2];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = 1f + i * 1e-7f;
        }
    }

    @Benchmark
    @OperationsPerInvocation(12 * STEPS)
    public float fma12() {
        FloatVector a = FloatVector.fromArray(S, seed, 0), b = FloatVector.fromArray(S, seed, S.length());
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        FloatVector m = FloatVector.broadcast(S, 0.999999f);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(m, a); c1 = c1.fma(m, b); c2 = c2.fma(m, a); c3 = c3.fma(m, b);
            c4 = c4.fma(m, a); c5 = c5.fma(m, b); c6 = c6.fma(m, a); c7 = c7.fma(m, b);
            c8 = c8.fma(m, a); c9 = c9.fma(m, b); c10 = c10.fma(m, a); c11 = c11.fma(m, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Benchmark
    @OperationsPerInvocation(12 * STEPS)
    public float fma12acc() {
        FloatVector a = FloatVector.fromArray(S, seed, 0), b = FloatVector.fromArray(S, seed, S.length());
        FloatVector c0 = a, c1 = b, c2 = a, c3 = b, c4 = a, c5 = b, c6 = a, c7 = b, c8 = a, c9 = b, c10 = a, c11 = b;
        FloatVector m = FloatVector.broadcast(S, 1e-7f);
        for (int i = 0; i < STEPS; i++) {
            c0 = a.fma(m, c0); c1 = b.fma(m, c1); c2 = a.fma(m, c2); c3 = b.fma(m, c3);
            c4 = a.fma(m, c4); c5 = b.fma(m, c5); c6 = a.fma(m, c6); c7 = b.fma(m, c7);
            c8 = a.fma(m, c8); c9 = b.fma(m, c9); c10 = a.fma(m, c10); c11 = b.fma(m, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Lanes per vector in this fork, so the report can turn ops into FLOPs. */
    public static int lanes() {
        return S.length();
    }
}
