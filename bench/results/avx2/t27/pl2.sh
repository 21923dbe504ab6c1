#!/bin/bash
# usage: pl2.sh TAG model... ; like t26/pl.sh, plus built-in v1/v2 (--arch)
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
cd /work/main
tag=$1; shift
for rep in 1 2; do for m in "$@"; do for j in old new; do
  CP="cli/target/mobilevec-cli-0.2.0-SNAPSHOT.jar:/tmp/ab/$j.jar:$HOME/.m2/repository/info/picocli/picocli/4.7.7/picocli-4.7.7.jar"
  case $m in v1|v2) sel="--arch $m";; *) sel="--model bench/models/$m.onnx";; esac
  timeout 900 java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:ObjectAlignmentInBytes=64 -cp $CP dev.mobilevec.cli.Main bench $sel --threads 1 --iterations 300 --no-check > /tmp/ab/pl-$tag-$m-$j-$rep.txt 2>&1
done; done; done
