#!/bin/bash
# old (0004564, end of the twelfth Zen 3 session) vs new (HEAD) vs ONNX Runtime, one JVM per model/threads.
source /tmp/env.sh
cd /work/main
for t in 1 2; do for m in v1-1.0-224 v2-1.0-224 mobilenet_v3_large mobilenet_v3_small mnasnet1_0 mnasnet0_5; do
  java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
    -Dpause=20 -cp /tmp/ab:/tmp/ab/new.jar AbDriver $m $t 16 20 /tmp/ab/old.jar /tmp/ab/new.jar 2>&1 | grep -v WARNING
done; done
