#!/usr/bin/env bash
# The shaded job jar run as spark-submit runs it: Spark's jars (the cluster's, here from ~/.m2) plus the job jar,
# Spark's JDK 25 options, local[2]. Checks that the jar holds no Spark classes, that the job classifies the golden
# images (one JSON line per decodable or corrupt file), on the Parallel collector says so (counted-loop safepoints),
# and that a bad flag exits 2 with the usage. Run by ./mobilevec test.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JOB_JAR=$(ls spark/target/mobilevec-spark-*-job.jar | head -1)
if unzip -l "$JOB_JAR" | grep -q ' org/apache/spark/'; then
  echo "spark/smoke.sh: $JOB_JAR contains Spark classes; Spark must stay provided" >&2
  exit 1
fi
SPARK_FLAGS=$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' spark/pom.xml)
CP="$(cat spark/target/spark-classpath.txt):$JOB_JAR"
OUT=$(mktemp -d)/out
# shellcheck disable=SC2086
# On the Parallel collector, as many Spark executors run: counted loops without safepoints, which the job must report.
"$JAVA" $SPARK_FLAGS -Xmx2g -XX:+UseParallelGC -cp "$CP" dev.mobilevec.spark.ClassifyJob --master 'local[2]' \
  --model test-data/mobilenet_v2_0.5_160.onnx --input test-data/images/src --output "$OUT" --format json --top 3 \
  2> "$OUT.log" || { cat "$OUT.log" >&2; exit 1; }
lines=$(cat "$OUT"/part-* | wc -l)
files=$(find test-data/images/src -type f -size +0 | wc -l)
if [ "$lines" -ne "$files" ] || grep -q '"error"' "$OUT"/part-*; then
  echo "spark/smoke.sh: expected $files result lines without errors, got $lines:" >&2
  cat "$OUT"/part-* >&2
  exit 1
fi
if ! grep -q "^mobilevec: $lines of the $lines images ran in executor JVMs without counted-loop safepoints" "$OUT.log" \
    || ! grep -q -- "-XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000 to spark.executor.extraJavaOptions" "$OUT.log"; then
  echo "spark/smoke.sh: on -XX:+UseParallelGC the job should say that all $lines images ran without counted-loop safepoints:" >&2
  cat "$OUT.log" >&2
  exit 1
fi
set +e
# shellcheck disable=SC2086
"$JAVA" $SPARK_FLAGS -cp "$CP" dev.mobilevec.spark.ClassifyJob --model x --input y --output z --top 0 > "$OUT.bad" 2>&1
code=$?
set -e
if [ "$code" -ne 2 ] || ! grep -q -- "--top must be a whole number >= 1, got '0'" "$OUT.bad" || ! grep -q "^Usage: spark-submit" "$OUT.bad"; then
  echo "spark/smoke.sh: a bad flag should exit 2 with the reason and the usage; got exit $code:" >&2
  cat "$OUT.bad" >&2
  exit 1
fi
echo "spark/smoke.sh: job jar OK ($lines images classified in local[2]; $(unzip -l "$JOB_JAR" | tail -1 | awk '{print $2}') entries, no Spark)"
