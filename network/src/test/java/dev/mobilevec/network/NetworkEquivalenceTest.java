package dev.mobilevec.network;

import static org.quicktheories.QuickTheory.qt;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.kernels.ReferenceTensorOps;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fast network against the reference-kernel network, with an error bound derived layer by
 * layer and propagated to the output:
 *
 * <p>For a convolution y = act(W x + b), with E the bound on the error already in x, the fast
 * result differs from the reference by at most |W| E (the incoming error through a linear map;
 * the clamp is 1-Lipschitz) plus the layer's own rounding 2(K+1)u(|W||x| + |b|) (see the kernel
 * tests). Pooling averages E and adds its own rounding. Softmax turns a logit error bound E into
 * |dp_i| <= p_i (E_i + max_j E_j) (first order) plus its rounding. All of |W|E, |W||x| are
 * computed with the reference kernel on absolute values. c = 2 throughout also covers the
 * second-order terms, which are many orders of magnitude smaller here.
 */
class NetworkEquivalenceTest {
    static final double U = Math.scalb(1.0, -24), SUB = Math.scalb(1.0, -149);

    record Case(double alpha, int h, int w, int batch, int threads, Padding padding, long seed) {}

    static Gen<Case> cases() {
        Gen<Double> alpha = Generate.pick(List.of(0.25, 0.5, 0.75, 1.0));
        Gen<Integer> size = Generate.range(32, 72);
        Gen<Integer> small = Generate.range(1, 3);
        Gen<Padding> pad = Generate.enumValues(Padding.class);
        Gen<Long> seed = Generate.longRange(0, 1_000_000);
        Gen<Case> g = rs -> new Case(alpha.generate(rs), size.generate(rs), size.generate(rs), small.generate(rs),
                small.generate(rs), pad.generate(rs), seed.generate(rs));
        return g.describedAs(Case::toString);
    }

    @Test
    void fastNetworkMatchesReferenceWithinPropagatedBound() {
        qt().withExamples(12).forAll(cases()).checkAssert(NetworkEquivalenceTest::check);
    }

    static void check(Case c) {
        MobileNetV1 arch = new MobileNetV1(c.alpha(), c.h(), c.w(), 1000, c.padding());
        Model fast = Model.create(arch, SeededWeights.generate(arch, c.seed()), Backend.FAST);
        float[] input = image(c.batch() * arch.inputLength(), c.seed());
        float[] got = new float[c.batch() * arch.classes()];
        try (Session s = fast.newSession(c.batch(), c.threads())) {
            s.run(input, got);
        }
        float[] x = input.clone();
        double[] e = new double[x.length];
        int n = c.batch();
        for (LayerDef l : fast.layers()) {
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE, FC -> {
                    ConvSpec s = l.conv();
                    float[] w = fast.foldedWeights(l.index()), b = fast.foldedBias(l.index());
                    float[] y = run(s, w, b, l.activation(), n, x);
                    float[] mag = run(s, abs(w), abs(b), Activation.NONE, n, abs(x));
                    float[] prop = run(s, abs(w), new float[s.outC()], Activation.NONE, n, toFloatUp(e));
                    int terms = s.kH() * s.kW() * s.inPerGroup() + 1;
                    double[] ne = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        ne[i] = prop[i] * (1 + 4 * U) + 2 * terms * (U * mag[i] * (1 + U) + SUB);
                    }
                    x = y;
                    e = ne;
                }
                case AVGPOOL -> {
                    int hw = l.inH() * l.inW(), ch = l.inC();
                    float[] y = new float[n * ch], mag = new float[n * ch];
                    ReferenceTensorOps.INSTANCE.globalAveragePool(n, l.inH(), l.inW(), ch, x, 0, y, 0);
                    ReferenceTensorOps.INSTANCE.globalAveragePool(n, l.inH(), l.inW(), ch, abs(x), 0, mag, 0);
                    double[] ne = new double[n * ch];
                    for (int img = 0; img < n; img++) {
                        for (int k = 0; k < ch; k++) {
                            double sum = 0;
                            for (int p = 0; p < hw; p++) {
                                sum += e[(img * hw + p) * ch + k];
                            }
                            ne[img * ch + k] = sum / hw + 2 * (hw + 1) * (U * mag[img * ch + k] * (1 + U) + SUB);
                        }
                    }
                    x = y;
                    e = ne;
                }
                case SOFTMAX -> {
                    int k = l.outC();
                    float[] p = new float[x.length];
                    ReferenceTensorOps.INSTANCE.softmax(n, k, x, 0, p, 0);
                    for (int img = 0; img < n; img++) {
                        double maxE = 0, maxShift = 0, max = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < k; i++) {
                            maxE = Math.max(maxE, e[img * k + i]);
                            max = Math.max(max, x[img * k + i]);
                        }
                        for (int i = 0; i < k; i++) {
                            maxShift = Math.max(maxShift, max - x[img * k + i]);
                        }
                        for (int i = 0; i < k; i++) {
                            int j = img * k + i;
                            double prob = p[j];
                            // Propagated logit error (first order, doubled for the exp of the bound) plus
                            // the softmax's own rounding as derived in the kernel tests.
                            double bound = 2 * prob * (e[j] + maxE) + 2 * (k + 6 + 2 * maxShift) * U * prob + 2 * k * SUB;
                            double diff = Math.abs(prob - got[j]);
                            if (!(diff <= bound)) {
                                Assertions.fail("image " + img + ", class " + i + ": reference " + prob + ", fast " + got[j]
                                        + ", |diff| " + diff + " > propagated bound " + bound + " for " + c);
                            }
                        }
                    }
                }
            }
        }
    }

    static float[] run(ConvSpec s, float[] w, float[] b, Activation act, int n, float[] in) {
        PreparedConv p = ReferenceConv2d.INSTANCE.prepare(s, w, b, act);
        float[] out = new float[s.outputLength(n)];
        p.run(n, in, 0, out, 0);
        return out;
    }

    static float[] abs(float[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.abs(a[i]);
        }
        return r;
    }

    /** Error bounds as floats, rounded up so they stay bounds. */
    static float[] toFloatUp(double[] e) {
        float[] r = new float[e.length];
        for (int i = 0; i < e.length; i++) {
            float f = (float) e[i];
            r[i] = f < e[i] ? Math.nextUp(f) : f;
        }
        return r;
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
