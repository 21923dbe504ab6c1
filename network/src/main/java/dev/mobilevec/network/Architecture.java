package dev.mobilevec.network;

import java.util.List;

/**
 * A network as a layer table: what construction, the cost model, sessions, benchmarks and the CLI
 * read. Built natively ({@link MobileNetV1}, {@link MobileNetV2}) or imported from ONNX.
 */
public interface Architecture {

    /** Input height, width and channels of one image (NHWC). */
    int height();

    int width();

    int inputChannels();

    /** The layers in execution order; each names the layers it reads (see {@link LayerDef#input}). */
    List<LayerDef> layers();

    /** The same network at another input size (used to calibrate seeded batch-norm statistics). */
    Architecture withInput(int height, int width);

    /** A short name for metadata ("mobilenet_v1", ...). */
    String family();

    default int inputLength() {
        return height() * width() * inputChannels();
    }

    /** Floats per image in the final layer's output. */
    default int outputLength() {
        List<LayerDef> l = layers();
        return l.get(l.size() - 1).outputLength();
    }
}
