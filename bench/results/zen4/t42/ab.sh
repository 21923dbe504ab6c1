#!/bin/bash
# A/B of two builds' benchmark jars (old = 522ccfc, new = ReLU6 on the bits in the 1x1 tiles), ours and ONNX Runtime
# interleaved in each fork; three alternations.
source /tmp/env.sh
cd /work/main
out=bench/results/zen4/t42/ab
for rep in 1 2 3; do
 for b in old new; do
  java -jar /tmp/bench-$b.jar InterleavedOrtBenchmark -p model=v2-1.0-224,v1-1.0-224 -p threads=1 -wi 2 -i 5 -w 4 -r 4 -rf json -rff $out/il-$b-$rep.json > /tmp/ab-$b-$rep.log 2>&1
  python3 bench/report.py $out/il-$b-$rep.json 2>&1 | grep -E "^\| v[12]" | head -4 > $out/il-$b-$rep.txt
 done
done
echo done > $out/.done
