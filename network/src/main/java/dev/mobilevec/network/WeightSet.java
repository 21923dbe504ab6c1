package dev.mobilevec.network;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters before folding, named and laid out as PyTorch keeps them: convolution
 * weights OIHW, batch norm as weight (gamma), bias (beta), running_mean, running_var.
 *
 * <p>Names, for each convolution layer L of the table (conv0, block1.dw, block1.pw, ...):
 * {@code L.weight}, {@code L.bn.weight}, {@code L.bn.bias}, {@code L.bn.running_mean},
 * {@code L.bn.running_var}; and {@code fc.weight} [classes, C], {@code fc.bias} [classes].
 */
public final class WeightSet {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public void put(Tensor t) {
        if (tensors.putIfAbsent(t.name(), t) != null) {
            throw new IllegalArgumentException("duplicate tensor " + t.name());
        }
    }

    public void putMetadata(String key, String value) {
        metadata.put(key, value);
    }

    public Map<String, Tensor> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The tensor with that name and exactly that shape, or a clear error naming both. */
    public float[] require(String name, int... shape) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor " + name + " (expected shape " + Arrays.toString(shape) + ")");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        return t.data();
    }
}
