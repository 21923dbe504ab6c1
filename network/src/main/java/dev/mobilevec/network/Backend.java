package dev.mobilevec.network;

import dev.mobilevec.kernels.Conv2dKernel;
import dev.mobilevec.kernels.Conv3x3Nhwc;
import dev.mobilevec.kernels.DepthwiseConv3x3Nhwc;
import dev.mobilevec.kernels.DepthwiseConv5x5Nhwc;
import dev.mobilevec.kernels.PointwiseGemm;
import dev.mobilevec.kernels.ReferenceConv2d;
import dev.mobilevec.kernels.ReferenceTensorOps;
import dev.mobilevec.kernels.TensorOps;
import dev.mobilevec.kernels.VectorSupport;
import dev.mobilevec.kernels.VectorTensorOps;

/**
 * Which kernels run a network: the vectorised ones, or the scalar references they are checked against.
 * FAST needs the JVM option {@code --add-modules jdk.incubator.vector} and says so (a
 * {@link dev.mobilevec.kernels.VectorApiUnavailableError}) when it is missing; REFERENCE runs without it.
 */
public enum Backend {
    FAST, REFERENCE;

    /** The kernel for a convolution layer; a shape no fast kernel takes is refused here, at load. */
    public Conv2dKernel kernel(LayerDef l) {
        if (this == REFERENCE) {
            return ReferenceConv2d.INSTANCE;
        }
        VectorSupport.require(); // before any fast kernel class is touched: the same clear error on every call
        Conv2dKernel k = switch (l.type()) {
            case CONV3X3 -> Conv3x3Nhwc.INSTANCE;
            case DEPTHWISE -> l.conv().kH() == 5 ? DepthwiseConv5x5Nhwc.INSTANCE : DepthwiseConv3x3Nhwc.INSTANCE;
            case POINTWISE, FC -> PointwiseGemm.INSTANCE;
            default -> throw new IllegalArgumentException(l.type() + " is not a convolution");
        };
        if (!k.supports(l.conv())) {
            throw new IllegalArgumentException("layer " + l.name() + ": no fast kernel for " + l.conv()
                    + " (supported: full 3x3 stride 1/2, depthwise 3x3 and 5x5 stride 1/2, 1x1 stride 1)");
        }
        return k;
    }

    public TensorOps ops() {
        if (this == REFERENCE) {
            return ReferenceTensorOps.INSTANCE;
        }
        VectorSupport.require();
        return VectorTensorOps.INSTANCE;
    }
}
