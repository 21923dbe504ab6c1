package dev.mobilevec.bench;

import dev.mobilevec.kernels.Conv2dKernel;
import dev.mobilevec.kernels.HeapAlignment;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.DepthwiseConv5x5Nhwc;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.network.LayerDef;
import dev.mobilevec.onnx.OnnxImporter;
import java.nio.file.Path;
import java.util.List;
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
 * The depthwise 5x5 layers of a MobileNetV3 graph (default: test-data's torchvision
 * mobilenet_v3_small at 128x128; run from the repository root), fast vs reference, batch 1, 1 thread.
 * {@code index} picks the n-th 5x5 layer of the imported table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages",
        "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000"}) // see LayerBenchmark
public class Depthwise5x5Benchmark {
    @Param({"test-data/mobilenet_v3_small_128.onnx"})
    public String onnx;

    @Param({"0", "1", "2"})
    public int index;

    @Param({"fast", "reference"})
    public String impl;

    PreparedConv conv;
    float[] in, out;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        List<LayerDef> dw5 = OnnxImporter.read(Path.of(onnx)).arch().layers().stream()
                .filter(l -> l.conv() != null && l.conv().isDepthwise() && l.conv().kH() == 5).toList();
        if (index >= dw5.size()) {
            throw new IllegalArgumentException(onnx + " has " + dw5.size() + " depthwise 5x5 layers, asked for #" + index);
        }
        LayerDef l = dw5.get(index);
        ConvSpec s = l.conv();
        Conv2dKernel k = impl.equals("fast") ? DepthwiseConv5x5Nhwc.INSTANCE : ReferenceConv2d.INSTANCE;
        SplittableRandom r = new SplittableRandom(1);
        float[] w = new float[s.weightLength()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 0.1f;
        }
        conv = k.prepare(s, w, new float[s.outC()], l.activation());
        in = new float[HeapAlignment.FLOAT_OFFSET + s.inputLength(1)];
        for (int i = HeapAlignment.FLOAT_OFFSET; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        out = new float[HeapAlignment.FLOAT_OFFSET + LayerBenchmark.OUT_STAGGER + s.outputLength(1)];
    }

    @Benchmark
    public float[] run() {
        int o = HeapAlignment.FLOAT_OFFSET; // aligned as the session's arena (see LayerBenchmark)
        conv.run(1, in, o, out, o + LayerBenchmark.OUT_STAGGER); // 4K aliasing: see LayerBenchmark.OUT_STAGGER
        return out;
    }
}
