#!/bin/bash
source /tmp/env.sh
cd /work/main
for rep in 1 2; do
 for cfg in base thp; do
  extra="--add-modules=jdk.incubator.vector -XX:ObjectAlignmentInBytes=64"; [ $cfg = thp ] && extra="$extra -XX:+UseTransparentHugePages"
  java -jar bench/target/benchmarks.jar InterleavedOrtBenchmark -p model=v2-1.0-224,mobilenet_v3_large,mnasnet1_0,mobilenet_v3_small -p threads=2 -wi 2 -i 5 -w 4 -r 4 -jvmArgsAppend "$extra" -rf json -rff /tmp/thp/t2-$cfg-$rep.json > /tmp/thp/t2-$cfg-$rep.log 2>&1
  java -jar bench/target/benchmarks.jar InterleavedOrtBenchmark -p model=v2-1.0-224,v1-1.0-224 -p threads=2 -p batch=8 -p runs=5 -wi 1 -i 3 -w 8 -r 8 -jvmArgsAppend "$extra" -rf json -rff /tmp/thp/b8-$cfg-$rep.json > /tmp/thp/b8-$cfg-$rep.log 2>&1
 done
done
echo done > /tmp/thp/ab2.done
