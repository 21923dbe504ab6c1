#!/bin/bash
source /tmp/env.sh; cd /work/main
for rep in 1 2 3; do
 for cfg in base thp; do
  o=""; [ $cfg = base ] && o=-XX:-UseTransparentHugePages
  for m in v2 mnasnet1_0; do
   a="--arch v2"; [ $m = mnasnet1_0 ] && a="--model bench/models/mnasnet1_0.onnx"
   MOBILEVEC_JAVA_OPTS=$o ./mobilevec bench $a --threads 1 --iterations 400 --no-check > /tmp/thp/L-$m-$cfg-$rep.txt 2>&1
  done
 done
done
touch /tmp/thp/layers.done
