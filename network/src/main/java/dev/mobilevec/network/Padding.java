package dev.mobilevec.network;

/** How a model pads its 3x3 convolutions: part of the model, since it changes the result. */
public enum Padding {
    /** One pixel on every side (PyTorch's padding=1, as torchvision and most ONNX exports use). */
    SYMMETRIC,
    /** TensorFlow 'SAME': total padding max((ceil(in/s)-1)*s + k - in, 0), the odd pixel at bottom/right. */
    TF_SAME;

    /** {before, after} padding for one dimension. */
    int[] pads(int in, int k, int stride) {
        if (this == SYMMETRIC) {
            return new int[] {k / 2, k / 2};
        }
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + k - in, 0);
        return new int[] {total / 2, total - total / 2};
    }
}
