package dev.mobilevec.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.mobilevec.network.Layout;
import dev.mobilevec.network.Model;
import dev.mobilevec.network.Schedule;
import dev.mobilevec.network.Session;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * InterleavedOrtBenchmark's rounds outside JMH, every inference's time kept by its position in the round: RUNS of one
 * runtime, a pause of PAUSE ms, RUNS of the other, a pause, the order swapped every round. Prints, per runtime, the
 * median over rounds of the time at each position, and the median of each round's median (what the JMH benchmark
 * reports). Usage: PostIdle MODEL THREADS ROUNDS RUNS PAUSE (javac -cp bench/target/benchmarks.jar -d /tmp/pi; java
 * --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages
 * --enable-native-access=ALL-UNNAMED -cp /tmp/pi:bench/target/benchmarks.jar dev.mobilevec.bench.PostIdle ...).
 */
public class PostIdle {
    public static void main(String[] a) throws Exception {
        String model = a[0];
        int threads = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]), runs = Integer.parseInt(a[3]), pause = Integer.parseInt(a[4]);
        Model m = BenchModels.model(model);
        int t = BenchModels.threads(String.valueOf(threads));
        Session ours = m.newSession(1, t, Schedule.AUTO, true);
        float[] input = BenchModels.input(m.arch(), 1), output = new float[ours.outputLength()];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession ort = env.createSession(BenchModels.onnx(model, m), BenchModels.ortOptions(t));
        var ar = m.arch();
        OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, ar.inputChannels(), ar.height(), ar.width()});
        Map<String, OnnxTensor> feed = Map.of("input", in);
        for (int i = 0; i < 300; i++) ours.run(input, 0, Layout.NCHW, output, 0, null);
        for (int i = 0; i < 30; i++) try (OrtSession.Result r = ort.run(feed)) { r.get(0); }
        double[][][] pos = new double[2][runs][rounds];
        double[][] med = new double[2][rounds];
        long[] tt = new long[runs];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int who = ((r & 1) == 0) == (k == 0) ? 0 : 1;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    if (who == 0) ours.run(input, 0, Layout.NCHW, output, 0, null);
                    else try (OrtSession.Result res = ort.run(feed)) { ((OnnxTensor) res.get(0)).getFloatBuffer().get(0); }
                    tt[i] = System.nanoTime() - t0;
                    pos[who][i][r] = tt[i] / 1e6;
                }
                long[] s = tt.clone(); Arrays.sort(s);
                med[who][r] = (runs % 2 == 1 ? s[runs / 2] : (s[runs / 2 - 1] + s[runs / 2]) / 2.0) / 1e6;
                Thread.sleep(pause);
            }
        }
        String[] names = {"ours", "ort"};
        System.out.printf("%s t%d, %d rounds of %d, pause %d ms%n", model, threads, rounds, runs, pause);
        for (int w = 0; w < 2; w++) {
            StringBuilder sb = new StringBuilder(String.format("  %-4s median of round medians %.3f ms; by position:", names[w], median(med[w])));
            for (int i = 0; i < runs; i++) sb.append(String.format(" %.2f", median(pos[w][i])));
            System.out.println(sb);
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) ratio[r] = med[0][r] / med[1][r];
        System.out.printf("  ours / ort, median of round ratios: %.3f%n", median(ratio));
        ours.close();
        System.exit(0);
    }

    static double median(double[] v) { double[] s = v.clone(); Arrays.sort(s); return s[s.length / 2]; }
}
