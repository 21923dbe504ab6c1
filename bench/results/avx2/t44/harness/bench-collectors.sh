source /tmp/env.sh
cd /work/main
for round in 1 2 3; do
for m in v1 mnasnet1_0; do
for cfg in "g1|" "serial|-XX:+UseSerialGC" "serial+lsm|-XX:+UseSerialGC -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000" "parallel|-XX:+UseParallelGC"; do
name=${cfg%%|*}; opts=${cfg#*|}
if [ $m = v1 ]; then margs=""; else margs="--model bench/models/$m.onnx"; fi
r=$(MOBILEVEC_JAVA_OPTS="$opts" timeout 300 ./mobilevec bench $margs --threads 1 --iterations 300 --no-check 2>&1 | grep latency)
echo "$round $m $name $r"
done; done; done
