package dev.mobilevec.network;

import dev.mobilevec.kernels.Activation;
import dev.mobilevec.kernels.ConvSpec;
import java.util.Arrays;

/**
 * A first-order rounding-error bound for each network output, by adjoints (running error
 * analysis): every layer l commits a local error of at most e_l (per element, the kernel bound
 * 2(K+1)u(|W||x| + |b|), which also covers rounding the folded weights; u|y| for adds and scaling;
 * the pooling and softmax bounds of {@link PropagatedBound}; the float evaluation of a gated
 * activation). To first order the output moves by sum_l g_l . delta_l, where g_l is the gradient of
 * that output with respect to layer l's result, so |error_i| <= sum_l sum_j |g_{i,l,j}| e_{l,j}.
 *
 * <p>Unlike {@link PropagatedBound}, which pushes |W| E forward and so assumes every error lines up
 * with every weight's sign (growing by the l1 norm of each layer, hopeless for 50 layers with
 * random weights), this keeps the signs of the actual Jacobian and takes magnitudes only at the
 * local errors. It is exact to first order; tests multiply it by c = 2 for the second-order terms
 * (products of errors of order 1e-12 here) and for clamp kinks crossed within the error.
 *
 * <p>The gradients are computed in double by a backward pass per output element over the
 * reference forward values: slow (a forward's work per output) but only used on test models.
 */
public final class AdjointBound {
    static final double U = Math.scalb(1.0, -24), SUB = Math.scalb(1.0, -149);

    private final LayerDef[] layers;
    private final Model m;
    private final int n;
    /** Per layer: the reference input (float, as the kernels see it), pre-activation and local error bound. */
    private final float[][] outs;
    private final double[][] pre, local;
    private final float[] input;

    public AdjointBound(Model m, int batch, float[] input) {
        this.m = m;
        this.n = batch;
        this.input = input;
        layers = m.layers().toArray(new LayerDef[0]);
        outs = new float[layers.length][];
        pre = new double[layers.length][];
        local = new double[layers.length][];
        forward();
    }

    private float[] in(int layer) {
        return layer < 0 ? input : outs[layer];
    }

