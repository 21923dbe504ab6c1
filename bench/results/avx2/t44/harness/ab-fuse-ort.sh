source /tmp/env.sh
# Compile first: javac -cp bench/target/benchmarks.jar -d /tmp/ab bench/results/avx2/AbDriver.java
cd /work/main
for m in mnasnet1_0 v1-1.0-224; do for t in 1 2; do
java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages --enable-native-access=ALL-UNNAMED -Dpause=20 -Dfuses=true,false -Drounds=true -cp /tmp/ab:bench/target/benchmarks.jar AbDriver $m $t 40 20 bench/target/benchmarks.jar bench/target/benchmarks.jar 2>&1 | grep -v WARN
done; done
