#!/bin/bash
source /tmp/env.sh
cd /work/main
for rep in 1 2; do
 for cfg in plain ortthp; do
  if [ $cfg = ortthp ]; then export GLIBC_TUNABLES=glibc.malloc.hugetlb=1; else unset GLIBC_TUNABLES; fi
  java -jar bench/target/benchmarks.jar InterleavedOrtBenchmark -p model=v2-1.0-224,v1-1.0-224 -p threads=1 -wi 2 -i 5 -w 4 -r 4 -rf json -rff /tmp/thp/o-$cfg-$rep.json > /tmp/thp/o-$cfg-$rep.log 2>&1 &
  jp=$!; sleep 30
  for p in $(pgrep -f 'ForkedMain'); do grep -h AnonHuge /proc/$p/smaps_rollup > /tmp/thp/o-$cfg-$rep.huge; awk '/^[0-9a-f]+-/{m=$0} /AnonHugePages: *[1-9]/{print m, $2}' /proc/$p/smaps >> /tmp/thp/o-$cfg-$rep.huge; done
  wait $jp
 done
done
touch /tmp/thp/ab3.done
