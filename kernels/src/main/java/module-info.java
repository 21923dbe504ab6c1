/** Vectorised fp32 NHWC kernels for depthwise-separable CNNs, and their scalar references. */
module dev.mobilevec.kernels {
    requires transitive jdk.incubator.vector;
    exports dev.mobilevec.kernels;
}
