source /tmp/env.sh
cd /work/main
for round in 1 2; do
for m in v1 mnasnet1_0; do
for cfg in "g1|" "zgc|-XX:+UseZGC" "shenandoah|-XX:+UseShenandoahGC" "parallel+flags|-XX:+UseParallelGC"; do
name=${cfg%%|*}; opts=${cfg#*|}
if [ $m = v1 ]; then margs=""; else margs="--model bench/models/$m.onnx"; fi
MOBILEVEC_JAVA_OPTS="$opts" timeout 300 ./mobilevec bench $margs --threads 1 --iterations 400 --no-check > /tmp/t44/gc3-$m-$name-$round.txt 2>&1
echo "$round $m $name $(grep -E 'latency' /tmp/t44/gc3-$m-$name-$round.txt) | $(grep -i 'counted-loop' /tmp/t44/gc3-$m-$name-$round.txt)"
done; done; done
