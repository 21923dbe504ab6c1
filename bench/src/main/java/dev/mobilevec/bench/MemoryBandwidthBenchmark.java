package dev.mobilevec.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory ceiling beside the FMA ceiling: a STREAM-style triad a[i] = b[i] + s * c[i] over float
 * arrays of {@code kib} KiB each (three arrays, 12 bytes moved per element). Sizes: 16 KiB (L1), 256
 * KiB (L2), 64 MiB (DRAM). The report turns ns/op into GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MemoryBandwidthBenchmark {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Param({"16", "256", "65536"})
    public int kib;

    float[] a, b, c;

    @Setup(Level.Trial)
    public void setup() {
        int n = kib * 1024 / 4;
        a = new float[n];
        b = new float[n];
        c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
    }

    @Benchmark
    public float[] triad() {
        float[] x = a, y = b, z = c;
        int i = 0;
        for (; i <= x.length - S.length(); i += S.length()) {
            FloatVector.fromArray(S, z, i).mul(3f).add(FloatVector.fromArray(S, y, i)).intoArray(x, i);
        }
        for (; i < x.length; i++) {
            x[i] = y[i] + 3f * z[i];
        }
        return x;
    }
}
