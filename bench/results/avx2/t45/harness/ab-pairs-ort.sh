source /tmp/env.sh
cd /work/main
for m in mnasnet1_0 mobilenet_v3_large; do
  for t in 1 2; do
    java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED -Dpause=20 -cp /tmp/ab:/tmp/head.jar AbDriver $m $t 12 20 /tmp/head.jar /tmp/pairs.jar 2>&1 | grep -v WARN
  done
done
