package dev.mobilevec.kernels;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One generated convolution problem: shape, batch, activation and a data seed. Shapes are drawn by
 * QuickTheories (so they shrink); the arrays are derived from the seed, so a printed case is
 * enough to rebuild the data.
 */
record ConvCase(ConvSpec spec, int batch, Activation act, Values values, long seed) {

    static final int L = Lanes.COUNT;

    float[] input() {
        return values.array(new SplittableRandom(seed), spec.inputLength(batch));
    }

    float[] weights() {
        return values.array(new SplittableRandom(seed * 31 + 1), spec.weightLength());
    }

    float[] bias() {
        return values.array(new SplittableRandom(seed * 31 + 2), spec.outC());
    }

    ConvCase with(ConvSpec s) {
        return new ConvCase(s, batch, act, values, seed);
    }

    ConvCase with(Activation a) {
        return new ConvCase(spec, batch, a, values, seed);
    }

    @Override
    public String toString() {
        return "ConvCase[" + spec + ", batch " + batch + ", " + act + ", " + values + ", seed " + seed + "]";
    }

    // ---- generators ----

    /** Channel counts 1..3L+1, biased toward L-1, L, L+1 and the given tile multiples. */
    static Gen<Integer> channels(int... tiles) {
        List<Integer> special = new java.util.ArrayList<>(List.of(Math.max(1, L - 1), L, L + 1, 2 * L, 3 * L + 1));
        for (int t : tiles) {
            special.addAll(List.of(t, t + 1, Math.max(1, t - 1)));
        }
        return Generate.range(1, 3 * L + 1).mix(Generate.pick(special), 50);
    }

    static Gen<Activation> activations() {
        return Generate.pick(Arrays.asList(Activation.NONE, Activation.RELU, Activation.RELU6, Activation.clamp(-0.5f, 0.25f), Activation.clamp(-0f, 6f),
                Activation.clamp(0.25f, 4f), Activation.clamp(Float.NEGATIVE_INFINITY, 2f),
                Activation.HARDSWISH, Activation.HARDSIGMOID, Activation.hardSigmoid(0.2f, 0.5f)));
    }

    static Gen<Values> valueMixes() {
        return Generate.pick(Arrays.asList(Values.UNIFORM, Values.MIXED));
    }

    static Gen<Long> seeds() {
        return Generate.longRange(0, Long.MAX_VALUE / 64);
    }

    static Gen<ConvCase> depthwise() {
        // Every block count around one vector (tails with and without full blocks) and a few wide layers (128: the
        // 3x3 kernel's pixel-major stride-2 path).
        Gen<Integer> ch = channels()
                .mix(Generate.pick(List.of(L - 1, L, L + 1, 2 * L + 3, 4 * L, 4 * L + 3, 6 * L + 1, 128, 257)), 30);
        return depthwise(3, Generate.range(1, 40).mix(Generate.pick(List.of(1, 2, 3, 7)), 20), Generate.range(0, 2), ch);
    }

    /** Depthwise 5x5, stride 1 or 2, any legal padding (0..4 per side, biased to MobileNetV3's 2). */
    static Gen<ConvCase> depthwise5x5() {
        return depthwise(5, Generate.range(1, 24).mix(Generate.pick(List.of(1, 2, 5, 7)), 20),
                Generate.range(0, 4).mix(Generate.pick(List.of(2)), 40), channels(4 * L));
    }

    /** Depthwise k x k cases, stride 1 or 2; bottom/right padding is raised where the padded input would not cover the kernel. */
    static Gen<ConvCase> depthwise(int k, Gen<Integer> dim, Gen<Integer> pad, Gen<Integer> ch) {
        Gen<Integer> stride = Generate.range(1, 2);
        Gen<Integer> batch = Generate.range(1, 3);
        Gen<Activation> act = activations();
        Gen<Values> vals = valueMixes();
        Gen<Long> seed = seeds();
        Gen<ConvCase> g = rs -> {
            int h = dim.generate(rs), w = dim.generate(rs), c = ch.generate(rs), s = stride.generate(rs);
            int pt = pad.generate(rs), pl = pad.generate(rs), pb = pad.generate(rs), pr = pad.generate(rs);
            pb = Math.max(pb, k - h - pt);
            pr = Math.max(pr, k - w - pl);
            return new ConvCase(new ConvSpec(h, w, c, c, k, k, s, s, pt, pl, pb, pr, c), batch.generate(rs), act.generate(rs),
                    vals.generate(rs), seed.generate(rs));
        };
        return g.describedAs(ConvCase::toString);
    }

    static Gen<ConvCase> pointwise() {
        Gen<Integer> dim = Generate.range(1, 40).mix(Generate.pick(List.of(1, 2, 7)), 20);
        Gen<Integer> cin = channels(PointwiseGemm.KC, 2 * PointwiseGemm.KC);
        // NR + L + 2: a partial panel of one to two vectors after a full one (tile8x2Tail after tile6/tile4; with 16
        // registers tile6x1 whole then masked after tile5x2); 2L and 3L (+-1 from channels()): tile6x2 alone, then
        // with a whole or masked tile6x1, and tile8x3 alone; NR + 3L: tile8x3 after a full panel, then the 8 x 1
        // tail up to NR + 4L - 1.
        Gen<Integer> cout = channels(PointwiseGemm.NR, 2 * PointwiseGemm.NR, PointwiseGemm.NR + L + 2, 2 * L, 3 * L,
                PointwiseGemm.NR + 3 * L, PointwiseGemm.NR + 4 * L - 1);
        Gen<Integer> batch = Generate.range(1, 3);
        Gen<Activation> act = activations();
        Gen<Values> vals = valueMixes();
        Gen<Long> seed = seeds();
        Gen<ConvCase> g = rs -> {
            int h = dim.generate(rs), w = dim.generate(rs), k = cin.generate(rs);
            if (k > 256) {
                // Several K blocks: keep the image small so the double-precision reference stays quick.
                h = Math.min(h, 5);
                w = Math.min(w, 5);
            }
            return new ConvCase(ConvSpec.pointwise(h, w, k, cout.generate(rs)), batch.generate(rs), act.generate(rs),
                    vals.generate(rs), seed.generate(rs));
        };
        return g.describedAs(ConvCase::toString);
    }

    static Gen<ConvCase> conv3x3() {
        Gen<Integer> dim = Generate.range(1, 40).mix(Generate.pick(List.of(1, 2, 3, 13)), 20);
        Gen<Integer> pad = Generate.range(0, 2);
        Gen<Integer> stride = Generate.range(1, 2);
        Gen<Integer> cin = Generate.range(1, 4).mix(Generate.pick(List.of(3, 8)), 30);
        Gen<Integer> cout = channels(2 * L);
        Gen<Integer> batch = Generate.range(1, 3);
        Gen<Activation> act = activations();
        Gen<Values> vals = valueMixes();
        Gen<Long> seed = seeds();
        Gen<ConvCase> g = rs -> {
            int h = dim.generate(rs), w = dim.generate(rs), s = stride.generate(rs);
            int pt = pad.generate(rs), pl = pad.generate(rs), pb = pad.generate(rs), pr = pad.generate(rs);
            pb = Math.max(pb, 3 - h - pt);
            pr = Math.max(pr, 3 - w - pl);
            return new ConvCase(ConvSpec.full(h, w, cin.generate(rs), cout.generate(rs), 3, s, pt, pl, pb, pr),
                    batch.generate(rs), act.generate(rs), vals.generate(rs), seed.generate(rs));
        };
        return g.describedAs(ConvCase::toString);
    }
}
