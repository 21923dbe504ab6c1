package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.kernels.ReferenceTensorOps;

/**
 * Runs a model's layer graph with the reference kernels and, alongside, an error bound derived
 * layer by layer and propagated to the output. The bound B holds for the fast kernels against the
 * reference; it also holds for the reference against the exact result of the unfolded float32
 * model (whose own roundings, u|y| per layer plus u per folded weight and bias, are within the
 * 2(K+1)u(|W||x| + |b|) budget), and for any float32 implementation that accumulates its dot
 * products with one rounding per multiply-add.
 *
 * <p>Per layer, with E the bound already in the input:
 * <ul>
 * <li>convolution / FC: P = |W| E + 2(K+1) u (|W||x| + |b|) + 2(K+1) 2^-149 (the kernel tests' bound);
 *     clamps are 1-Lipschitz so the output bound is P; a gated activation f gives
 *     Lip(f) P + (4+|beta|) u (2|pre| + P) + 2u (its own float evaluation; see the kernels' Bounds);
 * <li>add: Ea + Eb + u (2|a+b| + Ea + Eb), then the activation as above;
 * <li>channel scale y = x s: |s| Ex + |x| Es + Ex Es, plus 2u times the sum of |y| and those terms;
 * <li>average pooling: the mean of E plus 2(hw+1) u mean|x|;
 * <li>softmax (last layer only): |dp_i| <= 2 p_i (E_i + max_j E_j) + 2(k + 6 + 2 max shift) u p_i + 2k 2^-149.
 * </ul>
 * |W|E and |W||x| are computed by the reference kernel on absolute values; c = 2 covers the
 * second-order terms, many orders of magnitude smaller here.
 */
public final class PropagatedBound {
    static final double U = Math.scalb(1.0, -24), SUB = Math.scalb(1.0, -149);

    /** The reference output and the per-element bound. */
    public record Result(float[] reference, double[] bound) {}

    private PropagatedBound() {}

