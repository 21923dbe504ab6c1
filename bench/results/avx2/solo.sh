#!/bin/bash
# One runtime per process (AbDriver -Donly), ours and ONNX Runtime alternated: MODEL THREADS x 2 each.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
JAR=${JAR:?set JAR to a benchmarks.jar}; cd "$(dirname "$0")/../../.."
for t in 1 2; do for m in v1-1.0-224 v2-1.0-224 mobilenet_v3_small mobilenet_v3_large mnasnet0_5 mnasnet1_0; do
  for rep in 1 2; do for o in 0 1; do
    java -Donly=$o --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 --enable-native-access=ALL-UNNAMED -cp ${H:-/tmp/h}:$JAR AbDriver $m $t 12 20 $JAR 2>&1 | grep -v WARN | tail -1
  done; done
done; done
