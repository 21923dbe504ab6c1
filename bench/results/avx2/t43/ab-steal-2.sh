#!/bin/bash
# 2 threads only, 48 rounds, base and steal swapped in position (steal first) to rule out an order effect.
source /tmp/env.sh
cd /work/main
for m in mnasnet1_0 v2-1.0-224 mobilenet_v3_large mnasnet0_5 v1-1.0-224; do
  java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
    -Dpause=20 -cp /tmp/ab:/tmp/ab/base.jar AbDriver $m 2 48 20 /tmp/ab/steal.jar /tmp/ab/base.jar 2>&1 | grep -v WARNING
done
