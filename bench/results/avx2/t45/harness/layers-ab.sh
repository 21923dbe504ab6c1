# Per-layer timing of the build before the pairs (kernels jar from a worktree of the parent commit, OLD_KERNELS)
# and this one, alternating, three rounds per model, one thread; run from the repo root after building both.
source /tmp/env.sh
OLD_KERNELS=${OLD_KERNELS:-/tmp/wt-old/kernels/target/mobilevec-kernels-0.2.0-SNAPSHOT.jar}
new_cp="cli/target/mobilevec-cli-0.2.0-SNAPSHOT.jar:$(cat cli/target/classpath.txt)"
old_cp="${new_cp//\/work\/main\/kernels\/target\/mobilevec-kernels-0.2.0-SNAPSHOT.jar/$OLD_KERNELS}"
out=bench/results/avx2/t45/layers
for m in ${MODELS:-mnasnet1_0 mobilenet_v3_large mobilenet_v3_small}; do
  for r in 1 2 3; do
    for b in old new; do
      cp=$new_cp; [ $b = old ] && cp=$old_cp
      java --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:+UseTransparentHugePages \
        -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000 -cp "$cp" dev.mobilevec.cli.Main \
        bench --model bench/models/$m.onnx --threads ${T:-1} --iterations 400 --no-check 2>&1 | grep -v WARN > $out/$m-t${T:-1}-$b-r$r.txt
    done
  done
done
