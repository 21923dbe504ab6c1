# Ours (this build) against ONNX Runtime at one thread, the JVM pinned to CPU 0, with and without memhog (t45/harness/memhog.c,
# 64 MB, past L3) pinned to CPU 1; G1 and G1's loop settings named, since one visible CPU makes the JVM pick Serial.
source /tmp/env.sh
cd /work/main
J="java --add-modules jdk.incubator.vector -XX:+UseG1GC -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000 -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED -Dpause=20 -cp /tmp/ab:/tmp/pairs.jar AbDriver"
for m in ${MODELS:-mnasnet1_0 mobilenet_v3_large v1-1.0-224}; do
  for hog in off on off on; do
    if [ $hog = on ]; then taskset -c 1 /tmp/memhog 100000 ${MB:-64} > /dev/null & hp=$!; sleep 1; fi
    echo "$m hog $hog: $(taskset -c 0 $J $m 1 8 20 /tmp/pairs.jar 2>&1 | grep -v WARN)"
    if [ $hog = on ]; then kill $hp; wait $hp 2>/dev/null; fi
  done
done
