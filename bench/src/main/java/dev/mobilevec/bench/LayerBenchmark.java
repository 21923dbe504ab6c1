package dev.mobilevec.bench;

import dev.mobilevec.kernels.Conv2dKernel;
import dev.mobilevec.kernels.HeapAlignment;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.network.Backend;
import dev.mobilevec.network.LayerDef;
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
 * One convolution layer (batch 1, 1 thread) of MobileNet v1 or v2 at the given width and resolution,
 * named "v1/LAYER" or "v2/LAYER" and read from that network's layer table (the default list holds
 * each distinct shape once); or of a torchvision model in bench/models ({@code bench/export_peers.py}),
 * "mnasnet1_0/#33", by its index in the table {@code ./mobilevec bench --model F.onnx} prints (ONNX layer
 * names are long). {@code impl} swaps the fast kernel for the reference. The report script divides each
 * layer's FLOPs by the time and by the FMA peak of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// As ./mobilevec and the session run: 64-byte object alignment, tensors from HeapAlignment.FLOAT_OFFSET. Until the
// fifteenth session this ran unaligned (every 512-bit load of a small array split across two lines): Zen 4, 7x7x1024
// 3x3 depthwise 43 us here against 20 aligned (bench/results/zen4/t34/). And the heap on transparent huge pages where
// Linux offers them (README, "Huge pages"): UseTransparentHugePages is a Linux-only HotSpot flag, which any other JVM
// refuses to start with; IgnoreUnrecognizedVMOptions lets the fork start there (on 4 KB pages). And safepoints in counted
// loops under any collector, as G1 has them (README, "Counted-loop safepoints"; a fork on a one-CPU machine gets Serial).
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages",
        "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000"})
public class LayerBenchmark {

    @Param({"v1/conv0", "v1/block1.dw", "v1/block1.pw", "v1/block2.dw", "v1/block2.pw", "v1/block3.dw", "v1/block3.pw",
        "v1/block4.dw", "v1/block4.pw", "v1/block5.dw", "v1/block5.pw", "v1/block6.dw", "v1/block6.pw", "v1/block7.dw",
        "v1/block7.pw", "v1/block12.dw", "v1/block12.pw", "v1/block13.dw", "v1/block13.pw", "v1/fc",
        "v2/conv0", "v2/block1.dw", "v2/block1.project", "v2/block2.expand", "v2/block2.dw", "v2/block2.project",
        "v2/block3.expand", "v2/block3.dw", "v2/block3.project", "v2/block4.dw", "v2/block4.project", "v2/block5.expand",
        "v2/block5.dw", "v2/block5.project", "v2/block7.dw", "v2/block7.project", "v2/block8.expand", "v2/block8.dw",
        "v2/block8.project", "v2/block11.project", "v2/block12.expand", "v2/block12.dw", "v2/block12.project",
        "v2/block14.dw", "v2/block14.project", "v2/block15.expand", "v2/block15.dw", "v2/block15.project",
        "v2/block17.project", "v2/conv_last", "v2/fc"})
    public String layer;

    @Param({"fast", "reference"})
    public String impl;

    @Param({"1.0"})
    public double alpha;

    @Param({"224"})
    public int resolution;

    /**
     * Floats before the input and output in their arrays; -1 (the default) is {@link HeapAlignment#FLOAT_OFFSET}, where
     * the fork's 64-byte object alignment puts them on a 64-byte boundary, as the session's arena does. 0 is the
     * unaligned case (a 16-byte array header).
     */
    @Param({"-1"})
    public int offset;

    PreparedConv conv;
    float[] in, out;
    int base;

    @Setup(Level.Trial)
    public void setup() throws java.io.IOException {
        base = offset < 0 ? HeapAlignment.FLOAT_OFFSET : offset;
        int slash = layer.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("layer must be v1/NAME or v2/NAME, got '" + layer + "'");
        }
        String model = layer.substring(0, slash), name = layer.substring(slash + 1);
        java.util.List<LayerDef> layers = BenchModels.TORCHVISION.contains(model)
                ? dev.mobilevec.onnx.OnnxImporter.read(BenchModels.file(model)).arch().layers()
                : BenchModels.arch(model + "-" + alpha + "-" + resolution).layers();
        LayerDef l;
        if (name.startsWith("#")) {
            int i = Integer.parseInt(name.substring(1));
            if (i < 0 || i >= layers.size()) {
                throw new IllegalArgumentException(layer + ": " + model + " has layers #0..#" + (layers.size() - 1));
            }
            l = layers.get(i);
        } else {
            l = layers.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no layer " + layer));
        }
        if (l.conv() == null) {
            throw new IllegalArgumentException(layer + " (" + l.name() + ", " + l.type() + ") is not a convolution");
        }
        Conv2dKernel k = impl.equals("fast") ? Backend.FAST.kernel(l) : ReferenceConv2d.INSTANCE;
        SplittableRandom r = new SplittableRandom(1);
        float[] w = new float[l.conv().weightLength()], b = new float[l.outC()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 0.1f;
        }
        conv = k.prepare(l.conv(), w, b, l.activation());
        in = new float[base + l.conv().inputLength(1)];
        for (int i = base; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        out = new float[base + OUT_STAGGER + l.conv().outputLength(1)];
    }

    /**
     * The output starts 16 floats (64 bytes) further into its array than the input: G1 puts large arrays at region
     * starts, and an input and output at the same address modulo 4 KB made the depthwise stores alias the loads
     * (Session.STAGGER; Zen 3: 14x14x512 3x3 123 vs 77 us).
     */
    static final int OUT_STAGGER = 16;

    @Benchmark
    public float[] run() {
        conv.run(1, in, base, out, base + OUT_STAGGER);
        return out;
    }
}
