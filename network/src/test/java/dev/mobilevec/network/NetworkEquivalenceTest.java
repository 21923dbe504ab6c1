package dev.mobilevec.network;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fast network against the reference-kernel network, within the error bound derived layer by
 * layer and propagated to the output ({@link PropagatedBound}), for MobileNet v1 and v2 over
 * generated widths, input sizes, paddings, batches and thread counts.
 */
class NetworkEquivalenceTest {

    record Case(int version, double alpha, int h, int w, int batch, int threads, Padding padding, long seed) {
        Architecture arch() {
            return version == 1 ? new MobileNetV1(alpha, h, w, 1000, padding) : new MobileNetV2(alpha, h, w, 1000);
        }
    }

    static Gen<Case> cases() {
        Gen<Integer> version = Generate.pick(List.of(1, 2));
        Gen<Double> alpha = Generate.pick(List.of(0.25, 0.5, 0.75, 1.0));
        Gen<Integer> size = Generate.range(32, 72);
        Gen<Integer> small = Generate.range(1, 3);
        Gen<Padding> pad = Generate.enumValues(Padding.class);
        Gen<Long> seed = Generate.longRange(0, 1_000_000);
        Gen<Case> g = rs -> {
            int v = version.generate(rs);
            Padding p = pad.generate(rs);
            return new Case(v, alpha.generate(rs), size.generate(rs), size.generate(rs), small.generate(rs),
                    small.generate(rs), v == 1 ? p : Padding.SYMMETRIC, seed.generate(rs));
        };
        return g.describedAs(Case::toString);
    }

    @Test
    void fastNetworkMatchesReferenceWithinPropagatedBound() {
        qt().withExamples(12).forAll(cases()).checkAssert(NetworkEquivalenceTest::check);
    }

    static void check(Case c) {
        Architecture arch = c.arch();
        Model fast = Model.create(arch, SeededWeights.generate(arch, c.seed()), Backend.FAST);
        float[] input = image(c.batch() * arch.inputLength(), c.seed());
        float[] got = new float[c.batch() * fast.outputLength()];
        try (Session s = fast.newSession(c.batch(), c.threads())) {
            s.run(input, got);
        }
        PropagatedBound.Result r = PropagatedBound.of(fast, c.batch(), input);
        double[] expected = new double[got.length];
        for (int i = 0; i < got.length; i++) {
            expected[i] = r.reference()[i];
        }
        PropagatedBound.assertWithin("fast vs reference, " + c, expected, got, r.bound(), 1);
    }

    static float[] image(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0xABCDEFL);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }
}
