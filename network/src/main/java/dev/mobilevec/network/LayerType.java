package dev.mobilevec.network;

/** The kinds of layer a MobileNet is assembled from. */
public enum LayerType {
    CONV3X3("conv3x3"), DEPTHWISE("dw3x3"), POINTWISE("pw1x1"), AVGPOOL("avgpool"), FC("fc"), SOFTMAX("softmax");

    public final String label;

    LayerType(String label) {
        this.label = label;
    }
}
