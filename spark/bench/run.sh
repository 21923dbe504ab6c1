#!/usr/bin/env bash
# Spark throughput benchmark: N generated JPEGs classified by the spark-submit job in local[1] and local[2], and by
# ./mobilevec classify with 1 and 2 threads, on the same folder and model. Writes spark/bench/results.md.
#   spark/bench/run.sh [N] [MODEL]     (defaults: 2000 images, MobileNetV2 1.0-224 with seeded weights as ONNX)
# Needs `mvn install` first (the job jar and Spark's class path are written by the spark module's package phase).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
WORK="${MOBILEVEC_SPARK_BENCH_DIR:-/tmp/mobilevec-spark-bench}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JOB_JAR=$(ls spark/target/mobilevec-spark-*-job.jar 2>/dev/null | head -1)
CP_FILE=spark/target/spark-classpath.txt
if [[ -z "$JOB_JAR" || ! -f "$CP_FILE" ]]; then
  echo "spark/bench/run.sh: build first: ./mobilevec test (or mvn -B install -DskipTests)" >&2
  exit 1
fi
mkdir -p "$WORK"
MODEL="${2:-$WORK/mobilenet_v2_1.0_224.onnx}"
if [[ ! -f "$MODEL" ]]; then
  ./mobilevec weights --arch v2 --output "$MODEL" >&2
fi
if [[ ! -d "$WORK/images-$N" ]]; then
  echo "generating $N JPEGs (224x224) in $WORK/images-$N" >&2
  "$JAVA" spark/bench/GenerateImages.java "$WORK/images-$N.tmp" "$N" && mv "$WORK/images-$N.tmp" "$WORK/images-$N"
fi
IMAGES="$WORK/images-$N"
# The flags spark-submit's launcher gives the driver and executors on JDK 25 (Spark 4.2's JavaModuleOptions), Vector API included.
SPARK_FLAGS=$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' spark/pom.xml)
CP="$(cat "$CP_FILE"):$JOB_JAR"
OUT=spark/bench/results.md
SMALL=$((N / 10))
if [[ ! -d "$WORK/images-$N-tenth" ]]; then
  mkdir -p "$WORK/images-$N-tenth.tmp"
  ls "$IMAGES" | sed -n "1,${SMALL}p" | while read -r f; do cp "$IMAGES/$f" "$WORK/images-$N-tenth.tmp/"; done
  mv "$WORK/images-$N-tenth.tmp" "$WORK/images-$N-tenth"
fi
./mobilevec classify "$IMAGES" --model "$MODEL" --threads 1 >/dev/null 2>&1   # warms the page cache and the build
rate() { sed -n 's/.* \([0-9.]*\) images\/s in \([0-9.]*\) s.*/\1 \2/p'; }
{
  echo "# Spark benchmark: $N JPEGs (224x224), $(basename "$MODEL"), $(date -u +%Y-%m-%d)"
  echo
  echo "$(nproc) logical CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs). Each case is a fresh JVM (JIT warm-up included);"
  echo "seconds are from the start of the work (the Spark session exists; JVM start excluded) to the output written."
  echo "Marginal images/s = ($N - $SMALL) / (seconds for $N - seconds for $SMALL): the rate once the fixed costs are paid."
  echo
  echo "| case | images/s ($N) | seconds ($N) | seconds ($SMALL) | fixed cost, s | marginal images/s |"
  echo "|---|---|---|---|---|---|"
} > "$OUT"
row() { # name, line for N, line for SMALL
  read -r r1 s1 <<< "$(echo "$2" | rate)"
  read -r r2 s2 <<< "$(echo "$3" | rate)"
  python3 -c "import sys; n,m,s1,s2=$N,$SMALL,$s1,$s2; mr=(n-m)/(s1-s2); print(f'| $1 | $r1 | {s1:.1f} | {s2:.1f} | {s1-(n/mr):.1f} | {mr:.1f} |')" >> "$OUT"
}
for threads in 1 2; do
  big=$(./mobilevec classify "$IMAGES" --model "$MODEL" --threads "$threads" 2>&1 >/dev/null | sed -n '$p')
  small=$(./mobilevec classify "$WORK/images-$N-tenth" --model "$MODEL" --threads "$threads" 2>&1 >/dev/null | sed -n '$p')
  echo "classify $threads: $big / $small" >&2
  row "./mobilevec classify, $threads inference thread(s)" "$big" "$small"
done
job() { # cores, folder
  "$JAVA" $SPARK_FLAGS -Xmx4g -cp "$CP" dev.mobilevec.spark.ClassifyJob --master "local[$1]" --model "$MODEL" \
    --input "$2" --output "$WORK/out" --format parquet --overwrite 2>&1 | sed -n '/^mobilevec:/{p;q}' 
}
for cores in 1 2; do
  big=$(job "$cores" "$IMAGES")
  small=$(job "$cores" "$WORK/images-$N-tenth")
  echo "spark local[$cores]: $big / $small" >&2
  row "Spark job, local[$cores] (1 mobilevec thread per task, batch 8)" "$big" "$small"
done
cat "$OUT"
