#!/bin/bash
# A/B of two builds' benchmark jars (old = 522ccfc, new = c293bfc: ReLU6 on the bits in the 1x1 tiles and the 3x3
# depthwise sweeps), v2 and v1 at batch 8 and 32 on two threads, ours and ONNX Runtime interleaved in each fork.
source /tmp/env.sh
cd /work/main
out=bench/results/zen4/t42/ab
for rep in 1 2; do
 for b in old new; do
  java -jar /tmp/bench-$b.jar InterleavedOrtBenchmark -p model=v2-1.0-224,v1-1.0-224 -p threads=2 -p batch=8,32 -p runs=5 -wi 1 -i 3 -w 8 -r 8 -rf json -rff $out/batch-$b-$rep.json > /tmp/abb-$b-$rep.log 2>&1
  python3 bench/report.py $out/batch-$b-$rep.json 2>&1 | grep -E "^\| v[12]" | head -4 > $out/batch-$b-$rep.txt
 done
done
echo done > $out/.done-batch