    private void forward() {
        var ops = dev.mobilevec.kernels.ReferenceTensorOps.INSTANCE;
        for (LayerDef l : layers) {
            float[] x = in(l.input());
            Activation act = l.activation();
            int i0 = l.index();
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE, FC -> {
                    ConvSpec s = l.conv();
                    float[] w = m.foldedWeights(i0), b = m.foldedBias(i0);
                    float[] p = PropagatedBound.run(s, w, b, Activation.NONE, n, x);
                    float[] mag = PropagatedBound.run(s, PropagatedBound.abs(w), PropagatedBound.abs(b), Activation.NONE, n,
                            PropagatedBound.abs(x));
                    int terms = s.kH() * s.kW() * s.inPerGroup() + 1;
                    finish(i0, act, p, i -> 2 * terms * (U * mag[i] * (1 + U) + SUB));
                }
                case ADD -> {
                    float[] a2 = in(l.input2());
                    float[] p = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        p[i] = (float) ((double) x[i] + a2[i]);
                    }
                    finish(i0, act, p, i -> U * Math.abs(p[i]) + SUB);
                }
                case SCALE -> {
                    float[] f = in(l.input2());
                    float[] y = new float[x.length];
                    ops.scaleChannels(n, l.inH() * l.inW(), l.inC(), x, 0, f, 0, y, 0);
                    finish(i0, act, y, i -> U * Math.abs(y[i]) + SUB);
                }
                case AVGPOOL -> {
                    int hw = l.inH() * l.inW(), ch = l.inC();
                    float[] y = new float[n * ch], mag = new float[n * ch];
                    ops.globalAveragePool(n, l.inH(), l.inW(), ch, x, 0, y, 0);
                    ops.globalAveragePool(n, l.inH(), l.inW(), ch, PropagatedBound.abs(x), 0, mag, 0);
                    finish(i0, act, y, i -> 2 * (hw + 1) * (U * mag[i] * (1 + U) + SUB));
                }
                case SOFTMAX -> {
                    int k = l.outC();
                    float[] y = new float[x.length];
                    ops.softmax(n, k, x, 0, y, 0);
                    double[] shift = new double[n];
                    for (int img = 0; img < n; img++) {
                        double max = Double.NEGATIVE_INFINITY, ms = 0;
                        for (int i = 0; i < k; i++) {
                            max = Math.max(max, x[img * k + i]);
                        }
                        for (int i = 0; i < k; i++) {
                            ms = Math.max(ms, max - x[img * k + i]);
                        }
                        shift[img] = ms;
                    }
                    finish(i0, act, y, i -> 2 * (k + 6 + 2 * shift[i / k]) * U * y[i] + 2 * k * SUB);
                }
                default -> throw new IllegalStateException(l.type().toString());
            }
        }
    }

    private void finish(int i0, Activation act, float[] p, java.util.function.IntToDoubleFunction err) {
        float[] y = new float[p.length];
        double[] pd = new double[p.length], e = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
            y[i] = act.apply(p[i]);
            e[i] = err.applyAsDouble(i);
        }
        outs[i0] = y;
        pre[i0] = pd;
        local[i0] = e;
    }

    /** The reference output. */
    public float[] reference() {
        return outs[layers.length - 1];
    }

    /** The first-order bound for every output element. */
    public double[] bound() {
        int last = layers.length - 1;
        double[] b = new double[outs[last].length];
        for (int i = 0; i < b.length; i++) {
            b[i] = boundFor(i);
        }
        return b;
    }

    /** Backward pass from output element {@code out}: sum over layers of |gradient| x local error. */
    double boundFor(int out) {
        double[][] grad = new double[layers.length][];
        int last = layers.length - 1;
        grad[last] = new double[outs[last].length];
        grad[last][out] = 1;
        double total = 0;
        for (int li = last; li >= 0; li--) {
            LayerDef l = layers[li];
            double[] gy = grad[li];
            if (gy == null) {
                continue;
            }
            grad[li] = null;
            Activation act = l.activation();
            double[] gp = new double[gy.length];
            for (int j = 0; j < gy.length; j++) {
                gp[j] = gy[j] * derivative(act, pre[li][j]);
                total += Math.abs(gp[j]) * local[li][j];
                if (act.gated()) {
                    // The activation's own float evaluation, at most (4 + |beta|) u |pre| + u.
                    total += Math.abs(gy[j]) * ((4 + Math.abs((double) act.beta())) * U * Math.abs(pre[li][j]) + U);
                }
            }
            float[] x = in(l.input());
            double[] gx = accumulate(grad, l.input(), x.length);
            switch (l.type()) {
                case CONV3X3, DEPTHWISE, POINTWISE, FC -> convBackward(l.conv(), m.foldedWeights(li), gp, gx);
                case ADD -> {
                    double[] g2 = accumulate(grad, l.input2(), gp.length);
                    for (int j = 0; j < gp.length; j++) {
                        gx[j] += gp[j];
                        g2[j] += gp[j];
                    }
                }
                case SCALE -> {
                    float[] f = in(l.input2());
                    double[] gf = accumulate(grad, l.input2(), f.length);
                    int px = l.inH() * l.inW(), c = l.inC();
                    for (int j = 0; j < gp.length; j++) {
                        int k = j / (px * c) * c + j % c;
                        gx[j] += gp[j] * f[k];
                        gf[k] += gp[j] * x[j];
                    }
                }
                case AVGPOOL -> {
                    int hw = l.inH() * l.inW(), c = l.inC();
                    for (int j = 0; j < x.length; j++) {
                        gx[j] += gp[(j / (hw * c)) * c + j % c] / hw;
                    }
                }
                case SOFTMAX -> {
                    int k = l.outC();
                    float[] p = outs[li];
                    for (int img = 0; img < n; img++) {
                        double dot = 0;
                        for (int j = 0; j < k; j++) {
                            dot += p[img * k + j] * gp[img * k + j];
                        }
                        for (int j = 0; j < k; j++) {
                            gx[img * k + j] += p[img * k + j] * (gp[img * k + j] - dot);
                        }
                    }
                }
                default -> throw new IllegalStateException(l.type().toString());
            }
        }
        return total;
    }

    private static double[] accumulate(double[][] grad, int layer, int length) {
        if (layer < 0) {
            return new double[length]; // the input carries no error
        }
        if (grad[layer] == null) {
            grad[layer] = new double[length];
        }
        return grad[layer];
    }

    /** d act / d pre; at a clamp bound, 1 (the larger one-sided slope, so the bound stays an upper bound). */
    static double derivative(Activation a, double x) {
        return switch (a.kind()) {
            case HARDSIGMOID -> {
                double t = a.alpha() * x + a.beta();
                yield t >= 0 && t <= 1 ? a.alpha() : 0;
            }
            case HARDSWISH -> {
                // x * t with t = clamp(ax + b, 0, 1): slope 0, then t + ax on the ramp, then 1.
                double t = a.alpha() * x + a.beta();
                double d = t + a.alpha() * x;
                yield t < 0 ? 0 : t > 1 ? 1 : (t == 1 && Math.abs(d) < 1) ? 1 : d;
            }
            default -> x >= a.min() && x <= a.max() ? 1 : 0;
        };
    }

    /** gx += W^T gp for an NHWC convolution with OHWI weights. */
    private void convBackward(ConvSpec s, float[] w, double[] gp, double[] gx) {
        int ipg = s.inPerGroup(), opg = s.outC() / s.groups();
        int oh = s.outH(), ow = s.outW();
        for (int img = 0; img < n; img++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int q = ((img * oh + oy) * ow + ox) * s.outC();
                    for (int co = 0; co < s.outC(); co++) {
                        double g = gp[q + co];
                        if (g == 0) {
                            continue;
                        }
                        int grp = co / opg;
                        for (int ky = 0; ky < s.kH(); ky++) {
                            int iy = oy * s.strideH() - s.padTop() + ky;
                            if (iy < 0 || iy >= s.inH()) {
                                continue;
                            }
                            for (int kx = 0; kx < s.kW(); kx++) {
                                int ix = ox * s.strideW() - s.padLeft() + kx;
                                if (ix < 0 || ix >= s.inW()) {
                                    continue;
                                }
                                int wi = ((co * s.kH() + ky) * s.kW() + kx) * ipg;
                                int xi = ((img * s.inH() + iy) * s.inW() + ix) * s.inC() + grp * ipg;
                                for (int ci = 0; ci < ipg; ci++) {
                                    gx[xi + ci] += g * w[wi + ci];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AdjointBound" + Arrays.toString(new int[] {layers.length, n});
    }
}
