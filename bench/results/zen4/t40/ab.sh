#!/bin/bash
source /tmp/env.sh
cd /work/main
for rep in 1 2 3; do
 for cfg in base thp; do
  extra="--add-modules=jdk.incubator.vector -XX:ObjectAlignmentInBytes=64"; [ $cfg = thp ] && extra="$extra -XX:+UseTransparentHugePages"
  java -jar bench/target/benchmarks.jar InterleavedOrtBenchmark -p model=v2-1.0-224,v1-1.0-224 -p threads=1 -wi 2 -i 5 -w 4 -r 4 -jvmArgsAppend "$extra" -rf json -rff /tmp/thp/il-$cfg-$rep.json > /tmp/thp/il-$cfg-$rep.log 2>&1
  python3 bench/report.py /tmp/thp/il-$cfg-$rep.json 2>&1 | grep -i "v1\|v2" | head -4 > /tmp/thp/il-$cfg-$rep.txt
 done
done
echo done > /tmp/thp/ab.done