    /** {@code input} is NHWC, batch x the model's input. */
    public static Result of(Model m, int batch, float[] input) {
        LayerDef[] layers = m.layers().toArray(new LayerDef[0]);
        int[] lastUse = new int[layers.length];
        for (LayerDef l : layers) {
            if (l.input() >= 0) {
                lastUse[l.input()] = l.index();
            }
            if (l.input2() >= 0) {
                lastUse[l.input2()] = l.index();
            }
        }
        float[][] xs = new float[layers.length][];
        double[][] es = new double[layers.length][];
        ReferenceTensorOps ops = ReferenceTensorOps.INSTANCE;
        int n = batch;
        for (LayerDef l : layers) {
            float[] x = l.input() < 0 ? input : xs[l.input()];
            double[] e = l.input() < 0 ? new double[input.length] : es[l.input()];
            float[] y;
            double[] ne;
            Activation act = l.activation();
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE, FC -> {
                    ConvSpec s = l.conv();
                    float[] w = m.foldedWeights(l.index()), b = m.foldedBias(l.index());
                    float[] pre = run(s, w, b, Activation.NONE, n, x);
                    float[] mag = run(s, abs(w), abs(b), Activation.NONE, n, abs(x));
                    float[] prop = run(s, abs(w), new float[s.outC()], Activation.NONE, n, toFloatUp(e));
                    int terms = s.kH() * s.kW() * s.inPerGroup() + 1;
                    y = new float[pre.length];
                    ne = new double[pre.length];
                    for (int i = 0; i < pre.length; i++) {
                        y[i] = act.apply(pre[i]);
                        double p = prop[i] * (1 + 4 * U) + 2 * terms * (U * mag[i] * (1 + U) + SUB);
                        ne[i] = activated(act, pre[i], p);
                    }
                }
                case ADD -> {
                    float[] a2 = xs[l.input2()];
                    double[] e2 = es[l.input2()];
                    y = new float[x.length];
                    ne = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        float pre = (float) ((double) x[i] + a2[i]);
                        y[i] = act.apply(pre);
                        double p = e[i] + e2[i] + U * (2 * Math.abs(pre) + e[i] + e2[i]);
                        ne[i] = activated(act, pre, p);
                    }
                }
                case SCALE -> {
                    float[] f = xs[l.input2()];
                    double[] ef = es[l.input2()];
                    int px = l.inH() * l.inW(), c = l.inC();
                    y = new float[x.length];
                    ne = new double[x.length];
                    ops.scaleChannels(n, px, c, x, 0, f, 0, y, 0);
                    for (int i = 0; i < x.length; i++) {
                        int k = i / (px * c) * c + i % c;
                        double t = Math.abs(f[k]) * e[i] + Math.abs(x[i]) * ef[k] + e[i] * ef[k];
                        ne[i] = t + 2 * U * (Math.abs(y[i]) + t) + SUB;
                    }
                }
                case AVGPOOL -> {
                    int hw = l.inH() * l.inW(), ch = l.inC();
                    y = new float[n * ch];
                    float[] mag = new float[n * ch];
                    ops.globalAveragePool(n, l.inH(), l.inW(), ch, x, 0, y, 0);
                    ops.globalAveragePool(n, l.inH(), l.inW(), ch, abs(x), 0, mag, 0);
                    ne = new double[n * ch];
                    for (int img = 0; img < n; img++) {
                        for (int k = 0; k < ch; k++) {
                            double sum = 0;
                            for (int p = 0; p < hw; p++) {
                                sum += e[(img * hw + p) * ch + k];
                            }
                            ne[img * ch + k] = sum / hw + 2 * (hw + 1) * (U * mag[img * ch + k] * (1 + U) + SUB);
                        }
                    }
                }
                case SOFTMAX -> {
                    if (l.index() != layers.length - 1) {
                        throw new IllegalStateException("softmax bound derived for the last layer only");
                    }
                    int k = l.outC();
                    y = new float[x.length];
                    ops.softmax(n, k, x, 0, y, 0);
                    ne = new double[x.length];
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
                            ne[j] = 2 * y[j] * (e[j] + maxE) + 2 * (k + 6 + 2 * maxShift) * U * y[j] + 2 * k * SUB;
                        }
                    }
                }
                default -> throw new IllegalStateException(l.type().toString());
            }
            xs[l.index()] = y;
            es[l.index()] = ne;
            // Free what no later layer reads.
            for (int t : new int[] {l.input(), l.input2()}) {
                if (t >= 0 && lastUse[t] == l.index() && t != layers.length - 1) {
                    xs[t] = null;
                    es[t] = null;
                }
            }
        }
        return new Result(xs[layers.length - 1], es[layers.length - 1]);
    }

    /** The bound after the activation, given the pre-activation value and its bound (clamps: unchanged). */
    static double activated(Activation act, float pre, double p) {
        if (!act.gated()) {
            return p;
        }
        return act.lipschitz() * p + (4 + Math.abs((double) act.beta())) * U * (2 * Math.abs((double) pre) + p) + 2 * U + 6 * SUB;
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

    /**
     * Fails naming the first element where |actual - expected| exceeds c x bound. A bound that is
     * infinite or NaN (magnitudes past the float range: |W||x| overflowed, or inf x 0 in it) says
     * float evaluation may overflow there; such elements are not compared.
     */
    public static void assertWithin(String what, double[] expected, float[] actual, double[] bound, double c) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": length expected " + expected.length + ", actual " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(expected[i] - actual[i]);
            if (!Double.isFinite(bound[i])) {
                continue;
            }
            if (!(diff <= c * bound[i]) && !(Double.isNaN(expected[i]) && Float.isNaN(actual[i]))) {
                throw new AssertionError(what + ": element " + i + ": expected " + expected[i] + ", actual " + actual[i]
                        + ", |diff| " + diff + " > " + c + " x bound " + bound[i]);
            }
        }
    }
}
