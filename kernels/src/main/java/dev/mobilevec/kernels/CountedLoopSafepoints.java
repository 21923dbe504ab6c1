package dev.mobilevec.kernels;

/**
 * Whether C2 keeps a safepoint poll in counted loops in this JVM ({@code -XX:+UseCountedLoopSafepoints}, strip-mined
 * by {@code -XX:LoopStripMiningIter} so the poll runs once per thousand iterations): the default under G1, ZGC and
 * Shenandoah, not under the Serial and Parallel collectors (the JVM picks Serial by itself with one CPU or less than
 * 1792 MB of memory, as in many containers).
 *
 * <p>The kernels do not need the safepoints; they need the schedule C2 gives a loop that has one. Zen 3, one k loop of a
 * 6 x 2 tile (6 broadcasts, 2 weight loads, 12 FMAs): with the poll C2 puts the broadcasts beside the FMAs that use them,
 * 15 live vectors; without it all six go to the loop's top, 20 live vectors for 16 registers, and five accumulators go
 * through the stack every k step (read in the disassembly): 96 against 41 GFLOPS. The real short-K tiles (tile2x6) lose
 * as much: v1's 112x112x32->64 in the network 671 against 1154 us (README, "Counted-loop safepoints"). {@link #FLAGS}
 * restores G1's settings under any collector; {@code ./mobilevec} passes them.
 */
public final class CountedLoopSafepoints {
    /** G1's settings, which give the kernels' loops their schedule under any collector. */
    public static final String FLAGS = "-XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000";

    /** TRUE or FALSE as this JVM runs, or null where that cannot be read (not HotSpot, or no C2). */
    public static final Boolean ON = on(HeapAlignment.vmOption("UseCountedLoopSafepoints"));

    private CountedLoopSafepoints() {}

    /** From the flag's value as HotSpot prints it; null when unknown. */
    static Boolean on(String useCountedLoopSafepoints) {
        if (useCountedLoopSafepoints == null) {
            return null;
        }
        String v = useCountedLoopSafepoints.trim();
        return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
    }
}
