#!/usr/bin/env bash
# The JMH suite in two modes, writing JSON results and a markdown report (plus PNG charts) into a folder.
#   bench/run.sh quick [DIR]   a smoke test, about a minute: one short iteration per case on a subset
#   bench/run.sh peers [DIR]   torchvision MobileNetV3/MNASNet (bench/models, from bench/export_peers.py): every
#                              distinct layer isolated and in the network, the grid against ONNX Runtime and the
#                              interleaved comparison, two forks a case (about 31 minutes)
#   bench/run.sh full  [DIR]   the numbers in README (about 37 minutes on 2 cores, and 9 more for the interleaved
#                              v1/v2 comparison at batch 1, 8 and 32, two forks a case)
#   bench/run.sh versus [DIR]  ours against ONNX Runtime interleaved in one fork (InterleavedOrtBenchmark), two forks
#                              per case, batch 1, 1 and 2 threads: v1, v2 and the torchvision models present in
#                              bench/models; v1 and v2 at batch 8 and 32 on 2 threads (about 22 minutes)
#   bench/run.sh compare [DIR] the cases for setting machines side by side with bench/compare.py
#                              (about 3 minutes: FMA peak, bandwidth, 5 layers, v1/v2 at 1 and 2 threads)
# Run from the repository root after `mvn -B -DskipTests install` (or ./mobilevec test). DIR defaults
# to bench/results/latest (full) or target/bench-quick (quick). Every folder gets info.json: the machine
# fingerprint and the FLOPs of what ran, so bench/compare.py can set folders from several machines side
# by side. MOBILEVEC_BENCH_JVM_ARGS adds JVM flags to every fork (e.g. "-XX:MaxVectorSize=32" to stand in
# for an AVX2 machine); the fixed-width variants NetworkBenchmark256/128 are then left out.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
. scripts/jdk.sh
mv_pick_jdk
JAVA="$JAVA_HOME/bin/java"
JAR=bench/target/benchmarks.jar
[ -f "$JAR" ] || { echo "bench/run.sh: $JAR is missing; build it with: mvn -B -DskipTests install" >&2; exit 1; }
extra=${MOBILEVEC_BENCH_JVM_ARGS:-}
fork_args=()
[ -n "$extra" ] && fork_args=(-jvmArgsAppend "--add-modules jdk.incubator.vector $extra")
widths="|NetworkBenchmark256|NetworkBenchmark128"
[ -n "$extra" ] && widths=""
jmh() { # $1 = result name, rest = JMH arguments
  local name=$1; shift
  echo "== $name: $* ${fork_args[*]}" >&2
  "$JAVA" -jar "$JAR" "$@" "${fork_args[@]}" -rf json -rff "$dir/$name.json"
}
case "$mode" in
  quick)
    dir=${2:-target/bench-quick}; mkdir -p "$dir"
    q=(-f 1 -wi 1 -i 1 -w 1 -r 1)
    jmh kernels "FmaPeakBenchmark.fma12$|MemoryBandwidthBenchmark|LayerBenchmark|Depthwise5x5Benchmark" "${q[@]}" \
        -p kib=65536 -p layer=v1/block3.dw,v1/block3.pw,v2/block3.expand -p impl=fast -p index=0
    jmh network "NetworkBenchmark.forward|OnnxRuntimeBenchmark$widths|InterleavedOrtBenchmark" "${q[@]}" \
        -p model=v1-1.0-224 -p threads=1 -p batch=1
    threads=(1)
    ;;
  versus)
    dir=${2:-target/bench-versus}; mkdir -p "$dir"
    models=v1-1.0-224,v2-1.0-224
    for m in mobilenet_v3_small mobilenet_v3_large mnasnet0_5 mnasnet1_0; do
      [ -f "bench/models/$m.onnx" ] && models="$models,$m"
    done
    # Two forks per case: on a shared machine a fork can spend its whole half-minute in a slow or a quiet phase
    # (MNASNet 0.5 at one thread, seven forks: 0.973-1.064, bench/results/avx2/t47/jmh-vs-outside.txt); the report's
    # median then runs over both forks' iterations, and its range shows the spread between them.
    jmh versus "InterleavedOrtBenchmark" -f 2 -wi 2 -i 3 -w 4 -r 4 -p threads=1,2 -p model="$models"
    # Issue 11's batch target (v1 and v2, batch 8 and 32, two threads): fewer, longer rounds.
    jmh versus-batches "InterleavedOrtBenchmark" -f 2 -wi 1 -i 2 -w 8 -r 8 -p threads=2 -p batch=8,32 -p runs=5 \
        -p model=v1-1.0-224,v2-1.0-224
    threads=(1 2)
    ;;
  compare)
    dir=${2:-target/bench-compare}; mkdir -p "$dir"
    c=(-f 1 -wi 2 -i 3 -w 1 -r 1)
    jmh kernels "FmaPeakBenchmark.fma12$|MemoryBandwidthBenchmark|LayerBenchmark" "${c[@]}" -p impl=fast \
        -p layer=v1/block1.dw,v1/block3.pw,v1/block13.pw,v2/block2.dw,v2/block3.project
    jmh network "NetworkBenchmark.forward|OnnxRuntimeBenchmark" "${c[@]}" -p model=v1-1.0-224,v2-1.0-224 \
        -p threads=1,2 -p batch=1
    threads=(1 2)
    ;;
  full)
    dir=${2:-bench/results/latest}; mkdir -p "$dir"
    # Three 1-s warm-ups: with two, the tall 7x7 tiles (PointwiseGemm.tileTall) were still uncompiled in the first
    # measured second of v2/block14.project's fork (zen5/t55-full; report.py marks such a layer, see COMPILE_NOTE).
    jmh kernels "FmaPeakBenchmark.fma12$|MemoryBandwidthBenchmark|LayerBenchmark|Depthwise5x5Benchmark|TensorOpsBenchmark" \
        -wi 3 -i 3 -w 1 -r 1 -prof gc
    # Latency grid at batch 1; "all" equals 2 on the 2-core machine the README numbers come from.
    # NetworkBenchmarkAligned: the same with -XX:ObjectAlignmentInBytes=64 and the heap on huge pages, as ./mobilevec runs.
    jmh grid "NetworkBenchmark.forward|NetworkBenchmarkAligned.forward|OnnxRuntimeBenchmark" -wi 3 -i 5 -w 1 -r 1 -p threads=1,2 -p batch=1
    jmh batches "NetworkBenchmark.forward|NetworkBenchmarkAligned.forward|OnnxRuntimeBenchmark" -wi 3 -i 5 -w 1 -r 1 -p threads=1,2 -p batch=8,32 \
        -p model=v1-1.0-224,v2-1.0-224
    # The end-to-end ratios to trust: both runtimes alternated in one fork (the forks above run minutes apart).
    jmh versus "InterleavedOrtBenchmark" -f 2 -wi 2 -i 3 -w 4 -r 4 -p threads=1,2 -p model=v1-1.0-224,v2-1.0-224
    jmh versus-batches "InterleavedOrtBenchmark" -f 2 -wi 1 -i 2 -w 8 -r 8 -p threads=2 -p batch=8,32 -p runs=5 \
        -p model=v1-1.0-224,v2-1.0-224
    if [ -n "$widths" ]; then
      jmh widths "${widths#|}" -wi 3 -i 5 -w 1 -r 1 -p threads=1 -p batch=1 -p model=v1-1.0-224,v2-1.0-224
    fi
    # Each model's per-layer table inside the network, 1 thread, as ./mobilevec runs (64-byte aligned): report.py
    # turns its 1x1 rows into issue 11's in-network target.
    for a in v1 v2; do
      echo "== in-network layers: $a-1.0-224" >&2
      ./mobilevec bench --arch "$a" --threads 1 --iterations 200 --no-check --json > "$dir/network-$a-1.0-224.json"
    done
    threads=(1 2)
    ;;
  peers)
    # MobileNetV3-small/large and MNASNet 0.5/1.0 from torchvision: files made by `/usr/bin/python3 bench/export_peers.py`
    # (needs torch and torchvision; not committed). Every distinct layer shape isolated, each model's per-layer
    # table inside the network (./mobilevec bench --json, 1 thread), and the end-to-end grid against ONNX Runtime.
    dir=${2:-bench/results/peers-latest}; mkdir -p "$dir"
    models=(mobilenet_v3_small mobilenet_v3_large mnasnet0_5 mnasnet1_0)
    for m in "${models[@]}"; do
      [ -f "bench/models/$m.onnx" ] || { echo "bench/run.sh peers: bench/models/$m.onnx is missing; make it with /usr/bin/python3 bench/export_peers.py" >&2; exit 1; }
    done
    layers=$("$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" dev.mobilevec.bench.PeerLayers "${models[@]}")
    jmh peer-layers "FmaPeakBenchmark.fma12$|LayerBenchmark" -wi 2 -i 3 -w 1 -r 1 -p impl=fast -p layer="$layers"
    for m in "${models[@]}"; do
      echo "== in-network layers: $m" >&2
      # 64-byte aligned, as ./mobilevec runs and as the isolated LayerBenchmark forks run since the fifteenth session.
      ./mobilevec bench --model "bench/models/$m.onnx" --threads 1 --iterations 200 --no-check --json > "$dir/network-$m.json"
    done
    jmh peer-grid "NetworkBenchmark.forward|OnnxRuntimeBenchmark" -wi 3 -i 5 -w 1 -r 1 -p threads=1,2 -p batch=1 \
        -p model="$(IFS=,; echo "${models[*]}")"
    jmh versus "InterleavedOrtBenchmark" -f 2 -wi 2 -i 3 -w 4 -r 4 -p threads=1,2 -p model="$(IFS=,; echo "${models[*]}")"
    py=/usr/bin/python3; [ -x "$py" ] || py=python3
    "$py" bench/peer_report.py "$dir" > "$dir/report.md"
    echo "bench/run.sh: wrote $dir/report.md" >&2
    exit 0
    ;;
  *) echo "usage: bench/run.sh quick|compare|full|peers|versus [DIR]" >&2; exit 2 ;;
esac
# The fingerprint, in a JVM with the forks' flags, and the FLOPs of everything the folder ran.
"$JAVA" --add-modules jdk.incubator.vector $extra -cp "$JAR" dev.mobilevec.bench.ResultInfo "$dir" "${threads[@]}" \
    2> >(grep -v 'WARNING: Using incubator' >&2)
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3  # Debian's python3 has python3-matplotlib for the charts
"$PY" bench/report.py "$dir"/*.json --chart "$dir" > "$dir/report.md"
cat "$dir/report.md"
