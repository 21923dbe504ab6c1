source /tmp/env.sh
cd /tmp/pwh
for r in 1 2 3; do
for o in "-XX:+UseG1GC" "-XX:+UseSerialGC" "-XX:+UseSerialGC -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000" "-XX:+UseParallelGC" "-XX:+UseParallelGC -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000"; do
for s in "112,112,32,64" "14,14,512,512" "56,56,24,72" "112,112,16,48"; do
echo "$r | $o | $(java $o -XX:ObjectAlignmentInBytes=64 --add-modules jdk.incubator.vector -Dshapes="$s" -cp /tmp/pwh:/work/main/kernels/target/classes PwHarness 2>&1 | grep GFLOPS)"
done; done; done
