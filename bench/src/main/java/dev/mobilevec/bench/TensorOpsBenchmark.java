package dev.mobilevec.bench;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ReferenceTensorOps;
import dev.mobilevec.kernels.TensorOps;
import dev.mobilevec.kernels.VectorTensorOps;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** MobileNet v1's pooling (7x7x1024) and softmax (1000 classes), plus a residual add of V2's size, fast vs reference. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TensorOpsBenchmark {
    @Param({"fast", "reference"})
    public String impl;

    TensorOps ops;
    float[] feature, pooled, logits, probs, a, b, sum;

    @Setup
    public void setup() {
        ops = impl.equals("fast") ? VectorTensorOps.INSTANCE : ReferenceTensorOps.INSTANCE;
        SplittableRandom r = new SplittableRandom(3);
        feature = new float[7 * 7 * 1024];
        for (int i = 0; i < feature.length; i++) {
            feature[i] = (float) r.nextDouble();
        }
        pooled = new float[1024];
        logits = new float[1000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (r.nextGaussian() * 4);
        }
        probs = new float[1000];
        a = new float[56 * 56 * 24];
        b = new float[a.length];
        sum = new float[a.length];
    }

    @Benchmark
    public float[] globalAveragePool() {
        ops.globalAveragePool(1, 7, 7, 1024, feature, 0, pooled, 0);
        return pooled;
    }

    @Benchmark
    public float[] softmax() {
        ops.softmax(1, 1000, logits, 0, probs, 0);
        return probs;
    }

    @Benchmark
    public float[] residualAdd() {
        ops.add(a.length, a, 0, b, 0, sum, 0, Activation.NONE);
        return sum;
    }
}
