package dev.mobilevec.network;

import dev.mobilevec.kernels.BatchNormFold;
import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PreparedConv;
import dev.mobilevec.kernels.TensorOps;
import java.util.List;

/**
 * An immutable, shareable network ready to run: batch norm folded and weights packed once, here.
 * Create any number of {@link Session}s from it, one per thread that runs inferences.
 */
public final class Model {
    /** PyTorch's BatchNorm2d default, used when the weights do not say. */
    public static final double DEFAULT_BN_EPS = 1e-5;

    private final Architecture arch;
    private final List<LayerDef> layers;
    private final Backend backend;
    private final PreparedConv[] convs;
    /** Folded OHWI weights and biases per layer (null for layers without weights), for tests and exporters. */
    private final float[][] weights, biases;
    private final TensorOps ops;
    private final int outputLength; // cached: an Architecture builds its layer table on each call

    private Model(Architecture arch, Backend backend, PreparedConv[] convs, float[][] weights, float[][] biases) {
        this.arch = arch;
        this.layers = arch.layers();
        this.backend = backend;
        this.convs = convs;
        this.weights = weights;
        this.biases = biases;
        this.ops = backend.ops();
        this.outputLength = layers.get(layers.size() - 1).outputLength();
    }

    /**
     * Checks every tensor's name and shape against the layer table, folds batch norm and packs
     * weights. Names per convolution layer L: {@code L.weight} (OIHW) and {@code L.bn.*}; per FC
     * layer: {@code L.weight} [out, in] and {@code L.bias}.
     */
    public static Model create(Architecture arch, WeightSet weights, Backend backend) {
        String epsText = weights.metadata().getOrDefault("bn_eps", String.valueOf(DEFAULT_BN_EPS));
        double eps;
        try {
            eps = Double.parseDouble(epsText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metadata bn_eps '" + epsText + "' is not a number", e);
        }
        List<LayerDef> layers = arch.layers();
        float[][] folded = new float[layers.size()][], foldedBias = new float[layers.size()][];
        java.util.Set<String> used = new java.util.HashSet<>();
        for (LayerDef l : layers) {
            if (l.conv() == null) {
                continue;
            }
            ConvSpec s = l.conv();
            if (l.type() == LayerType.FC) {
                folded[l.index()] = weights.require(l.name() + ".weight", s.outC(), s.inC());
                foldedBias[l.index()] = weights.require(l.name() + ".bias", s.outC());
                used.add(l.name() + ".weight");
                used.add(l.name() + ".bias");
            } else {
                float[] oihw = weights.require(l.name() + ".weight", s.outC(), s.inPerGroup(), s.kH(), s.kW());
                int c = s.outC();
                String bn = l.name() + ".bn.";
                BatchNormFold.Folded f = BatchNormFold.fold(toOhwi(oihw, s), null, c,
                        weights.require(bn + "weight", c), weights.require(bn + "bias", c),
                        weights.require(bn + "running_mean", c), weights.require(bn + "running_var", c), eps);
                folded[l.index()] = f.weights();
                foldedBias[l.index()] = f.bias();
                used.addAll(List.of(l.name() + ".weight", bn + "weight", bn + "bias", bn + "running_mean", bn + "running_var"));
            }
        }
        for (String name : weights.tensors().keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("unexpected tensor " + name + " for " + arch);
            }
        }
        return fromFolded(arch, folded, foldedBias, backend);
    }

    /**
     * A model from weights already in our layout: per convolution layer, OHWI weights with batch norm
     * folded in and a bias (null: zero); null entries for layers without weights. Arrays are copied.
     */
    public static Model fromFolded(Architecture arch, float[][] ohwi, float[][] bias, Backend backend) {
        List<LayerDef> layers = arch.layers();
        if (ohwi.length != layers.size() || bias.length != layers.size()) {
            throw new IllegalArgumentException("need weights and biases for " + layers.size() + " layers, got "
                    + ohwi.length + " and " + bias.length);
        }
        PreparedConv[] convs = new PreparedConv[layers.size()];
        float[][] w = new float[layers.size()][], b = new float[layers.size()][];
        for (LayerDef l : layers) {
            if (l.conv() == null) {
                continue;
            }
            if (ohwi[l.index()] == null) {
                throw new IllegalArgumentException("layer " + l.name() + ": missing weights");
            }
            w[l.index()] = ohwi[l.index()].clone();
            b[l.index()] = bias[l.index()] == null ? new float[l.conv().outC()] : bias[l.index()].clone();
            try {
                convs[l.index()] = backend.kernel(l).prepare(l.conv(), w[l.index()], b[l.index()], l.activation());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("layer ") ? e.getMessage()
                        : "layer " + l.name() + ": " + e.getMessage(), e);
            }
        }
        return new Model(arch, backend, convs, w, b);
    }

    /** OIHW (PyTorch) to OHWI (our kernels); the same order when the kernel is 1x1 or there is one input channel per group. */
    public static float[] toOhwi(float[] oihw, ConvSpec s) {
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

    public Architecture arch() {
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

    /** Floats per image in the network's output (the classes, for a classifier). */
    public int outputLength() {
        return outputLength;
    }

    /**
     * The layer whose output is the pooled feature vector (the embedding used for image search): the last
     * global average pool. Throws if the network has none.
     */
    public int featureLayer() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).type() == LayerType.AVGPOOL) {
                return i;
            }
        }
        throw new IllegalStateException(arch + " has no global average pool, so it has no pooled feature vector");
    }

    /** The layer whose output is the logits: the last layer, or the one before it when the network ends in softmax. */
    public int logitsLayer() {
        int last = layers.size() - 1;
        return layers.get(last).type() == LayerType.SOFTMAX ? layers.get(last).input() : last;
    }

    /** A session for batches of {@code batch} images on all available processors. */
    public Session newSession(int batch) {
        return newSession(batch, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A session for batches of {@code batch} images on {@code threads} threads (the caller's included),
     * scheduled by {@link Schedule#AUTO}.
     */
    public Session newSession(int batch, int threads) {
        return new Session(this, batch, threads);
    }

    /** A session with an explicit {@link Schedule} (benchmarks and tests compare them; the results are the same bits). */
    public Session newSession(int batch, int threads, Schedule schedule) {
        return new Session(this, batch, threads, schedule, true);
    }

    /**
     * A session with fusion chosen: {@code fuse} false runs every layer whole, one after another (no residual add in
     * the projection's epilogue, no depthwise-separable block band by band); the default is true. Same bits either way.
     */
    public Session newSession(int batch, int threads, Schedule schedule, boolean fuse) {
        return new Session(this, batch, threads, schedule, fuse);
    }
}
