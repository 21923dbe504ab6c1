package dev.mobilevec.bench;

import dev.mobilevec.kernels.Conv2dKernel;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.network.MobileNetV1;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One convolution layer of MobileNet v1 1.0-224 (batch 1, 1 thread), shapes read from the network's
 * layer table; {@code impl} swaps the fast kernel for the reference. The report script divides each
 * layer's FLOPs by the time and by the FMA peak of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LayerBenchmark {

    @Param({"conv0", "block1.dw", "block1.pw", "block2.dw", "block2.pw", "block3.dw", "block3.pw", "block4.dw", "block4.pw",
        "block5.dw", "block5.pw", "block6.dw", "block6.pw", "block7.dw", "block7.pw", "block12.dw", "block12.pw",
        "block13.dw", "block13.pw", "fc"})
    public String layer;

    @Param({"fast", "reference"})
    public String impl;

    @Param({"1.0"})
    public double alpha;

    @Param({"224"})
    public int resolution;

    /**
     * Floats before the input and output in their arrays. With -XX:ObjectAlignmentInBytes=64 and a
     * 16-byte array header, 12 puts both on a 64-byte boundary: the alignment experiment.
     */
    @Param({"0"})
    public int offset;

    PreparedConv conv;
    float[] in, out;

    @Setup(Level.Trial)
    public void setup() {
        LayerDef l = MobileNetV1.standard(alpha, resolution).layers().stream().filter(d -> d.name().equals(layer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layer));
        Conv2dKernel k = impl.equals("fast") ? Backend.FAST.kernel(l) : ReferenceConv2d.INSTANCE;
        SplittableRandom r = new SplittableRandom(1);
        float[] w = new float[l.conv().weightLength()], b = new float[l.outC()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 0.1f;
        }
        conv = k.prepare(l.conv(), w, b, l.activation());
        in = new float[offset + l.conv().inputLength(1)];
        for (int i = offset; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        out = new float[offset + l.conv().outputLength(1)];
    }

    @Benchmark
    public float[] run() {
        conv.run(1, in, offset, out, offset);
        return out;
    }
}
