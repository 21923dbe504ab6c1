#!/bin/bash
# A/B of two builds' benchmark jars (old = f0462df, new = the int gate), ours and ONNX Runtime interleaved in each fork.
source /tmp/env.sh
cd /work/main
out=bench/results/zen4/t41/ab
for rep in 1 2 3; do
 for b in old new; do
  java -jar /tmp/bench-$b.jar InterleavedOrtBenchmark -p model=mobilenet_v3_large,mobilenet_v3_small -p threads=1 -wi 2 -i 5 -w 4 -r 4 -rf json -rff $out/il-$b-$rep.json > /tmp/ab-$b-$rep.log 2>&1
  python3 bench/report.py $out/il-$b-$rep.json 2>&1 | grep -i "v3" | head -4 > $out/il-$b-$rep.txt
 done
done
echo done > $out/.done
