package dev.mobilevec.network;

import dev.mobilevec.kernels.BatchNormFold;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.TensorOps;
import java.util.List;

/**
 * An immutable, shareable MobileNet v1 ready to run: batch norm folded and weights packed once,
 * here. Create any number of {@link Session}s from it, one per thread that runs inferences.
 */
public final class Model {
    /** PyTorch's BatchNorm2d default, used when the weights do not say. */
    public static final double DEFAULT_BN_EPS = 1e-5;

    private final MobileNetV1 arch;
    private final List<LayerDef> layers;
    private final Backend backend;
    private final PreparedConv[] convs;
    /** Folded OHWI weights and biases per layer (null for pooling and softmax), for tests and exporters. */
    private final float[][] weights, biases;
    private final TensorOps ops;

    private Model(MobileNetV1 arch, Backend backend, PreparedConv[] convs, float[][] weights, float[][] biases) {
        this.arch = arch;
        this.layers = arch.layers();
        this.backend = backend;
        this.convs = convs;
        this.weights = weights;
        this.biases = biases;
        this.ops = backend.ops();
    }

    /** Checks every tensor's name and shape against the layer table, folds batch norm and packs weights. */
    public static Model create(MobileNetV1 arch, WeightSet weights, Backend backend) {
        String epsText = weights.metadata().getOrDefault("bn_eps", String.valueOf(DEFAULT_BN_EPS));
        double eps;
        try {
            eps = Double.parseDouble(epsText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metadata bn_eps '" + epsText + "' is not a number", e);
        }
        List<LayerDef> layers = arch.layers();
        PreparedConv[] convs = new PreparedConv[layers.size()];
        float[][] folded = new float[layers.size()][], foldedBias = new float[layers.size()][];
        java.util.Set<String> used = new java.util.HashSet<>();
        for (LayerDef l : layers) {
            if (l.conv() == null) {
                continue;
            }
            ConvSpec s = l.conv();
            float[] w, b;
            if (l.type() == LayerType.FC) {
                w = weights.require(l.name() + ".weight", s.outC(), s.inC());
                b = weights.require(l.name() + ".bias", s.outC());
                used.add(l.name() + ".weight");
                used.add(l.name() + ".bias");
            } else {
                float[] oihw = weights.require(l.name() + ".weight", s.outC(), s.inPerGroup(), s.kH(), s.kW());
                int c = s.outC();
                String bn = l.name() + ".bn.";
                BatchNormFold.Folded f = BatchNormFold.fold(toOhwi(oihw, s), null, c,
                        weights.require(bn + "weight", c), weights.require(bn + "bias", c),
                        weights.require(bn + "running_mean", c), weights.require(bn + "running_var", c), eps);
                w = f.weights();
                b = f.bias();
                used.addAll(List.of(l.name() + ".weight", bn + "weight", bn + "bias", bn + "running_mean", bn + "running_var"));
            }
            folded[l.index()] = w;
            foldedBias[l.index()] = b;
            try {
                convs[l.index()] = backend.kernel(l.type()).prepare(s, w, b, l.activation());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + l.name() + ": " + e.getMessage(), e);
            }
        }
        for (String name : weights.tensors().keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("unexpected tensor " + name + " for " + arch);
            }
        }
        return new Model(arch, backend, convs, folded, foldedBias);
    }

    /** OIHW (PyTorch) to OHWI (our kernels); the same order when the kernel is 1x1 or there is one input channel per group. */
    static float[] toOhwi(float[] oihw, ConvSpec s) {
        int o = s.outC(), i = s.inPerGroup(), kh = s.kH(), kw = s.kW();
        float[] r = new float[oihw.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        r[((a * kh + y) * kw + x) * i + b] = oihw[((a * i + b) * kh + y) * kw + x];
                    }
                }
            }
        }
        return r;
    }

    public MobileNetV1 arch() {
        return arch;
    }

    public List<LayerDef> layers() {
        return layers;
    }

    public Backend backend() {
        return backend;
    }

    PreparedConv conv(int layer) {
        return convs[layer];
    }

    /** The folded OHWI weights of a convolution layer (a copy). */
    public float[] foldedWeights(int layer) {
        return weights[layer] == null ? null : weights[layer].clone();
    }

    /** The folded bias of a convolution layer (a copy). */
    public float[] foldedBias(int layer) {
        return biases[layer] == null ? null : biases[layer].clone();
    }

    TensorOps ops() {
        return ops;
    }

    public int classes() {
        return arch.classes();
    }

    /** A session for batches of {@code batch} images on all available processors. */
    public Session newSession(int batch) {
        return newSession(batch, Runtime.getRuntime().availableProcessors());
    }

    /** A session for batches of {@code batch} images on {@code threads} threads (the caller's included). */
    public Session newSession(int batch, int threads) {
        return new Session(this, batch, threads);
    }
}
