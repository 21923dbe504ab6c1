import jdk.incubator.vector.*;

/**
 * ../t33/BcastProbe.java's loops plus one: a broadcast per FMA of the float's bits as an int (vpbroadcastd, the load
 * unit on Zen 4) against FloatVector.broadcast (vbroadcastss, an FP pipe there). Compile with the t33 probe:
 * javac --add-modules jdk.incubator.vector -d /tmp/p ../t33/BcastProbe.java BcastIntProbe.java
 */
public class BcastIntProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> SI = S.withLanes(int.class);

    // 8 chains, one int-bits broadcast per FMA (BcastProbe.oneEach otherwise)
    static float oneEachInt(float[] a, float[] w, int steps) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        FloatVector wv = FloatVector.fromArray(S, w, 0);
        for (int s = 0; s < steps; s++) {
            int i = s & 255;
            c0 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
            c1 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 256])).reinterpretAsFloats(), c1);
            c2 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 512])).reinterpretAsFloats(), c2);
            c3 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 768])).reinterpretAsFloats(), c3);
            c4 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1024])).reinterpretAsFloats(), c4);
            c5 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1280])).reinterpretAsFloats(), c5);
            c6 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1536])).reinterpretAsFloats(), c6);
            c7 = wv.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1792])).reinterpretAsFloats(), c7);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        float[] a = new float[4096], w = new float[256];
        for (int i = 0; i < a.length; i++) a[i] = 1e-3f * (i % 7);
        for (int i = 0; i < w.length; i++) w[i] = 1e-3f * (i % 5);
        int steps = 1 << 16;
        String[] names = {"none", "quarter", "oneEach", "loadEach", "oneEachInt"};
        float sink = 0;
        for (int round = 0; round < 12; round++) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < names.length; v++) {
                long t0 = System.nanoTime();
                for (int r = 0; r < 20; r++) {
                    sink += switch (v) {
                        case 0 -> BcastProbe.none(a, w, steps);
                        case 1 -> BcastProbe.quarter(a, w, steps);
                        case 2 -> BcastProbe.oneEach(a, w, steps);
                        case 3 -> BcastProbe.loadEach(a, w, steps);
                        default -> oneEachInt(a, w, steps);
                    };
                }
                double gf = 8.0 * steps * 20 * S.length() * 2 / (System.nanoTime() - t0);
                sb.append(String.format(" %s %.1f", names[v], gf));
            }
            if (round >= 4) System.out.println(S.vectorBitSize() + "-bit GFLOPS:" + sb);
        }
        if (sink == 42) System.out.println();
    }
}
