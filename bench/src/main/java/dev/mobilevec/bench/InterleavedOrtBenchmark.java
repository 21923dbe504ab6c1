package dev.mobilevec.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Schedule;
import dev.mobilevec.network.Session;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Ours against ONNX Runtime in one fork, interleaved. {@link NetworkBenchmark} and {@link OnnxRuntimeBenchmark} run
 * in forks minutes apart, and on a shared machine the two drift by more than the runtimes differ (ONNX Runtime's
 * V3-large 6.3 ms in one full run, 7.8 in the next). Here each call is a round: {@code runs} inferences of one
 * runtime, a pause, {@code runs} of the other, a pause, the order swapped every round; every round gives ours /
 * ONNX Runtime's ratio of the two medians, taken within tens of milliseconds of each other. The pause lets ONNX
 * Runtime's intra-op threads, which spin for a while after a run, go idle before ours start (and ours park).
 *
 * <p>The primary score (time per round) is not the result: the aux counters are. Per iteration, {@code oursOverOrt}
 * is the median over its rounds of that ratio, and {@code oursMs} / {@code ortMs} the medians of each runtime's round
 * medians; {@code bench/report.py} takes the median over iterations. {@code quietOursOverOrt} is the ratio of the two
 * runtimes' 10th percentiles of their round medians: on a shared machine whose slow phases slow the two unequally
 * (bench/results/avx2/t45: v1 rounds 16 -> 25-44 ms for ours against 16 -> 19-31 for ONNX Runtime), the comparison at
 * its quieter moments, reported beside the median, never instead of it. Same models, input, threads and ONNX Runtime
 * options as the two benchmarks above (the seeded models exported by OnnxExporter, or the torchvision files).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages",
        "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000"})
public class InterleavedOrtBenchmark {
    @Param({"v1-1.0-224", "v2-1.0-224"})
    public String model;

    @Param({"1", "2"})
    public String threads;

    @Param({"1"})
    public int batch;

    /** Inferences of each runtime per round. */
    @Param({"10"})
    public int runs;

    /** Idle time after each runtime's runs. */
    @Param({"20"})
    public int pauseMs;

    Session ours;
    float[] input, output;
    OrtEnvironment env;
    OrtSession ort;
    OnnxTensor ortInput;
    Map<String, OnnxTensor> feed;
    long[] oursNanos, ortNanos;
    int round;

    /** The per-iteration results (JMH reads public fields of an aux-counter state after each iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Ratio {
        public double oursOverOrt;
        public double oursMs;
        public double ortMs;
        public double quietOursOverOrt;
        // Rounds take at least 2 x pauseMs (40 ms by default): a 4 s iteration holds about a hundred.
        private final double[] ratios = new double[4096], oursRounds = new double[4096], ortRounds = new double[4096];
        private final double[] scratch = new double[4096];
        private int n;

        @Setup(Level.Iteration)
        public void reset() {
            n = 0;
            oursOverOrt = oursMs = ortMs = quietOursOverOrt = 0;
        }

        void add(double oursMedianMs, double ortMedianMs) {
            if (n == ratios.length) {
                return; // the first 4096 rounds of a longer iteration (-r far above 4 s with -p pauseMs=0) decide it
            }
            oursRounds[n] = oursMedianMs;
            ortRounds[n] = ortMedianMs;
            ratios[n] = oursMedianMs / ortMedianMs;
            n++;
            oursOverOrt = median(ratios, n, scratch);
            oursMs = median(oursRounds, n, scratch);
            ortMs = median(ortRounds, n, scratch);
            quietOursOverOrt = quantile(oursRounds, n, 0.1, scratch) / quantile(ortRounds, n, 0.1, scratch);
        }

        /** The q-quantile of v[0, n) by the lower nearest rank, element floor(q * (n - 1)) of v sorted (in scratch). */
        static double quantile(double[] v, int n, double q, double[] scratch) {
            System.arraycopy(v, 0, scratch, 0, n);
            Arrays.sort(scratch, 0, n);
            return scratch[(int) Math.floor(q * (n - 1))];
        }

        /** The median of v[0, n), sorted in scratch (nothing allocated inside the measured rounds). */
        static double median(double[] v, int n, double[] scratch) {
            System.arraycopy(v, 0, scratch, 0, n);
            Arrays.sort(scratch, 0, n);
            return (n & 1) == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
        }
    }

    @Setup(Level.Trial)
    public void setup() throws OrtException, java.io.IOException {
        if (runs < 1 || pauseMs < 0) {
            throw new IllegalArgumentException("runs must be at least 1 and pauseMs at least 0; got " + runs + " and " + pauseMs);
        }
        Model m = BenchModels.model(model);
        int t = BenchModels.threads(threads);
        ours = m.newSession(batch, t, Schedule.AUTO, true);
        input = BenchModels.input(m.arch(), batch);
        output = new float[ours.outputLength()];
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = BenchModels.ortOptions(t)) {
            ort = env.createSession(BenchModels.onnx(model, m), o);
        }
        var a = m.arch();
        ortInput = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
                new long[] {batch, a.inputChannels(), a.height(), a.width()});
        feed = Map.of("input", ortInput);
        oursNanos = new long[runs];
        ortNanos = new long[runs];
        // C2 needs a few hundred inferences to compile every kernel (./mobilevec bench warms up with 200); rounds of
        // 10 with pauses give a short JMH warm-up far fewer (quick mode, -w 1: ours at 40x its time).
        for (int i = 0; i < WARM_UP; i++) {
            ours.run(input, 0, Layout.NCHW, output, 0, null);
        }
        for (int i = 0; i < WARM_UP / 10; i++) {
            try (OrtSession.Result r = ort.run(feed)) {
                r.get(0);
            }
        }
    }

    static final int WARM_UP = 300;

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        ortInput.close();
        ort.close();
        ours.close();
    }

    @Benchmark
    public float round(Ratio ratio) throws OrtException, InterruptedException {
        boolean oursFirst = (round++ & 1) == 0;
        float sink = oursFirst ? runOurs() : runOrt();
        Thread.sleep(pauseMs);
        sink += oursFirst ? runOrt() : runOurs();
        Thread.sleep(pauseMs);
        ratio.add(medianMs(oursNanos), medianMs(ortNanos));
        return sink;
    }

    private float runOurs() {
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            ours.run(input, 0, Layout.NCHW, output, 0, null);
            oursNanos[i] = System.nanoTime() - t0;
        }
        return output[0];
    }

    private float runOrt() throws OrtException {
        float sink = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (OrtSession.Result r = ort.run(feed)) {
                sink += ((OnnxTensor) r.get(0)).getFloatBuffer().get(0);
            }
            ortNanos[i] = System.nanoTime() - t0;
        }
        return sink;
    }

    /** Sorts in place: the next round overwrites every entry. */
    private static double medianMs(long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        return ((n & 1) == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0) / 1e6;
    }
}
