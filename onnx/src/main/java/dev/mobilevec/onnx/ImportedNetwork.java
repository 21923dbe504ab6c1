package dev.mobilevec.onnx;

import dev.mobilevec.network.Architecture;
import dev.mobilevec.network.LayerDef;
import java.util.List;

/** The layer table mapped from an ONNX graph. Its input size is the one the graph declares. */
public record ImportedNetwork(String name, int height, int width, int inputChannels, List<LayerDef> layers)
        implements Architecture {

    public ImportedNetwork {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new OnnxException("the graph computes nothing we can run (no layers)");
        }
    }

    @Override
    public Architecture withInput(int h, int w) {
        if (h == height && w == width) {
            return this;
        }
        throw new IllegalArgumentException("an imported graph has a fixed input size, " + height + "x" + width
                + "; re-export it for " + h + "x" + w);
    }

    @Override
    public String family() {
        return "onnx";
    }

    @Override
    public String toString() {
        return name + " (ONNX, input " + inputChannels + "x" + height + "x" + width + ")";
    }
}
