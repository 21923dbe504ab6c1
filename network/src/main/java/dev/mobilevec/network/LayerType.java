package dev.mobilevec.network;

/** The kinds of layer a MobileNet is assembled from. */
public enum LayerType {
    CONV3X3("conv3x3"), DEPTHWISE("dw"), POINTWISE("pw1x1"), AVGPOOL("avgpool"), FC("fc"), SOFTMAX("softmax"),
    /** Elementwise sum of two tensors of one shape (the residual of MobileNetV2/V3). */
    ADD("add"),
    /** Channel scaling by a per-image [C] vector (the end of a squeeze-excitation block). */
    SCALE("scale");

    public final String label;

    LayerType(String label) {
        this.label = label;
    }
}
