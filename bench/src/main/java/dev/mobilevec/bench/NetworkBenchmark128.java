package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link NetworkBenchmark} with 128-bit vectors (the width of NEON on ARM servers; 32 registers, as AArch64 has, on AVX-512 hosts). */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=16"})
public class NetworkBenchmark128 extends NetworkBenchmark {}
