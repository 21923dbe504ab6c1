#!/bin/bash
# base (44b9c3a) vs steal (fused-block chunks taken over), ONNX Runtime too; 2 threads, then 1.
source /tmp/env.sh
cd /work/main
for t in 2 1; do for m in mnasnet1_0 v2-1.0-224 mobilenet_v3_large mnasnet0_5 v1-1.0-224 mobilenet_v3_small; do
  java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
    -Dpause=20 -cp /tmp/ab:/tmp/ab/base.jar AbDriver $m $t ${ROUNDS:-24} 20 /tmp/ab/base.jar /tmp/ab/steal.jar 2>&1 | grep -v WARNING
done; done
