# Fused blocks, the same build with --no-fuse, and ONNX Runtime, interleaved in one JVM (AbDriver, rounds of 20
# inferences, each round's median per runtime): whether the fused plan (band windows sized for L2) loses more than the
# unfused one in the guest's slow phases. Second pass: the plan sized for half the L2 (-Dmobilevec.l2Bytes=262144).
# Analysis: python3 bench/results/avx2/t46/harness/phases.py FILE
source /tmp/env.sh
cd /work/main
for l2 in default 262144; do
  for m in v1-1.0-224 mnasnet1_0 v2-1.0-224; do
    prop=""; [ "$l2" != default ] && prop="-Dmobilevec.l2Bytes=$l2"
    echo "# model $m threads 1 l2 $l2 (jars: fused, unfused; ort last)"
    java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED \
      -Dpause=20 -Drounds=true -Dfuses=true,false $prop -cp /tmp/ab:/tmp/head.jar AbDriver $m 1 60 20 /tmp/head.jar /tmp/head.jar 2>&1 | grep -v WARN
  done
done
