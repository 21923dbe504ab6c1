#!/bin/bash
# base (44b9c3a) vs final (b4bbd5d), 2 threads, 64 rounds of 20 forwards, ONNX Runtime too.
source /tmp/env.sh
cd /work/main
for m in mnasnet1_0 v2-1.0-224 mnasnet0_5 mobilenet_v3_large; do
  java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
    -Dpause=20 -cp /tmp/ab:/tmp/ab/base.jar AbDriver $m 2 64 20 /tmp/ab/base.jar /tmp/ab/final.jar 2>&1 | grep -v WARNING
done
