/** Vectorised fp32 NHWC kernels for depthwise-separable CNNs, and their scalar references. */
module dev.mobilevec.kernels {
    requires transitive jdk.incubator.vector;
    requires jdk.management;  // HeapAlignment reads ObjectAlignmentInBytes
    exports dev.mobilevec.kernels;
}
