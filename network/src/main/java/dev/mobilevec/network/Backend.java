package dev.mobilevec.network;

import dev.mobilevec.kernels.Conv2dKernel;
import dev.mobilevec.kernels.Conv3x3Nhwc;
import dev.mobilevec.kernels.DepthwiseConv3x3Nhwc;
import dev.mobilevec.kernels.PointwiseGemm;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.kernels.ReferenceTensorOps;
import dev.mobilevec.kernels.TensorOps;
import dev.mobilevec.kernels.VectorTensorOps;

/** Which kernels run a network: the vectorised ones, or the scalar references they are checked against. */
public enum Backend {
    FAST, REFERENCE;

    public Conv2dKernel kernel(LayerType type) {
        if (this == REFERENCE) {
            return ReferenceConv2d.INSTANCE;
        }
        return switch (type) {
            case CONV3X3 -> Conv3x3Nhwc.INSTANCE;
            case DEPTHWISE -> DepthwiseConv3x3Nhwc.INSTANCE;
            case POINTWISE, FC -> PointwiseGemm.INSTANCE;
            default -> throw new IllegalArgumentException(type + " is not a convolution");
        };
    }

    public TensorOps ops() {
        return this == REFERENCE ? ReferenceTensorOps.INSTANCE : VectorTensorOps.INSTANCE;
    }
}
