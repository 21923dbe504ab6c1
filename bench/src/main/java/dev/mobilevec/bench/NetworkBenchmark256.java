package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link NetworkBenchmark} with 256-bit vectors and 16 vector registers (what an AVX2 server runs). */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32", "-Dmobilevec.vectorRegisters=16"})
public class NetworkBenchmark256 extends NetworkBenchmark {}
