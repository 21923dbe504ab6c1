# Sourced by ./mobilevec and .ci/run: exports JAVA_HOME for a JDK >= 25, or exits with a clear message.
mv_jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
mv_pick_jdk() {
  local cand v
  for cand in "${MOBILEVEC_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$(mv_jdk_major "$cand")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$cand"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "mobilevec: no JDK 25 or newer found (looked at \$MOBILEVEC_JAVA_HOME, \$JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)." >&2
  echo "mobilevec: the Vector API module jdk.incubator.vector needs JDK 25; install one (e.g. Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME." >&2
  exit 1
}
