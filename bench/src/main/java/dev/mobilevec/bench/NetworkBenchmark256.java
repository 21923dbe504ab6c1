package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link NetworkBenchmark} with 256-bit vectors (what an AVX2 server runs). */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32"})
public class NetworkBenchmark256 extends NetworkBenchmark {}
