# The input copy (NCHW -> NHWC) pixel by pixel and split over a layer-parallel run's threads (load.jar) against the
# previous build (head.jar: plane by plane, one thread), with ONNX Runtime, interleaved in one JVM (AbDriver; NCHW input,
# as every benchmark against ONNX Runtime feeds). 30 rounds of 20 inferences per runtime.
source /tmp/env.sh
cd /work/main
for t in 1 2; do
  for m in mnasnet1_0 v1-1.0-224 mobilenet_v3_small; do
    java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
      -Dpause=20 -Drounds=true -cp /tmp/ab:/tmp/head.jar AbDriver $m $t 30 20 /tmp/head.jar /tmp/load.jar 2>&1 | grep -v WARN
  done
done
