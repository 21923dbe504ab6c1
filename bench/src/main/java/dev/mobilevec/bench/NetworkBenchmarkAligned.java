package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link NetworkBenchmark} as ./mobilevec runs it: every object 64-byte aligned, so the session aligns its arena tensors
 * (see Alignment), and the heap on transparent huge pages (README, "Huge pages").
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64",
        "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages",
        "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000"})
public class NetworkBenchmarkAligned extends NetworkBenchmark {}
