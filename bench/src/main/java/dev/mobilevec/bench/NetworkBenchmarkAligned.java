package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link NetworkBenchmark} with every object 64-byte aligned, so the session aligns its arena tensors (see Alignment). */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64"})
public class NetworkBenchmarkAligned extends NetworkBenchmark {}
