package dev.mobilevec.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The parameters shared by {@link NetworkBenchmark} and {@link OnnxRuntimeBenchmark}, so both run
 * exactly the same grid: models ({@link BenchModels}), thread counts ("all" = every processor) and batch sizes.
 */
@State(Scope.Thread)
public abstract class EndToEndCase {
    @Param({"v1-1.0-224", "v1-0.5-224", "v1-0.25-224", "v1-1.0-160", "v1-1.0-128", "v1-0.5-160", "v1-0.5-128",
        "v1-0.25-160", "v1-0.25-128", "v2-1.0-224"})
    public String model;

    @Param({"1", "2", "all"})
    public String threads;

    @Param({"1", "8", "32"})
    public int batch;
}
