package dev.mobilevec.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.WeakReference;
import java.nio.ByteOrder;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

/**
 * Pointwise (1x1) convolution as a GEMM: out[M x N] = in[M x K] * W^T + bias, with M = N*H*W
 * pixels, K = Cin, N = Cout; also the fully connected layer (H = W = 1).
 *
 * <p>Weights are packed once into panels of NR = 4 vectors of output channels, k-major, zero-padded
 * to a whole panel. Micro-kernels keep a tile of C in named accumulators, broadcasting one input scalar per
 * row and k: with 32 vector registers (AVX-512, AArch64) 6 pixels x 4 vectors (24 accumulators), then 4 x 4;
 * with 16 (AVX2) 2 x 4 where a K block's panel slice is in L1 and K is below 128, two 6 x 2 half-panel tiles for K from
 * 128 to HALVES_MAX_K in one block, two 5 x 2 halves for a column-split layer's longer K (4 x 4 needs 21 registers
 * and spilled there).
 * Otherwise K is blocked (KC x NR = 32 KB, an L1-sized panel slice);
 * partial sums go through the output array between K blocks,
 * which keeps every element's FMA chain (bias first, then k ascending) identical whatever the
 * tiling or thread split, so results are bitwise reproducible.
 */
public final class PointwiseGemm implements Conv2dKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final VectorSpecies<Integer> SI = Lanes.INT_SPECIES;
    private static final VectorSpecies<Long> SJ = Lanes.LONG_SPECIES;
    /**
     * Two adjacent input floats as one long, in native order: reinterpreted as floats they land in lanes 2j and 2j + 1 in
     * memory order on a little-endian machine, the only kind the k-pair path runs on (see kPairs).
     */
    private static final ValueLayout.OfLong TWO_FLOATS = ValueLayout.JAVA_LONG_UNALIGNED;
    /** The K of the k-pair path (see kPairs): its K / 2 = 8 weight vectors stay in registers. */
    static final int KPAIR_K = 16;
    /**
     * Heap segments a k-pair layer keeps (see Prepared.segment): room for every thread's band window and the arena
     * buffers, looked up once per call.
     */
    static final int SEGMENT_SLOTS = 2 * Runtime.getRuntime().availableProcessors() + 4;
    private static final int L = Lanes.COUNT;
    /** Rows (pixels) per micro-tile, and so per work unit. */
    static final int MR = 4;
    /** Output channels per panel. */
    static final int NR = 4 * L;
    /**
     * K-block length of the full panels: KC x NR floats = 32 KB at 512 bits, an L1-sized panel slice that every
     * row tile of the cache chunk reuses from L1, with partial sums through the output between blocks (exact:
     * the chains are unchanged). Inside the network the weights come from L3 or memory (a model's weights are
     * several times L2), and there short blocks win; measured with 12 weight sets cycled so none stays in cache
     * (stand-alone loop, GFLOPS at KC = 1365 / 256 / 128 / 64): 7x7x1152->320 119 / 130 / 137 / 129, 7x7x320->1280
     * 113 / 124 / 136 / 121, 7x7x1152->192 109 / 138 / 135 / 124, 14x14x96->576 127 / 154 / 157 / 133, 7x7x1024->1024
     * 87 / 97 / 110 / 95; 14x14x512->512, 28x28x256->256 and 56x56x128->128 3-7 % faster at 128 than 1365. (With
     * one weight set, hot in L2, 256 KB blocks had measured best: that is not how a network runs.)
     */
    static final int KC = 8192 / NR;
    /**
     * K-block of a column-split layer (few pixels, weights streamed panel by panel) with 16 registers: up to a 256 KB
     * panel in one block. The first row tile then streams the panel in one run and the rest read it from L2; with
     * KC-long blocks each block began with a burst of misses while the hardware prefetcher sat idle through the
     * other row tiles' compute. Zen 3, weights cycled through 24 copies so they come from L3/DRAM as in a network,
     * three alternations: 7x7x1152->192 49-53 -> 57-63 GFLOPS, 7x7x1024->1024 47-50 -> 46-60, 7x7x576->160 about
     * even. With 32 registers (6 x 4 tiles) too: Zen 4 at 512 bits (128 KB and 256 KB panels in one block), 8 weight
     * sets cycled, against ONNX Runtime alternated (OrtPwCold), two runs: 14x14x512->512 0.94-0.96 -> 0.88-0.89x its
     * time, 7x7x1024->1024 0.97-0.98 -> 0.87-0.91x, 7x7x512->1024 0.93 -> 0.86-0.90x. Zen 5, 24 weight sets cycled: K blocks
     * of 512 within noise, of 256 0.91-0.98x the GFLOPS, K = 1152 in one block 0.95-0.97x (bench/results/zen5/t54).
     */
    static final int SPLIT_KC = 65536 / NR;
    /** At most this many floats of weights (384 KB) in the three panels a 32-register layer primes (see Prepared.primes). */
    static final int PRIME_MAX_FLOATS = 384 * 1024 / Float.BYTES;
    /**
     * The tiles that need 32 vector registers (AVX-512 at any width, AArch64; {@link Lanes#REGISTERS}): 6 x 4
     * on full panels, 8 x 2 and 8 x 3 on the partial one, and the pair tiles for a half-full last vector. With 16 (AVX2) full panels run 2 x 4 or as two 6 x 2 or
     * 5 x 2 half-panel tiles (see block) and the partial panel 3 x 3, 6 x 2 and 6 x 1 (4 x 4, the tile before, needs
     * 21 registers and spilled).
     */
    static final boolean WIDE_PARTIAL = Lanes.REGISTERS >= 32;
    /**
     * Pixels per cache chunk (a multiple of MR and of the 6- and 8-pixel tiles): MC x KC input floats stay in L2
     * across panels. (120, a multiple of the 16-register 5-pixel tile too, measured 3-7 % slower on Zen 3.)
     */
    static final int MC = 96;
    /**
     * Whether a layer runs its 16-pixel row blocks through tile16x1: Cout of one vector at K = 16, 24, 32 or 48, or
     * Cout of more than one vector at K = 16 (a last partial vector through two 8-row tail tiles: V3-small's
     * 56x56x16->72 93 -> 87 us stand-alone, 95 -> 89 in the network; `t38/tail16.txt`). Column by column at K = 24-48:
     * faster alone in every JVM since the tile bounds became fields, but slower in some fused blocks (MNASNet 0.5's
     * 28x28x24->144 57-59 -> 76-80 us, cause open; `t38/cols-network.txt`); at K = 16 faster in every one
     * (112x112x16->96 67-69 -> 81 % of peak, 56x56x16->48 75 -> 83; `t37/tile16.txt`). All of that on Zen 4, whose
     * 512-bit FMAs issue at half rate. Where they issue at full rate, Cout of several vectors at K = 16 runs faster
     * through the 6 x 4 and 8 x 3 / 8 x 2 tiles (one broadcast per four or three FMAs, not per one): Zen 5, stand-alone,
     * 112x112x16->48 / ->64 / ->96 and 56x56x16->72 0.88 / 0.84 / 0.92 / 0.89 of the time, at 256 bits 0.80-0.88
     * (`zen5/t53`); Cout of one vector keeps the 16-pixel tile there too (1.22-1.35x slower without).
     */
    static boolean tile16(int n, int k, boolean fma512HalfRate) {
        return WIDE_PARTIAL && (n == L ? k == 16 || k == 24 || k == 32 || k == 48 : n > L && k == 16 && fma512HalfRate);
    }

    /**
     * Up to this K a row-major 16-register layer whose Cout is a multiple of two vectors and at least six (48, 64, 96,
     * 144, 192 at 256 bits) runs all of its columns in groups of six vectors, 2 pixels at a time (tile2x6 from a panel's
     * start, tile2x6b from its middle), the two or four vectors left through tile6x2 (see sixes). 2 x 4 took 6 loads
     * per 8 FMAs and, at short K, its prologue and epilogue per 2 pixels x 4 vectors set the pace. Zen 3, stand-alone,
     * ReLU6, two alternations, GFLOPS: 112x112x16->64 59 -> 64.5-65, 112x112x16->96 58.5 -> 65.5-67, 56x56x16->64 59 ->
     * 61.5-65, 56x56x24->144 71 -> 76, 28x28x24->96 67.5 -> 76, 28x28x32->192 73.5-74.5 -> 80, 56x56x32->192 66-73 -> 80.5,
     * 56x56x32->96 73 -> 80; K 40 0-3 % on the models' layers (14x14x40->240 even), K 48 and above even or slower
     * (28x28x64->384 82-85 -> 79-82). For Cout 48 it is the pairing of the last full panel with a two-vector partial
     * panel measured before (K = 8 +30 %, 16 +12 %, 24 +22 % against 2 x 4 then 6 x 2).
     */
    static final int SIXES_MAX_K = 32;
    /**
     * Up to this K a 16-register layer whose last panel is one vector wide (Cout = 40, 72, 200 at 256 bits) runs its
     * last full panel and that vector together, 2 pixels x 5 vectors (see tile2x5), where the vector had gone through
     * 6 x 1 tiles (7 loads per 6 FMAs). Zen 3, stand-alone, Cout 40, against the two tiles it replaces: K = 8 +42 %,
     * 16 +29 %, 24 +33-41 %, 32 +19 %, 40 +30 %, 64 +16 %, 120 +11 %, 240 even.
     */
    static final int PAIR5_MAX_K = 128;
    /**
     * Up to this K a 16-register layer whose Cout is one vector (MNASNet 0.5's 112x112x16->8 at 256 bits) runs 12 pixels
     * at a time (tile12x1: 12 chains where 6 x 1 had 6, and half the per-call prologue and epilogue per pixel).
     * Zen 3, stand-alone, two alternations, GFLOPS: Cout 8 at K = 8 24.7-25 -> 31.7-32, K = 16 36.1-36.8 -> 40.6-41,
     * K = 24 43.9-45.4 -> 44.8-45.1, K = 32 48.2-48.6 -> 47.1-48.9, K = 40 even, K = 48 52.9-53.5 -> 50.7-51.3.
     */
    static final int TWELVE_MAX_K = 16;
    /**
     * Below this many row blocks (FC at small batch), work units also split the panels, so threads have
     * work; they do too whenever the weights outweigh the input rows (Cout > pixels, the deep layers at
     * small batch), where streaming each weight panel once matters more than reading the input once.
     */
    static final int MIN_ROW_UNITS = 32;
    /**
     * From this K up to HALVES_MAX_K (whole K in one block), a 16-register full panel runs as two 6 x 2 half-panel tiles
     * (tile6x2: 12 chains, 8 loads per 12 FMAs) instead of 2 x 4 (8 chains, 6 loads per 8 FMAs), whose K x NR panel
     * slice fills Zen 3's 32 KB L1 at K = 256 and half of it at 128. Zen 3, stand-alone, two alternations, GFLOPS
     * (linear / ReLU6): 28x28x256->256 79-81 -> 87-91, 56x56x128->128 82-85 -> 79-86, 28x28x128->256 78-84 -> 84-86;
     * column-split, weights cycled through 24 copies: 14x14x256->512 79-80 -> 87-89, 7x7x256->1024 71-74 -> 78-83,
     * 7x7x192->1152 78 -> 78-82, 7x7x160->960 75-78 -> 81-83. Below 128 it was even or slower (112x112x16->96
     * 56-57 -> 53-54, 56x56x32->192 71 -> 70).
     */
    static final int HALVES_MIN_K = 128;

    /**
     * Up to this K a 16-register layer runs its full panels as the two 6 x 2 halves over the whole K in one block: a
     * row-major one instead of 2 x 4 over K blocks of KC, a column-split one (its K in one block anyway) instead of the
     * 5 x 2 halves (7x7x576->192 82-87 -> 89-90 GFLOPS). 12 chains from the bias to the end, no partial sums through
     * the output (6 x 2 over K blocks, reloading them, spilled: README, eighth Zen 3 session), the half panel's K x 2
     * vectors streamed from L2 where they pass L1's size. Zen 3, stand-alone, weights cycled through 24 copies, two
     * alternations, GFLOPS: 14x14x576->96 84.7-85.3 -> 93.7-94.3, 14x14x672->112 85.5-86.1 -> 91.7-94.3, 14x14x480->80
     * 87.1-87.8 -> 92.4-93.2, 14x14x384->64 84.9-86.1 -> 93.1-93.6, 56x56x320->96 82-83.3 -> 87.7-89.7, 28x28x512->512
     * 82.7-82.8 -> 89.2-90.2, 28x28x768->128 81.3-83.6 -> 87-91.5, 28x28x1024->256 82.5-83.8 -> 83.8-85.1,
     * 14x14x1152->192 79.8-81.5 -> 83.2-84.8 (smaller from K = 1024 on, where a half panel is 64 KB). Raised from 1024
     * to 1152 for MNASNet 1.0's 7x7x1152 projections, column-split, which had gone to the 5 x 2 halves (Zen 3, one JVM,
     * both builds alternating, medians of per-round ratios in two runs, the second in t48/halves-1152-ab.txt:
     * 7x7x1152->192 0.93, 0.95x the time, 7x7x1152->320 0.96, 0.96x, 14x14x1152->192 0.82, 0.89x; in MNASNet 1.0,
     * per-layer medians 352-386 -> 306-340 us and 596-618 -> 526-568 us).
     * No model here has a 1x1 layer with K between 1152 and the fully connected layers' (one or two pixels, streamed).
     */
    static final int HALVES_MAX_K = 1152;

    /**
     * Rows left over after a chunk's whole 6 x 2 halves, up to this many, go two at a time through tile2x4 (an odd last
     * one through tile1) instead of through one more pair of halves moved back over rows already done, which computes
     * 6 rows for them. Fused blocks run their projections in bands (4 rows of a 14-wide map: 56 pixels, 2 left over),
     * and chunks under 6 rows had gone to tile5x2 with repeated rows or to tile4 (16 accumulators: spills on 16
     * registers). Zen 3, stand-alone, both builds alternating in one JVM (bench/results/avx2/t49/left-over-ab.txt):
     * 4x14x480->80 0.96-0.97x the time, 4x14x576->96 0.93-0.94x, 2x14x576->96 0.93x (4 left), 1x5x576->96 0.90-0.93x;
     * 3x14x480->80 (none left) 0.99x; with the limit at 2 the 4-left layers stayed at 0.98-1.00x. Five left keep the
     * moved-back pair (two 2 x 4 tiles and a tile1 cost about as much as six rows).
     */
    static final int HALVES_LEFT_OVER = 4;

    /**
     * Row blocks (MR pixels each) in which a row-major range runs best: 24 pixels, which every row tile divides (2, 3,
     * 6 and 12 pixels with 16 registers, 6 and 8 with 32). A range of another length ends in a tile moved back over
     * rows it already did (same bits, wasted FMAs): a fused block's 14-wide bands of 56 pixels recomputed 4 of every
     * 56 rows of their projection (7 %), and a 14x14 layer's second thread share, cut in eighths of 16 pixels, 2 of
     * every 16.
     */
    static final int ROW_TILE_UNITS = 24 / MR;

    /**
     * Whether a column-split layer runs its full panels as tall tiles (tileTall: 12 or 13 pixels x one half panel, 24-26
     * chains on 2 weight vectors per K step) on a copy of those panels packed half panel by half panel, so each half is
     * one contiguous stream: 512-bit lanes, Cout of at least one panel, a panel too large for three to be primed (see
     * primes) but within one K block (SPLIT_KC); the copy is made where the layer is column-split at batch 1 on a
     * multiple of 12 pixels or one more (7x7: 49 = 12 + 12 + 12 + 13; see Prepared). There the 6 x 4 tile streamed each
     * cold panel in its first 6-pixel pass at twice the bytes per FMA. Zen 5, 49 pixels, weights cycled through 24
     * copies (as a network's come from L3 / memory), two runs: K = 576-960 1.03-1.10x the GFLOPS (7x7x960->160
     * 1.05-1.09, ->320 1.06-1.09), K = 1024 0.97-1.00 (left out), and where three panels are primed (K <= 512) 0.74-0.94
     * (left out); with one weight set, warm, 1.02-1.05 on every 7x7 shape. The same tiles on the panels' usual [k][NR]
     * rows (half a panel = every other pair of lines: a strided stream) were 0.82-1.01 cold. In the network (LayerAb,
     * one thread, both orders): v2's 7x7x960->320 0.93-0.975x its time, 7x7x960->160 0.96-0.99x, its 7x7x576->160
     * 1.01-1.04x; V3-large's 0.97-0.99x, MNASNet 0.5's 7x7x576 projections 0.96-0.98x; two threads 0.97-0.99x
     * (bench/results/zen5/t54). Same bits as every other tile. The copy costs heap (v2 2.2 MB, V3-large 1.3 MB), not
     * cache: at batch 1 only the copy is read; tile6 reading two half-panel streams would make it the only layout.
     */
    static boolean tallPanels(int n, int k) {
        return WIDE_PARTIAL && L == 16 && n >= NR && 3 * (long) k * NR > PRIME_MAX_FLOATS && k < SPLIT_KC;
    }

    /** Whether prepared layer {@code p} runs its full panels through the tall tiles at this batch (tests). */
    static boolean runsTall(PreparedConv p, int batch) {
        return p instanceof Prepared q && q.halves != null && tallRows(batch * q.pixelsPerImage)
                && q.workUnits(batch) > q.rowBlocks(batch);
    }

    /** Rows the tall tiles cover exactly: 12 at a time, the last 13 when one is left over. */
    static boolean tallRows(int m) {
        return m >= 12 && (m % 12 == 0 || m % 12 == 1);
    }

    /**
     * Floats of the next panel one K step of a 6-pixel tile reads ahead (see Prepared.rowsAhead): one new line every 8 K
     * steps, about 100 cycles of FMAs, slow enough that the hardware prefetchers keep ahead of the reads and none waits
     * on memory. In a network each panel's first tile had streamed it from L3 or memory at one stream's pace (v1's
     * 14x14 and 7x7 layers ran 10-30 % over their stand-alone time). Zen 5, batch 1, one thread, in the network
     * (LayerAb, both orders; bench/results/zen5/t57): v1's 14x14x512 layers 0.97-0.98x their time without, 7x7x1024
     * 0.97, 7x7x512->1024 (primed triples) 0.98-0.99; v2's 14x14x384 0.95-0.98, MNASNet 1.0's 14x14x480 and x576
     * 0.97-0.98, its 7x7x1152 projections (K past one K block) 0.98-1.00; the rest even; at two threads even. 1 float
     * per step (half a 14x14 panel ahead) 1-2 % behind 2; 4 and 8 floats 5-13 % and up to 29 % slower (reads that
     * outran the prefetchers stalled on memory); whole bursts of reads between tiles 2-4 % slower end to end.
     */
    static final int NEXT_PANEL_STEP = 2;

    public static final PointwiseGemm INSTANCE = new PointwiseGemm(Lanes.FMA512_HALF_RATE, false);

    /** The tile choice for this FMA rate (see tile16); never the bits. */
    private final boolean fma512HalfRate;
    /** Tall tiles for every layer they can run (see tallPanels), whatever its K or width: tests only. */
    private final boolean tallAlways;

    private PointwiseGemm(boolean fma512HalfRate, boolean tallAlways) {
        this.fma512HalfRate = fma512HalfRate;
        this.tallAlways = tallAlways;
    }

    /** The kernel as it would choose its tiles on a machine of the given 512-bit FMA rate: tests run both. */
    static PointwiseGemm forFma512Rate(boolean halfRate) {
        return halfRate == INSTANCE.fma512HalfRate ? INSTANCE : new PointwiseGemm(halfRate, false);
    }

    /** The kernel with tall panel tiles wherever a layer's shape lets them run (see tallPanels): tests, at every width. */
    static PointwiseGemm withTallPanels() {
        return new PointwiseGemm(Lanes.FMA512_HALF_RATE, true);
    }

    @Override
    public String name() {
        return "pointwise-gemm";
    }

    @Override
    public boolean supports(ConvSpec spec) {
        return spec.isPointwise();
    }

    @Override
    public PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation) {
        return prepare(spec, weights, bias, activation, HeapAlignment.AUTO);
    }

    /**
     * As {@link #prepare}, with the packed weights starting {@code weightOffset} floats into a new array of their own (tests
     * vary it), or where {@link HeapAlignment#allocate} puts them ({@link HeapAlignment#AUTO}).
     */
    PreparedConv prepare(ConvSpec spec, float[] weights, float[] bias, Activation activation, int weightOffset) {
        float[] b = PreparedConv.checkWeights(spec, weights, bias, activation);
        requireSupported(spec, "a 1x1, stride-1, ungrouped convolution");
        return new Prepared(spec, weights, b, activation, weightOffset, fma512HalfRate, tallAlways);
    }

    /**
     * Whether the layer runs two k's per vector (kPairRows): Cout exactly half a vector (8 at 512 bits) and K =
     * KPAIR_K, as in MNASNet 0.5's first projection (112x112x16->8). There the pair tile joins two pixels'
     * broadcasts with a blend per FMA, on the FP pipes the FMAs need (31 % of peak). Here one 64-bit broadcast puts
     * input k and k+1 of one pixel in alternate lanes, against weights packed the same way: one FMA per two k per
     * pixel and no blend; two permutes and an add per two pixels at the end. Zen 4: stand-alone 1.29-1.43x, in
     * MNASNet 0.5 93 -> 56 us at one thread (README, "Two k's per vector"). The 64-bit loads go through a heap
     * MemorySegment kept per input array (Prepared.segment). AVX-512 only (512-bit vectors, 32 registers): the
     * two-source permute is one instruction there, and no other machine was measured. Not for layers of one pixel per
     * image (V3-small's first squeeze-excitation FC, 16 -> 8): called once per inference, the k-pair methods were still
     * in C1's profiled tier (3) after 1,000 inferences (-XX:+PrintCompilation), and the layer took 10-30 us against 0.3
     * for the 8 -> 16 FC after it; one pixel has nothing to gain from them.
     */
    static boolean kPairs(int n, int k, int pixelsPerImage) {
        return WIDE_PARTIAL && L >= 16 && n == L / 2 && k == KPAIR_K && pixelsPerImage > 1
                && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    }

    private static final class Prepared extends BasePreparedConv {
        private final int k, n, panels, pixelsPerImage;
        /** [panel][k][NR], from index {@code wo} (maybe a slice of a shared array): 64-byte aligned where {@link HeapAlignment} can tell. */
        private final float[] packed;
        private final int wo;
        private final float[] bias;
        /** The last vector holds two pixels (see pairsTail(int)); its weights and bias are packed twice over. */
        private final boolean pairsTail;
        /**
         * The k-pair path (see kPairs): [K/2][L] weights, lane 2j + t holding W[2i + t][j]; then the accumulators'
         * start (bias in the even lanes, -0.0 in the odd); then the even and the odd lane indices, from {@code kpo}.
         */
        private final boolean kPairs;
        /** Rows of 16 pixels through tile16x1 (see tile16(int, int, boolean)). */
        private final boolean sixteenRows;
        private final float[] kp;
        private final int kpo;
        /**
         * The full panels again, [panel][half][k][2 vectors] (see tallPanels), or null: a copy beside {@code packed},
         * which the layer's other paths (other batch sizes, row-major runs) keep reading. From {@code ho}.
         */
        private final float[] halves;
        private final int ho;
        /**
         * The k-pair path's heap segments over its input arrays (see segment). On JDK 25 a segment made by
         * MemorySegment.ofArray is not scalar-replaced once read (128 B per call, per step when made in the loop), so
         * each input array's segment is made once and kept. Weak: a slot holds no array alive past the next collection
         * (its segment refers to the array), and an inference that allocates nothing triggers none.
         */
        private final WeakReference<?>[] segments;
        private int nextSegment;
        /** Full panels of a column-split layer go through {@link #rowsAhead} (32 registers, 6 x 4 tiles). */
        private final boolean readsAhead;
        /** Written only in the near-impossible case in tile6 that keeps its reads ahead alive; never read. */
        @SuppressWarnings("unused")
        private int ahead;

        Prepared(ConvSpec s, float[] weights, float[] b, Activation act, int weightOffset, boolean fma512HalfRate,
                 boolean tallAlways) {
            super(s, act);
            k = s.inC();
            n = s.outC();
            panels = (n + NR - 1) / NR;
            pixelsPerImage = s.inH() * s.inW();
            HeapAlignment.Slice room = HeapAlignment.slice(weightOffset, Checks.product("packed pointwise weights", panels, k, NR));
            packed = room.array();
            wo = room.offset();
            for (int co = 0; co < n; co++) {
                int p = co / NR, j = co % NR;
                for (int ci = 0; ci < k; ci++) {
                    packed[wo + (p * k + ci) * NR + j] = weights[co * k + ci];
                }
            }
            bias = new float[panels * NR];
            System.arraycopy(b, 0, bias, 0, n);
            pairsTail = pairsTail(n);
            if (pairsTail) {
                // The last vector is at most half full: its lanes copied into the (zero) upper half, so one vector
                // holds two pixels' worth of them (see tile8x1Pair). Only masked tiles read these lanes otherwise.
                int js = n - n % L, h = L / 2, p = js / NR;
                for (int ci = 0; ci < k; ci++) {
                    int row = wo + (p * k + ci) * NR + (js - p * NR);
                    System.arraycopy(packed, row, packed, row + h, n - js);
                }
                System.arraycopy(bias, js, bias, js + h, n - js);
            }
            // The copy only where the tall tiles run: column-split at batch 1 on 12j or 12j + 1 pixels (see units).
            boolean tall = tallAlways ? WIDE_PARTIAL && n >= NR && k <= SPLIT_KC : tallPanels(n, k);
            if (tall && tallRows(pixelsPerImage) && columnSplit(rowBlocks(1)) > 1) {
                int fp = n / NR;
                HeapAlignment.Slice hs = HeapAlignment.slice(weightOffset, Checks.product("tall panel weights", fp, k, NR));
                halves = hs.array();
                ho = hs.offset();
                for (int p = 0; p < fp; p++) {
                    for (int h = 0; h < 2; h++) {
                        for (int ci = 0; ci < k; ci++) {
                            System.arraycopy(packed, wo + (p * k + ci) * NR + h * 2 * L, halves, ho + ((p * 2 + h) * k + ci) * 2 * L, 2 * L);
                        }
                    }
                }
            } else {
                halves = null;
                ho = 0;
            }
            kPairs = kPairs(n, k, pixelsPerImage);
            sixteenRows = tile16(n, k, fma512HalfRate);
            readsAhead = WIDE_PARTIAL && !kPairs && !sixteenRows;
            if (kPairs) {
                segments = new WeakReference<?>[SEGMENT_SLOTS];
                HeapAlignment.Slice kr = HeapAlignment.slice(weightOffset, (KPAIR_K / 2 + 3) * L);
                kp = kr.array();
                kpo = kr.offset();
                for (int ci = 0; ci < k; ci++) {
                    for (int co = 0; co < n; co++) {
                        kp[kpo + ci / 2 * L + 2 * co + (ci & 1)] = weights[co * k + ci];
                    }
                }
                int bo = kpo + KPAIR_K / 2 * L;
                for (int co = 0; co < n; co++) {
                    kp[bo + 2 * co] = b[co];
                    // -0.0, the exact additive identity: from +0.0, an odd chain of -0.0 products summed to +0.0 and
                    // turned a sum of -0.0 (bias and every product -0.0) into +0.0.
                    kp[bo + 2 * co + 1] = -0f;
                }
                for (int t = 0; t < L; t++) {
                    kp[bo + L + t] = 2 * t;
                    kp[bo + 2 * L + t] = 2 * t + 1;
                }
            } else {
                segments = null;
                kp = null;
                kpo = 0;
            }
        }

        /**
         * Whether the partial panel's last vector, at most half full, runs two pixels per vector (tile8x1Pair): with
         * 32 registers, Cout % L in 1..L/2 (24, 40, 72 and 8 at 512 bits), and Cout at least L/2 so that the upper
         * half's store starts inside the row.
         */
        private static boolean pairsTail(int n) {
            int tail = n % L;
            return WIDE_PARTIAL && L >= 8 && tail > 0 && tail <= L / 2 && n >= L / 2;
        }

        /** 4-pixel row blocks; when there are few of them, or the weights outweigh the rows, also split by panel. */
        @Override
        public int workUnits(int batch) {
            int rows = rowBlocks(batch);
            return rows * columnSplit(rows);
        }

        @Override
        public int pixelsPerUnit(int batch) {
            return columnSplit(rowBlocks(batch)) == 1 ? MR : 0;
        }

        /** Panel-major layers: a panel's row blocks. */
        @Override
        public int unitBlock(int batch) {
            int rows = rowBlocks(batch);
            return columnSplit(rows) > 1 ? rows : 1;
        }

        /**
         * Panel-major: three panels where a call streams three at once (streamPanels for one or two pixels; with 16
         * registers also the primed pixel 0 of layers with more, see units); a range cut inside a triple streams its
         * panels two or one at a time.
         * Row-major: {@link #ROW_TILE_UNITS} row blocks, so no row tile is moved back over rows the range already did.
         */
        @Override
        public int blocksPerCall(int batch) {
            int rows = rowBlocks(batch);
            if (columnSplit(rows) == 1) {
                return ROW_TILE_UNITS;
            }
            return (rows == 1 || primes(Checks.product("pixels", batch, pixelsPerImage))) && n / NR >= 3 ? 3 : 1;
        }

        /**
         * Whether a column-split layer of m pixels primes three panels at once (see units). With 16 registers whenever K
         * fits one block. With 32, where pixel 0 primed leaves whole 6-row tiles (m = 6j + 1: 7x7 at batch 1, whose 49th
         * row had gone through tile1 at L2's pace, about half a 6-row tile's time for one row) and the three panels stay
         * in L2 while the other rows run (at most PRIME_MAX_FLOATS). Zen 5, in the network (LayerAb, one thread):
         * MNASNet 1.0's 7x7x192->1152 0.94-0.96, 7x7x320->1280 0.92, v1's 7x7x512->1024 0.96; 7x7x1024->1024 (three
         * 256 KB panels beside a 200 KB input in a 1 MB L2) even, so left out.
         */
        private boolean primes(int m) {
            return k <= SPLIT_KC && (!WIDE_PARTIAL || m % 6 == 1 && 3 * k * NR <= PRIME_MAX_FLOATS);
        }

        private int rowBlocks(int batch) {
            return (Checks.product("pixels", batch, pixelsPerImage) + MR - 1) / MR;
        }

        private int columnSplit(int rowBlocks) {
            return rowBlocks < MIN_ROW_UNITS || n > rowBlocks * MR ? panels : 1;
        }

        @Override
        public void run(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
            units(batch, in, inOff, out, outOff, unitFrom, unitTo, null, 0, act);
        }

        @Override
        public boolean fusesResidual() {
            return true;
        }

        @Override
        public boolean runsWindows() {
            return true;
        }

        /** Windows need units that are pixel blocks; column-split layers (few pixels, many weights) run whole. */
        private void checkWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            int ppu = pixelsPerUnit(batch);
            if (ppu == 0) {
                throw new UnsupportedOperationException("this 1x1 layer's units are split by output channels; run it whole");
            }
            long m = (long) batch * pixelsPerImage, p0 = Math.min((long) unitFrom * ppu, m), p1 = Math.min((long) unitTo * ppu, m);
            PreparedConv.checkWindow(spec, batch, in, inOff, p0 * k, p1 * k, out, outOff, p0 * n, p1 * n, unitFrom, unitTo, workUnits(batch));
        }

        @Override
        public void runWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo) {
            checkWindow(batch, in, inOff, out, outOff, unitFrom, unitTo);
            units(batch, in, inOff, out, outOff, unitFrom, unitTo, null, 0, act);
        }

        @Override
        public void runResidualWindow(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo,
                                      float[] residual, int resOff, Activation after) {
            checkWindow(batch, in, inOff, out, outOff, unitFrom, unitTo);
            PreparedConv.checkResidual(this, batch, out, outOff, residual, resOff, after);
            units(batch, in, inOff, out, outOff, unitFrom, unitTo, residual, resOff, after);
        }

        @Override
        public void runResidual(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo,
                                float[] residual, int resOff, Activation after) {
            PreparedConv.checkRun(spec, batch, in, inOff, out, outOff, unitFrom, unitTo, workUnits(batch));
            PreparedConv.checkResidual(this, batch, out, outOff, residual, resOff, after);
            // The residual may be the input itself (y = conv(x) + x): both are only read.
            units(batch, in, inOff, out, outOff, unitFrom, unitTo, residual, resOff, after);
        }

        /** With {@code res} null: the plain convolution; otherwise out = post(conv + res), conv's own activation being NONE. */
        private void units(int batch, float[] in, int inOff, float[] out, int outOff, int unitFrom, int unitTo,
                           float[] res, int resOff, Activation post) {
            int m = batch * pixelsPerImage;
            int rowBlocks = rowBlocks(batch);
            if (columnSplit(rowBlocks) > 1) {
                // Unit u = (panel u / rowBlocks, row block u % rowBlocks): panel-major, and a range's units of
                // one panel run as one block, so each weight panel (K x NR, <= 256 KB) is streamed once and then
                // served from L2 to every row block. Row-major units re-streamed every panel once per 4-row
                // block: v1 block13.pw (7x7, 4 MB of weights) ran at 39 GFLOPS in the network, FC at 6.
                if (rowBlocks == 1) {
                    // One row block (the classifier and squeeze-excitation layers at batch 1-4): unit u is panel u;
                    // the range runs as one block, whole K (no row tile reuses a K block's slice here), so block
                    // can stream three panels at a time (see streamPanels).
                    if (unitFrom < unitTo) {
                        block(in, inOff, out, outOff, 0, m, unitFrom, unitTo, k, res, resOff, post);
                    }
                    return;
                }
                int fullPanels = n / NR;
                for (int u = unitFrom; u < unitTo; ) {
                    int p = u / rowBlocks, end = Math.min(unitTo, (p + 1) * rowBlocks);
                    if (halves != null && p < fullPanels && u == p * rowBlocks && end == (p + 1) * rowBlocks && tallRows(m)) {
                        // A whole full panel: each half in 12-pixel tiles, the last 13 (see tallPanels).
                        for (int h = 0; h < 2; h++) {
                            int r = 0;
                            for (; m - r >= 24 || m - r == 12; r += 12) {
                                tileTall(in, inOff + r * k, out, outOff + r * n, p, h, false);
                            }
                            if (r < m) {
                                tileTall(in, inOff + r * k, out, outOff + r * n, p, h, true);
                            }
                        }
                        finish(out, outOff, 0, m, p * NR, (p + 1) * NR, res, resOff, post);
                        u = end;
                        continue;
                    }
                    if (primes(m) && u == p * rowBlocks && p + 3 <= fullPanels
                            && unitTo >= (p + 3) * rowBlocks) {
                        // Three whole panels in the range: pixel 0 of all three first (tile1x3, three weight streams
                        // from L3/memory at once, where one tile alone ran one stream at ~13 GB/s), then the other
                        // pixels panel by panel from L2. Same chains as block's tiles, so the bits do not depend on it.
                        tile1x3(in, inOff, out, outOff, p);
                        finish(out, outOff, 0, 1, p * NR, (p + 3) * NR, res, resOff, post);
                        for (int q = p; q < p + 3; q++) {
                            if (readsAhead && q + 3 < fullPanels && (q + 4) * rowBlocks <= unitTo) {
                                // Panel q + 3 is the next triple's: read ahead by every tile (pixel 0 primed this one).
                                rowsAhead(in, inOff, out, outOff, 1, m, q, q + 3, false, res, resOff, post);
                            } else {
                                block(in, inOff, out, outOff, 1, m, q, q + 1, SPLIT_KC, res, resOff, post);
                            }
                        }
                        u = (p + 3) * rowBlocks;
                        continue;
                    }
                    int r0 = (u - p * rowBlocks) * MR, r1 = Math.min((end - p * rowBlocks) * MR, m);
                    if (readsAhead && p + 1 < fullPanels && (p + 2) * rowBlocks <= unitTo && r1 - r0 >= 12) {
                        rowsAhead(in, inOff, out, outOff, r0, r1, p, p + 1, true, res, resOff, post);
                    } else {
                        block(in, inOff, out, outOff, r0, r1, p, p + 1, SPLIT_KC, res, resOff, post);
                    }
                    u = end;
                }
                return;
            }
            // Row-major, 16 registers: whole K in one block up to HALVES_MAX_K (the 6 x 2 halves), K blocks of KC beyond.
            int kc = !WIDE_PARTIAL && k <= HALVES_MAX_K ? Math.max(KC, k) : KC;
            block(in, inOff, out, outOff, unitFrom * MR, Math.min(unitTo * MR, m), 0, panels, kc, res, resOff, post);
        }

        /**
         * What {@link #block} does for rows [r0, r1) of full panel p with 32 registers (tile6 in K blocks of SPLIT_KC:
         * the same tiles and chains, so the same bits), where the range runs full panel {@code next} later: every 6-pixel
         * tile (after a K block's first, if {@code firstStreams}: that one streams the block of panel p into L2) also
         * reads one float of panel next per K step, {@link #NEXT_PANEL_STEP} floats on, so part or all of that panel is
         * in L2 before its own first tile would stream it from L3 or memory.
         */
        private void rowsAhead(float[] in, int inOff, float[] out, int outOff, int r0, int r1, int p, int next,
                               boolean firstStreams, float[] res, int resOff, Activation post) {
            int tb = wo + next * k * NR, tEnd = tb + k * NR, whole = r0 + (r1 - r0) / 6 * 6;
            // block's order: chunks of MC rows, in each the K blocks of SPLIT_KC (K > SPLIT_KC: MNASNet's 7x7x1152
            // projections), in each the 6-pixel tiles; the first tile of a K block streams that block of panel p.
            for (int mc = r0; mc < whole; mc += MC) {
                int mEnd = Math.min(mc + MC, whole);
                for (int k0 = 0; k0 < k; k0 += SPLIT_KC) {
                    int k1 = Math.min(k0 + SPLIT_KC, k), step = (k1 - k0) * NEXT_PANEL_STEP;
                    for (int r = mc; r < mEnd; r += 6) {
                        boolean ahead = (r > r0 || !firstStreams) && tb + step <= tEnd;
                        tile6(in, inOff + r * k, out, outOff + r * n, p, k0, k1, ahead ? tb : wo, ahead ? NEXT_PANEL_STEP : 0);
                        if (ahead) {
                            tb += step;
                        }
                    }
                }
                finish(out, outOff, mc, mEnd, p * NR, (p + 1) * NR, res, resOff, post);
            }
            if (whole < r1) {
                block(in, inOff, out, outOff, whole, r1, p, p + 1, SPLIT_KC, res, resOff, post);
            }
        }

        /** Rows [rowStart, rowEnd) x panels [pFrom, pTo), cache-blocked, full panels in K blocks of kc. */
        private void block(float[] in, int inOff, float[] out, int outOff, int rowStart, int rowEnd, int pFrom, int pTo, int kc,
                           float[] res, int resOff, Activation post) {
            int fullPanels = Math.min(n / NR, pTo);
            // 16 registers, row-major, short K, Cout a multiple of two vectors and at least six: groups of six vectors
            // (see SIXES_MAX_K).
            boolean sixes = !WIDE_PARTIAL && k <= SIXES_MAX_K && n % (2 * L) == 0 && n >= 6 * L && pFrom == 0 && pTo == panels;
            // 16 registers, a partial panel of one vector (K <= PAIR5_MAX_K) after a full one, both in this call
            // (row-major layers): the two run together, 2 pixels x 5 vectors (tile2x5), after the other full panels.
            boolean pair5 = !WIDE_PARTIAL && n / NR >= 1 && pFrom < n / NR && pTo > n / NR && k <= PAIR5_MAX_K && n % NR == L;
            int loopPanels = pair5 ? fullPanels - 1 : fullPanels;
            MemorySegment inSegment = kPairs ? segment(in) : null;
            for (int mc = rowStart; mc < rowEnd; mc += MC) {
                int mEnd = Math.min(mc + MC, rowEnd);
                if (mEnd - mc <= 2 && kc >= k && !kPairs) {
                    // One or two pixels, whole K (the classifier and squeeze-excitation layers at batch 1-2, a range's
                    // last pixels): the panels in streams side by side (see streamPanels), no row tile to share them with.
                    for (int r = mc; r < mEnd; r++) {
                        streamPanels(in, inOff + r * k, out, outOff + r * n, pFrom, pTo);
                    }
                    finish(out, outOff, mc, mEnd, pFrom * NR, Math.min(pTo * NR, n), res, resOff, post);
                    continue;
                }
                if (sixes) {
                    sixes(in, inOff, out, outOff, mc, mEnd);
                    finish(out, outOff, mc, mEnd, 0, n, res, resOff, post);
                    continue;
                }
                for (int k0 = 0; k0 < k; k0 += kc) {
                    int k1 = Math.min(k0 + kc, k);
                    for (int p = pFrom; p < loopPanels; p++) {
                        int r = mc;
                        if (WIDE_PARTIAL) {
                            if (sixteenRows && k0 == 0 && k1 == k) {
                                for (; r + 16 <= mEnd; r += 16) {
                                    for (int j = p * NR; j < (p + 1) * NR; j += L) {
                                        tile16x1(in, inOff + r * k, out, outOff + r * n, p, j);
                                    }
                                }
                            }
                            for (; r + 6 <= mEnd; r += 6) {
                                tile6(in, inOff + r * k, out, outOff + r * n, p, k0, k1, wo, 0);
                            }
                        } else if (k1 - k0 == k && k >= HALVES_MIN_K && k <= HALVES_MAX_K && mEnd - mc > 2) {
                            // Whole K in one block: 6 pixels x each half of the panel (see HALVES_MIN_K). Rows left
                            // over (see HALVES_LEFT_OVER): five through one more pair of tiles moved back (same chains,
                            // same bits), up to four by twos through tile2x4 and the last odd one through tile1.
                            for (; r + 6 <= mEnd; r += 6) {
                                tile6x2(in, inOff + r * k, out, outOff + r * n, p, p * NR);
                                tile6x2(in, inOff + r * k, out, outOff + r * n, p, p * NR + 2 * L);
                            }
                            if (mEnd - r > HALVES_LEFT_OVER && mEnd - mc >= 6) {
                                int t = mEnd - 6;
                                tile6x2(in, inOff + t * k, out, outOff + t * n, p, p * NR);
                                tile6x2(in, inOff + t * k, out, outOff + t * n, p, p * NR + 2 * L);
                                r = mEnd;
                            }
                            for (; r + 2 <= mEnd; r += 2) {
                                tile2x4(in, inOff + r * k, out, outOff + r * n, p, 0, k);
                            }
                        } else if (k1 - k0 <= KC && mEnd - mc > 2) {
                            // The K block's panel slice (<= 32 KB) sits in L1: 2 pixels x the whole panel (see
                            // tile2x4). A chunk of one or two rows with whole K took streamPanels above; one with K
                            // blocks goes on to tile1 below.
                            for (; r + 2 <= mEnd; r += 2) {
                                tile2x4(in, inOff + r * k, out, outOff + r * n, p, k0, k1);
                            }
                        } else {
                            // Down to 3 rows the 5-row tile repeats rows (see tile5x2); 1-2 rows (the classifier at
                            // batch 1) go to tile1, where 5 x 2 would do up to five times the FMAs on streamed weights.
                            for (; r + 3 <= mEnd; r += 5) {
                                int rows = Math.min(5, mEnd - r);
                                tile5x2(in, inOff + r * k, out, outOff + r * n, p, p * NR, k0, k1, rows);
                                tile5x2(in, inOff + r * k, out, outOff + r * n, p, p * NR + 2 * L, k0, k1, rows);
                            }
                        }
                        for (; r + MR <= mEnd; r += MR) {
                            tile4(in, inOff + r * k, out, outOff + r * n, p, k0, k1);
                        }
                        for (; r < mEnd; r++) {
                            tile1(in, inOff + r * k, out, outOff + r * n, p, k0, k1);
                        }
                    }
                }
                if (pair5) {
                    int p = fullPanels - 1, r = mc;
                    for (; r + 2 <= mEnd; r += 2) {
                        tile2x5(in, inOff + r * k, out, outOff + r * n, p);
                    }
                    for (; r < mEnd; r++) {
                        tile1(in, inOff + r * k, out, outOff + r * n, p, 0, k);
                        tile1Partial(in, inOff + r * k, out, outOff + r * n, fullPanels, 0, k);
                    }
                } else if (kPairs && fullPanels < pTo) {
                    int rows = mEnd - mc;
                    kPairRows(inSegment, inOff + mc * k, out, outOff + mc * n, rows);
                    if ((rows & 1) != 0) {
                        tileKPair1(inSegment, inOff + (mEnd - 1) * k, out, outOff + (mEnd - 1) * n);
                    }
                } else if (fullPanels < pTo) {
                    // The last, partial panel (Cout not a multiple of NR; all of it when Cout < NR, as in
                    // MobileNetV2's 16-32 channel projections and v1 at alpha 0.25), whole K at once (its weights are
                    // at most NR columns, and its masked-store tiles need whole K): 8 pixels x two vectors where the
                    // registers allow (the second may be partial), 8 x one, then 4 pixels x one vector, then single pixels.
                    final int k0 = 0, k1 = k;
                    int r = mc;
                    if (WIDE_PARTIAL) {
                        if (sixteenRows) {
                            for (; r + 16 <= mEnd; r += 16) {
                                int j = fullPanels * NR;
                                for (; j + L <= n; j += L) {
                                    tile16x1(in, inOff + r * k, out, outOff + r * n, fullPanels, j);
                                }
                                if (j < n) {
                                    // A last partial vector (Cout 72 at K = 16): the block's 16 rows as two 8-row tail tiles.
                                    for (int h = r; h < r + 16; h += 8) {
                                        if (pairsTail) {
                                            tile8x1Pair(in, inOff + h * k, out, outOff + h * n, fullPanels, j);
                                        } else {
                                            tile8x1Tail(in, inOff + h * k, out, outOff + h * n, fullPanels, j);
                                        }
                                    }
                                }
                            }
                        }
                        for (; r + 2 * MR <= mEnd; r += 2 * MR) {
                            int ai = inOff + r * k, ci = outOff + r * n;
                            for (int j = fullPanels * NR; j < n; j += 2 * L) {
                                if (j + 3 * L <= n) {
                                    tile8x3(in, ai, out, ci, fullPanels, j);
                                    j += L;
                                } else if (j + 2 * L <= n) {
                                    tile8x2(in, ai, out, ci, fullPanels, j, k0, k1);
                                } else if (j + L < n) {
                                    if (pairsTail) {
                                        tile8x2Pair(in, ai, out, ci, fullPanels, j);
                                    } else {
                                        tile8x2Tail(in, ai, out, ci, fullPanels, j);
                                    }
                                } else if (j + L == n) {
                                    tile8x1(in, ai, out, ci, fullPanels, j, k0, k1);
                                } else if (pairsTail) {
                                    tile8x1Pair(in, ai, out, ci, fullPanels, j);
                                } else {
                                    tile8x1Tail(in, ai, out, ci, fullPanels, j);
                                }
                            }
                        }
                    } else {
                        // 16 registers. A partial panel of three vectors (Cout 24, 56, 120, 184 at 256 bits): 3 pixels
                        // x three vectors, 9 chains (see tile3x3); a chunk of one or two rows goes on to tile1Partial.
                        // The row tiles take whole tiles only; the rows left over (1-5) go through one more tile
                        // moved back to end at mEnd, which computes the rows it overlaps again with the same chains
                        // (the same bits, stored twice: whole K, so no partial sums in the output yet). A tile taking
                        // its row count as an argument (missing rows repeating the last) spent its per-call time on
                        // that: Zen 3, stand-alone, Cout 8 at K = 16, 39 against 46 GFLOPS.
                        if (n - fullPanels * NR > 2 * L && n - fullPanels * NR <= 3 * L && mEnd - mc >= 3) {
                            for (; r < mEnd; r += 3) {
                                int t = Math.min(r, mEnd - 3);
                                tile3x3(in, inOff + t * k, out, outOff + t * n, fullPanels);
                            }
                        }
                        // Cout of one whole vector at short K: 12 pixels x 1 (see TWELVE_MAX_K), the last tile moved
                        // back like the others.
                        if (n == L && k <= TWELVE_MAX_K && mEnd - mc >= 12) {
                            for (; r < mEnd; r += 12) {
                                int t = Math.min(r, mEnd - 12);
                                tile12x1(in, inOff + t * k, out, outOff + t * n, fullPanels, fullPanels * NR);
                            }
                        }
                        // Otherwise 6 pixels x two whole vectors (12 chains), then 6 x one vector for the rest
                        // (a whole one and/or a partial one, masked).
                        if (mEnd - mc >= 6) {
                            for (; r < mEnd; r += 6) {
                                int t = Math.min(r, mEnd - 6), ai = inOff + t * k, ci = outOff + t * n;
                                int j = fullPanels * NR;
                                for (; j + 2 * L <= n; j += 2 * L) {
                                    tile6x2(in, ai, out, ci, fullPanels, j);
                                }
                                for (; j < n; j += L) {
                                    tile6x1(in, ai, out, ci, fullPanels, j);
                                }
                            }
                        }
                    }
                    for (; r + MR <= mEnd; r += MR) {
                        for (int j = fullPanels * NR; j < n; j += L) {
                            tile4x1(in, inOff + r * k, out, outOff + r * n, fullPanels, j, k0, k1);
                        }
                    }
                    for (; r < mEnd; r++) {
                        tile1Partial(in, inOff + r * k, out, outOff + r * n, fullPanels, k0, k1);
                    }
                }
                // Gated activations, or the fused residual add, over the block just finished (MC rows,
                // at most 256 KB: still in L2), instead of another pass over the whole tensor.
                finish(out, outOff, mc, mEnd, pFrom * NR, Math.min(pTo * NR, n), res, resOff, post);
            }
        }

        /**
         * Rows [mc, mEnd) x every column, whole K (see SIXES_MAX_K): groups of six vectors 2 pixels at a time; a last odd
         * pixel through the one-pixel tiles; the two or four vectors after the last group through 6-pixel tiles of two
         * vectors, the last one moved back over rows already done (same chains, same bits), or under 6 rows pixel by pixel
         * from the panel the last group ends in. Columns computed twice (the odd pixel's after the groups, a half panel
         * under 6 rows) get the same bits.
         */
        private void sixes(float[] in, int inOff, float[] out, int outOff, int mc, int mEnd) {
            final int groupsEnd = n / (6 * L) * (6 * L), full = n / NR;
            int r = mc;
            if (groupsEnd == 6 * L) {
                // One group (Cout 48-63 at 256 bits): the plain loop; the general one below measured 2-3 % slower here.
                for (; r + 2 <= mEnd; r += 2) {
                    tile2x6(in, inOff + r * k, out, outOff + r * n, 0);
                }
            }
            for (; r + 2 <= mEnd; r += 2) {
                int ai = inOff + r * k, ci = outOff + r * n;
                for (int j = 0; j < groupsEnd; j += 6 * L) {
                    if (j % NR == 0) {
                        tile2x6(in, ai, out, ci, j / NR);
                    } else {
                        tile2x6b(in, ai, out, ci, j / NR);
                    }
                }
            }
            if (r < mEnd) {
                onePixel(in, inOff + r * k, out, outOff + r * n, 0);
            }
            if (groupsEnd < n) {
                if (mEnd - mc >= 6) {
                    for (int t0 = mc; t0 < mEnd; t0 += 6) {
                        int t = Math.min(t0, mEnd - 6), ai = inOff + t * k, ci = outOff + t * n;
                        for (int j = groupsEnd; j < n; j += 2 * L) {
                            tile6x2(in, ai, out, ci, j / NR, j);
                        }
                    }
                } else {
                    for (int t = mc; t < mEnd; t++) {
                        onePixel(in, inOff + t * k, out, outOff + t * n, groupsEnd / NR);
                    }
                }
            }
        }

        /** One pixel's columns from panel p0 to the end, whole K: the one-pixel tiles (full panels, then the partial one). */
        private void onePixel(float[] in, int ai, float[] out, int ci, int p0) {
            int full = n / NR;
            for (int p = p0; p < full; p++) {
                tile1(in, ai, out, ci, p, 0, k);
            }
            if (full < panels) {
                tile1Partial(in, ai, out, ci, full, 0, k);
            }
        }

        /** The gated activation or the fused residual add (and its activation) over rows x columns just computed. */
        private void finish(float[] out, int outOff, int rowFrom, int rowTo, int colFrom, int colTo,
                            float[] res, int resOff, Activation post) {
            // All columns: the rows are one contiguous run. Row by row, a narrow layer (24 channels) left 8 of
            // every 24 elements to the scalar tail: MNASNet's fused 56x56x24 projection + residual took 236 us,
            // against 116 + 17 us for the projection and a separate add.
            int rows = rowTo - rowFrom, width = colTo - colFrom;
            if (colFrom == 0 && colTo == n) {
                width *= rows;
                rows = 1;
            }
            if (res != null) {
                VectorActivation.addApply(post, out, outOff + rowFrom * n + colFrom, res, resOff + rowFrom * n + colFrom, rows, n, width);
            } else {
                VectorActivation.apply(act, out, outOff + rowFrom * n + colFrom, rows, n, width);
            }
        }

        /**
         * 6 pixels x one full panel (24 accumulators + 4 weight vectors + 1 broadcast = 29 of AVX-512's 32
         * registers), used where there are 32 vector registers. Per k it issues 4 weight loads and 6 broadcasts for
         * 24 FMAs, against 8 loads for 16 FMAs in {@link #tile4}: measured on this Xeon in a stand-alone loop (weights
         * in L1 / in L2), 6x4 ran at 165 / 143 GFLOPS where 4x4 ran at 143 / 118 (FMA peak 226). Same FMA chain per
         * element as every other tile. Each K step also reads packed[t] and moves t on by ts (see rowsAhead; ts = 0
         * reads one L1-resident float over and over), summed and tested so C2 keeps the load (see {@link #ahead}).
         */
        private void tile6(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1, int t, int ts) {
            int touched = 0;
            final int kk = k, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn, c2 = c1 + nn, c3 = c2 + nn, c4 = c3 + nn, c5 = c4 + nn;
            FloatVector d00, d01, d02, d03, d10, d11, d12, d13, d20, d21, d22, d23;
            FloatVector d30, d31, d32, d33, d40, d41, d42, d43, d50, d51, d52, d53;
            if (k0 == 0) {
                d00 = d10 = d20 = d30 = d40 = d50 = FloatVector.fromArray(S, bias, col);
                d01 = d11 = d21 = d31 = d41 = d51 = FloatVector.fromArray(S, bias, col + 1 * L);
                d02 = d12 = d22 = d32 = d42 = d52 = FloatVector.fromArray(S, bias, col + 2 * L);
                d03 = d13 = d23 = d33 = d43 = d53 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                d00 = FloatVector.fromArray(S, c, c0); d01 = FloatVector.fromArray(S, c, c0 + 1 * L);
                d02 = FloatVector.fromArray(S, c, c0 + 2 * L); d03 = FloatVector.fromArray(S, c, c0 + 3 * L);
                d10 = FloatVector.fromArray(S, c, c1); d11 = FloatVector.fromArray(S, c, c1 + 1 * L);
                d12 = FloatVector.fromArray(S, c, c1 + 2 * L); d13 = FloatVector.fromArray(S, c, c1 + 3 * L);
                d20 = FloatVector.fromArray(S, c, c2); d21 = FloatVector.fromArray(S, c, c2 + 1 * L);
                d22 = FloatVector.fromArray(S, c, c2 + 2 * L); d23 = FloatVector.fromArray(S, c, c2 + 3 * L);
                d30 = FloatVector.fromArray(S, c, c3); d31 = FloatVector.fromArray(S, c, c3 + 1 * L);
                d32 = FloatVector.fromArray(S, c, c3 + 2 * L); d33 = FloatVector.fromArray(S, c, c3 + 3 * L);
                d40 = FloatVector.fromArray(S, c, c4); d41 = FloatVector.fromArray(S, c, c4 + 1 * L);
                d42 = FloatVector.fromArray(S, c, c4 + 2 * L); d43 = FloatVector.fromArray(S, c, c4 + 3 * L);
                d50 = FloatVector.fromArray(S, c, c5); d51 = FloatVector.fromArray(S, c, c5 + 1 * L);
                d52 = FloatVector.fromArray(S, c, c5 + 2 * L); d53 = FloatVector.fromArray(S, c, c5 + 3 * L);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = wo + (p * kk + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR, t += ts) {
                touched += Float.floatToRawIntBits(packed[t]);
                FloatVector b0 = FloatVector.fromArray(S, packed, bi);
                FloatVector b1 = FloatVector.fromArray(S, packed, bi + 1 * L);
                FloatVector b2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, packed, bi + 3 * L);
                FloatVector x0 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                d00 = b0.fma(x0, d00); d01 = b1.fma(x0, d01); d02 = b2.fma(x0, d02); d03 = b3.fma(x0, d03);
                FloatVector x1 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                d10 = b0.fma(x1, d10); d11 = b1.fma(x1, d11); d12 = b2.fma(x1, d12); d13 = b3.fma(x1, d13);
                FloatVector x2 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                d20 = b0.fma(x2, d20); d21 = b1.fma(x2, d21); d22 = b2.fma(x2, d22); d23 = b3.fma(x2, d23);
                FloatVector x3 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                d30 = b0.fma(x3, d30); d31 = b1.fma(x3, d31); d32 = b2.fma(x3, d32); d33 = b3.fma(x3, d33);
                FloatVector x4 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                d40 = b0.fma(x4, d40); d41 = b1.fma(x4, d41); d42 = b2.fma(x4, d42); d43 = b3.fma(x4, d43);
                FloatVector x5 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                d50 = b0.fma(x5, d50); d51 = b1.fma(x5, d51); d52 = b2.fma(x5, d52); d53 = b3.fma(x5, d53);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                d00 = d00.blend(lo, d00.compare(LE, lo)); d01 = d01.blend(lo, d01.compare(LE, lo));
                d02 = d02.blend(lo, d02.compare(LE, lo)); d03 = d03.blend(lo, d03.compare(LE, lo));
                d10 = d10.blend(lo, d10.compare(LE, lo)); d11 = d11.blend(lo, d11.compare(LE, lo));
                d12 = d12.blend(lo, d12.compare(LE, lo)); d13 = d13.blend(lo, d13.compare(LE, lo));
                d20 = d20.blend(lo, d20.compare(LE, lo)); d21 = d21.blend(lo, d21.compare(LE, lo));
                d22 = d22.blend(lo, d22.compare(LE, lo)); d23 = d23.blend(lo, d23.compare(LE, lo));
                d30 = d30.blend(lo, d30.compare(LE, lo)); d31 = d31.blend(lo, d31.compare(LE, lo));
                d32 = d32.blend(lo, d32.compare(LE, lo)); d33 = d33.blend(lo, d33.compare(LE, lo));
                d40 = d40.blend(lo, d40.compare(LE, lo)); d41 = d41.blend(lo, d41.compare(LE, lo));
                d42 = d42.blend(lo, d42.compare(LE, lo)); d43 = d43.blend(lo, d43.compare(LE, lo));
                d50 = d50.blend(lo, d50.compare(LE, lo)); d51 = d51.blend(lo, d51.compare(LE, lo));
                d52 = d52.blend(lo, d52.compare(LE, lo)); d53 = d53.blend(lo, d53.compare(LE, lo));
                if (cl == 2) {
                    d00 = d00.blend(hi, d00.compare(GE, hi)); d01 = d01.blend(hi, d01.compare(GE, hi));
                    d02 = d02.blend(hi, d02.compare(GE, hi)); d03 = d03.blend(hi, d03.compare(GE, hi));
                    d10 = d10.blend(hi, d10.compare(GE, hi)); d11 = d11.blend(hi, d11.compare(GE, hi));
                    d12 = d12.blend(hi, d12.compare(GE, hi)); d13 = d13.blend(hi, d13.compare(GE, hi));
                    d20 = d20.blend(hi, d20.compare(GE, hi)); d21 = d21.blend(hi, d21.compare(GE, hi));
                    d22 = d22.blend(hi, d22.compare(GE, hi)); d23 = d23.blend(hi, d23.compare(GE, hi));
                    d30 = d30.blend(hi, d30.compare(GE, hi)); d31 = d31.blend(hi, d31.compare(GE, hi));
                    d32 = d32.blend(hi, d32.compare(GE, hi)); d33 = d33.blend(hi, d33.compare(GE, hi));
                    d40 = d40.blend(hi, d40.compare(GE, hi)); d41 = d41.blend(hi, d41.compare(GE, hi));
                    d42 = d42.blend(hi, d42.compare(GE, hi)); d43 = d43.blend(hi, d43.compare(GE, hi));
                    d50 = d50.blend(hi, d50.compare(GE, hi)); d51 = d51.blend(hi, d51.compare(GE, hi));
                    d52 = d52.blend(hi, d52.compare(GE, hi)); d53 = d53.blend(hi, d53.compare(GE, hi));
                }
            }
            d00.intoArray(c, c0); d01.intoArray(c, c0 + 1 * L);
            d02.intoArray(c, c0 + 2 * L); d03.intoArray(c, c0 + 3 * L);
            d10.intoArray(c, c1); d11.intoArray(c, c1 + 1 * L);
            d12.intoArray(c, c1 + 2 * L); d13.intoArray(c, c1 + 3 * L);
            d20.intoArray(c, c2); d21.intoArray(c, c2 + 1 * L);
            d22.intoArray(c, c2 + 2 * L); d23.intoArray(c, c2 + 3 * L);
            d30.intoArray(c, c3); d31.intoArray(c, c3 + 1 * L);
            d32.intoArray(c, c3 + 2 * L); d33.intoArray(c, c3 + 3 * L);
            d40.intoArray(c, c4); d41.intoArray(c, c4 + 1 * L);
            d42.intoArray(c, c4 + 2 * L); d43.intoArray(c, c4 + 3 * L);
            d50.intoArray(c, c5); d51.intoArray(c, c5 + 1 * L);
            d52.intoArray(c, c5 + 2 * L); d53.intoArray(c, c5 + 3 * L);
            if (touched == 0x7f7f7f7f) {
                ahead = touched; // almost never: only so C2 keeps the loads, with no store shared between threads per tile
            }
        }

        /**
         * 6 pixels x two whole vectors from column {@code j} of panel {@code p}, whole K: the 16-register (AVX2)
         * partial-panel tile, and each half of a full panel for K from HALVES_MIN_K to KC. 12 accumulators + 2 weights + 1 broadcast = 15; per k, 2 loads and 6 broadcasts
         * feed 12 FMAs. Whole K only: compiled with the reload-from-output path of the K-blocked full panels as well,
         * C2 kept three broadcasts live and spilled an accumulator to the stack every k step (read in the
         * disassembly; 40 % of peak instead of 65-80 %), hence tile5x2 there. No masks (see tile8x2 on C1). Same
         * FMA chain per element as every tile.
         */
        private void tile6x2(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn, q5 = q4 + nn;
            FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
            FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
            c00 = c10 = c20 = c30 = c40 = c50 = b0;
            c01 = c11 = c21 = c31 = c41 = c51 = b1;
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c30 = c30.blend(lo, c30.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c41 = c41.blend(lo, c41.compare(LE, lo));
                c50 = c50.blend(lo, c50.compare(LE, lo)); c51 = c51.blend(lo, c51.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi));
                    c30 = c30.blend(hi, c30.compare(GE, hi)); c31 = c31.blend(hi, c31.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi)); c41 = c41.blend(hi, c41.compare(GE, hi));
                    c50 = c50.blend(hi, c50.compare(GE, hi)); c51 = c51.blend(hi, c51.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L);
            c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
            c20.intoArray(c, q2); c21.intoArray(c, q2 + L);
            c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
            c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
            c50.intoArray(c, q5); c51.intoArray(c, q5 + L);
        }

        /**
         * 5 pixels x two vectors (half a full panel, from column {@code j}) over k in [k0, k1): the 16-register
         * full-panel tile. 10 accumulators + 2 weights leave 4 registers for the broadcasts C2 hoists, so nothing
         * spills (6 x 2 did; 4 x 4, 21 registers, spilled most). Even so C2 runs out of general registers for the
         * 5 row offsets and the array base (two offsets re-read from the stack, the base moved through an xmm
         * register each step). On Zen 3 (AVX2, FMA peak ~100 GFLOPS), stand-alone: 14x14x576->96 46 -> 63 GFLOPS,
         * 7x7x1152->192 51 -> 60, 14x14x512->512 44 -> 60. Two k steps per iteration spilled (28 GFLOPS).
         */
        private void tile5x2(float[] a, int aOff, float[] c, int cOff, int p, int j, int k0, int k1, int rows) {
            final int kk = k, nn = n;
            // Fewer than 5 rows (a range's remainder): the missing rows repeat the last one, which computes the same
            // chain twice and stores the same bits twice, instead of a 4-row tile that spills with 16 registers.
            final int m1 = Math.min(1, rows - 1), m2 = Math.min(2, rows - 1), m3 = Math.min(3, rows - 1), m4 = Math.min(4, rows - 1);
            int q = cOff + j, q1 = q + m1 * nn, q2 = q + m2 * nn, q3 = q + m3 * nn, q4 = q + m4 * nn;
            FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41;
            if (k0 == 0) {
                FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
                c00 = c10 = c20 = c30 = c40 = b0;
                c01 = c11 = c21 = c31 = c41 = b1;
            } else {
                c00 = FloatVector.fromArray(S, c, q); c01 = FloatVector.fromArray(S, c, q + L);
                c10 = FloatVector.fromArray(S, c, q1); c11 = FloatVector.fromArray(S, c, q1 + L);
                c20 = FloatVector.fromArray(S, c, q2); c21 = FloatVector.fromArray(S, c, q2 + L);
                c30 = FloatVector.fromArray(S, c, q3); c31 = FloatVector.fromArray(S, c, q3 + L);
                c40 = FloatVector.fromArray(S, c, q4); c41 = FloatVector.fromArray(S, c, q4 + L);
            }
            int a0 = aOff, a1 = a0 + m1 * kk, a2 = a0 + m2 * kk, a3 = a0 + m3 * kk, a4 = a0 + m4 * kk;
            int bi = wo + (p * kk + k0) * NR + (j - p * NR);
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c30 = c30.blend(lo, c30.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c41 = c41.blend(lo, c41.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi));
                    c30 = c30.blend(hi, c30.compare(GE, hi)); c31 = c31.blend(hi, c31.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi)); c41 = c41.blend(hi, c41.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L);
            c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
            c20.intoArray(c, q2); c21.intoArray(c, q2 + L);
            c30.intoArray(c, q3); c31.intoArray(c, q3 + L);
            c40.intoArray(c, q4); c41.intoArray(c, q4 + L);
        }

        /**
         * 3 pixels x the partial panel's three vectors (the third whole or masked), whole K: 9 accumulators + 3 weights
         * + 1 broadcast = 13 of 16 registers, 3 row offsets. It replaces 6 x 2 then 6 x 1 there (18 chains over two
         * passes of the input rows, six offsets each, some re-read from the stack). Zen 3, stand-alone (PwHarness, two
         * alternations, linear): 56x56x144->24 75-76 -> 82-83 GFLOPS, 56x56x72->24 74 -> 80-81, 56x56x96->24 75-76 ->
         * 83-84, 14x14x240->56 85 -> 88-89, 112x112x8->24 33 -> 34. The same idea for two vectors (4 pixels x 2,
         * 8 chains) was slower than 6 x 2 (112x112x32->16 74 -> 65-69, 56x56x48->16 79-82 -> 70-78): not used.
         * Always 3 rows: block moves the last tile back over rows already done (see there).
         */
        private void tile3x3(float[] a, int aOff, float[] c, int cOff, int p) {
            // K = 8 (MNASNet 0.5's 112x112 8 -> 24 expansion) has its copy with K a literal: its eight-step loop is no
            // longer strip-mined, whose loop set-up and exit, per 3 pixels, weighed on a 72-FMA tile (t48/narrow-pw-ab.txt:
            // 0.89x the time at 112x112, 56x56 and 28x28). A 4-pixel copy (16 of 16 registers) was 1.15-1.22x slower.
            if (k == 8) {
                tile3x3K8(a, aOff, c, cOff, p);
            } else {
                tile3x3Any(a, aOff, c, cOff, p);
            }
        }

        /** {@link #tile3x3} for any K. */
        private void tile3x3Any(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, nn = n, j = p * NR;
            long tailBits0 = Lanes.firstNBits(nn - j - 2 * L);
            boolean whole = j + 3 * L <= nn;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn;
            FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22;
            c00 = c10 = c20 = FloatVector.fromArray(S, bias, j);
            c01 = c11 = c21 = FloatVector.fromArray(S, bias, j + L);
            c02 = c12 = c22 = FloatVector.fromArray(S, bias, j + 2 * L);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk;
            int bi = wo + p * kk * NR;
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector w2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21); c22 = w2.fma(x, c22);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo)); c22 = c22.blend(lo, c22.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi)); c22 = c22.blend(hi, c22.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L);
            c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
            c20.intoArray(c, q2); c21.intoArray(c, q2 + L);
            // The mask is made on every call: made only in the (cold) partial branch by a helper that returned it, the
            // helper was not inlined there and returned a boxed mask, 40 bytes per inference (a worker's share of v2 at
            // batch 3 on 2 threads). No helper returns masks now (see Lanes.firstNBits).
            VectorMask<Float> m = VectorMask.fromLong(S, tailBits0);
            if (whole) {
                c02.intoArray(c, q + 2 * L); c12.intoArray(c, q1 + 2 * L); c22.intoArray(c, q2 + 2 * L);
            } else {
                c02.intoArray(c, q + 2 * L, m); c12.intoArray(c, q1 + 2 * L, m); c22.intoArray(c, q2 + 2 * L, m);
            }
        }

        /** {@link #tile3x3} for K = 8: the loop's trip count a literal. */
        private void tile3x3K8(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = 8, nn = n, j = p * NR;
            long tailBits0 = Lanes.firstNBits(nn - j - 2 * L);
            boolean whole = j + 3 * L <= nn;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn;
            FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22;
            c00 = c10 = c20 = FloatVector.fromArray(S, bias, j);
            c01 = c11 = c21 = FloatVector.fromArray(S, bias, j + L);
            c02 = c12 = c22 = FloatVector.fromArray(S, bias, j + 2 * L);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk;
            int bi = wo + p * kk * NR;
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector w2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21); c22 = w2.fma(x, c22);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo)); c22 = c22.blend(lo, c22.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi)); c22 = c22.blend(hi, c22.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L);
            c10.intoArray(c, q1); c11.intoArray(c, q1 + L);
            c20.intoArray(c, q2); c21.intoArray(c, q2 + L);
            // The mask is made on every call: made only in the (cold) partial branch by a helper that returned it, the
            // helper was not inlined there and returned a boxed mask, 40 bytes per inference (a worker's share of v2 at
            // batch 3 on 2 threads). No helper returns masks now (see Lanes.firstNBits).
            VectorMask<Float> m = VectorMask.fromLong(S, tailBits0);
            if (whole) {
                c02.intoArray(c, q + 2 * L); c12.intoArray(c, q1 + 2 * L); c22.intoArray(c, q2 + 2 * L);
            } else {
                c02.intoArray(c, q + 2 * L, m); c12.intoArray(c, q1 + 2 * L, m); c22.intoArray(c, q2 + 2 * L, m);
            }
        }

        /**
         * 12 pixels x one whole vector, whole K: a layer whose Cout is one vector, at K up to TWELVE_MAX_K. 12 chains
         * where 6 x 1 had 6, too few to cover the FMA latency (4 cycles x 2 pipes), and half the per-call prologue and
         * epilogue per pixel (12 accumulators + 1 weight + 1 broadcast = 14 registers). Same FMA chain per element.
         */
        private void tile12x1(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            // K = 16 (MNASNet 0.5's 112x112 16 -> 8 projection) has its copy with K a literal, as tile16x1's: there the
            // twelve broadcasts are displacements from one index over a loop of known trip count. With K a field C2
            // kept the twelve row offsets in general registers, strip-mined the loop (unknown trip count) and spilled
            // one accumulator to the stack, a load-FMA-store chain per k step. Zen 3, one JVM, both builds alternating
            // (t48/narrow-pw-ab.txt): 112x112x16->8 0.73x the time, 0.72x at 56x56 and 28x28. K = 8 gained about as
            // much (0.77x), but no model has a one-vector layer at K = 8.
            if (k == 16) {
                tile12x1K16(a, aOff, c, cOff, p, j);
            } else {
                tile12x1Any(a, aOff, c, cOff, p, j);
            }
        }

        /** {@link #tile12x1} for K = 16: the k loop counts from 0 to the literal, so C2 knows its trip count. */
        private void tile12x1K16(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = 16, nn = n;
            FloatVector b = FloatVector.fromArray(S, bias, j);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b, c8 = b, c9 = b, c10 = b, c11 = b;
            int bi = wo + p * kk * NR + (j - p * NR), q = cOff + j;
            for (int t = 0; t < kk; t++, bi += NR) {
                int i = aOff + t;
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1 * kk])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * kk])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * kk])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * kk])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * kk])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * kk])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * kk])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * kk])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * kk])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * kk])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * kk])).reinterpretAsFloats(), c11);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + 1 * nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); c10.intoArray(c, q + 10 * nn); c11.intoArray(c, q + 11 * nn);
        }

        /** {@link #tile12x1} for any K up to TWELVE_MAX_K. */
        private void tile12x1Any(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            int q0 = cOff + j, q1 = q0 + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn, q5 = q4 + nn, q6 = q5 + nn, q7 = q6 + nn, q8 = q7 + nn, q9 = q8 + nn, q10 = q9 + nn, q11 = q10 + nn;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = c10 = c11 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk, a8 = a7 + kk, a9 = a8 + kk, a10 = a9 + kk, a11 = a10 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a8 + i])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a9 + i])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a10 + i])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a11 + i])).reinterpretAsFloats(), c11);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                }
            }
            c0.intoArray(c, q0); c1.intoArray(c, q1); c2.intoArray(c, q2);
            c3.intoArray(c, q3); c4.intoArray(c, q4); c5.intoArray(c, q5);
            c6.intoArray(c, q6); c7.intoArray(c, q7); c8.intoArray(c, q8);
            c9.intoArray(c, q9); c10.intoArray(c, q10); c11.intoArray(c, q11);
        }

        /**
         * 6 pixels x the last vector of the partial panel (whole or partial: masked stores only), whole K, two k
         * steps per iteration (6 accumulators + 2 weights + broadcasts: fits 16 registers). The 16-register
         * partner of tile8x1 / tile8x1Tail, so the partial panel keeps one row grouping. Same FMA chain per element.
         */
        private void tile6x1(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            long tailBits0 = Lanes.firstNBits(nn - j);
            boolean whole = j + L <= nn;
            int q = cOff + j, q1 = q + nn, q2 = q1 + nn, q3 = q2 + nn, q4 = q3 + nn, q5 = q4 + nn;
            FloatVector c0, c1, c2, c3, c4, c5;
            c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            int i = 0;
            if ((kk & 1) != 0) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5])).reinterpretAsFloats(), c5);
                i++;
                bi += NR;
            }
            for (; i < kk; i += 2, bi += 2 * NR) {
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i;
                FloatVector w = FloatVector.fromArray(S, packed, bi), v = FloatVector.fromArray(S, packed, bi + NR);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5])).reinterpretAsFloats(), c5);
                c0 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0 + 1])).reinterpretAsFloats(), c0);
                c1 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1 + 1])).reinterpretAsFloats(), c1);
                c2 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2 + 1])).reinterpretAsFloats(), c2);
                c3 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3 + 1])).reinterpretAsFloats(), c3);
                c4 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4 + 1])).reinterpretAsFloats(), c4);
                c5 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5 + 1])).reinterpretAsFloats(), c5);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                }
            }
            VectorMask<Float> m = VectorMask.fromLong(S, tailBits0); // on every call, as in tile3x3
            if (whole) {
                c0.intoArray(c, q); c1.intoArray(c, q1); c2.intoArray(c, q2);
                c3.intoArray(c, q3); c4.intoArray(c, q4); c5.intoArray(c, q5);
            } else {
                c0.intoArray(c, q, m); c1.intoArray(c, q1, m); c2.intoArray(c, q2, m);
                c3.intoArray(c, q3, m); c4.intoArray(c, q4, m); c5.intoArray(c, q5, m);
            }
        }

        /**
         * 2 pixels x one full panel (8 accumulators + 4 weight vectors + 1 broadcast = 13 of 16 registers), for a K
         * block whose panel slice (at most KC x NR floats, 32 KB) is in L1. Per k step it issues 2 broadcasts, 4
         * weight loads and 8 FMAs in about 23 instructions, where the two 5 x 2 halves of a panel take about 31 for 10
         * FMAs (three of their five row offsets re-read from the stack each step; read in the disassembly): C2's loop
         * here stays under the FMA pipes' 4 cycles per step. Zen 3, stand-alone (PwHarness, two alternations): ReLU6
         * 14x14x96->576 83-84 -> 88 GFLOPS, 56x56x64->128 77-82 -> 79-85, 28x28x32->192 70-71 -> 74-75, 56x56x24->144
         * 63-65 -> 68; ReLU 112x112x16->96 55 -> 59-60, 112x112x16->48 57 -> 59; linear 14x14x576->96 83-84 -> 85-86.
         * With a whole 147 KB panel in L2 (7x7x1152->320, column split) it reads twice the weight bytes per pixel that
         * the 5 x 2 halves do, and was 7 % slower: those layers keep 5 x 2. Same FMA chain per element as every tile.
         */
        private void tile2x4(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            final int kk = k, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00, c01, c02, c03, c10, c11, c12, c13;
            if (k0 == 0) {
                c00 = c10 = FloatVector.fromArray(S, bias, col);
                c01 = c11 = FloatVector.fromArray(S, bias, col + L);
                c02 = c12 = FloatVector.fromArray(S, bias, col + 2 * L);
                c03 = c13 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                c00 = FloatVector.fromArray(S, c, c0); c01 = FloatVector.fromArray(S, c, c0 + L);
                c02 = FloatVector.fromArray(S, c, c0 + 2 * L); c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
                c10 = FloatVector.fromArray(S, c, c1); c11 = FloatVector.fromArray(S, c, c1 + L);
                c12 = FloatVector.fromArray(S, c, c1 + 2 * L); c13 = FloatVector.fromArray(S, c, c1 + 3 * L);
            }
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + (p * kk + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector b0 = FloatVector.fromArray(S, packed, bi);
                FloatVector b1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, packed, bi + 3 * L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = b0.fma(x, c00); c01 = b1.fma(x, c01); c02 = b2.fma(x, c02); c03 = b3.fma(x, c03);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = b0.fma(x, c10); c11 = b1.fma(x, c11); c12 = b2.fma(x, c12); c13 = b3.fma(x, c13);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c03 = c03.blend(hi, c03.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L);
            c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L);
            c12.intoArray(c, c1 + 2 * L); c13.intoArray(c, c1 + 3 * L);
        }

        /**
         * 2 pixels x 6 vectors from the start of panel {@code p}: its four and the first two of the panel after it (full or
         * partial), whole K, for K up to {@link #SIXES_MAX_K}. 12 accumulators, two broadcasts and a weight vector: 15 of 16
         * registers. Per k step 2 broadcasts and 6 weight loads feed 12 FMAs. Same FMA chain per element as every tile.
         */
        private void tile2x6(float[] a, int aOff, float[] c, int cOff, int p) {
            // K = 16 (v2's 16 -> 96, V3-large's 16 -> 64, MNASNet's 16 -> 48 expansions) has its copy with K a literal:
            // the loop's trip count known, it is not strip-mined (27 instructions per 12 FMAs against 32, no stack
            // operand against 2: bench/c2dis.py --loops). Zen 3 (t48/sixes-k16-ab.txt): 0.95-0.98x the time. Copies for K = 24 as well, chosen by a
            // switch, made K = 16 and K = 32 slower (C2's inlining of sixes shifts): not kept.
            if (k == 16) {
                tile2x6K16(a, aOff, c, cOff, p);
            } else {
                tile2x6Any(a, aOff, c, cOff, p);
            }
        }

        /** {@link #tile2x6} for any K. */
        private void tile2x6Any(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c04 = FloatVector.fromArray(S, bias, col + 4 * L), c05 = FloatVector.fromArray(S, bias, col + 5 * L);
            FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04, c15 = c05;
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + p * kk * NR, bj = bi + kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        y = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c00 = b.fma(x, c00); c10 = b.fma(y, c10);
                b = FloatVector.fromArray(S, packed, bi + L);
                c01 = b.fma(x, c01); c11 = b.fma(y, c11);
                b = FloatVector.fromArray(S, packed, bi + 2 * L);
                c02 = b.fma(x, c02); c12 = b.fma(y, c12);
                b = FloatVector.fromArray(S, packed, bi + 3 * L);
                c03 = b.fma(x, c03); c13 = b.fma(y, c13);
                b = FloatVector.fromArray(S, packed, bj);
                c04 = b.fma(x, c04); c14 = b.fma(y, c14);
                b = FloatVector.fromArray(S, packed, bj + L);
                c05 = b.fma(x, c05); c15 = b.fma(y, c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c03 = c03.blend(lo, c03.compare(LE, lo)); c04 = c04.blend(lo, c04.compare(LE, lo)); c05 = c05.blend(lo, c05.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c13 = c13.blend(lo, c13.compare(LE, lo)); c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c03 = c03.blend(hi, c03.compare(GE, hi)); c04 = c04.blend(hi, c04.compare(GE, hi)); c05 = c05.blend(hi, c05.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c13 = c13.blend(hi, c13.compare(GE, hi)); c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
            c03.intoArray(c, c0 + 3 * L); c04.intoArray(c, c0 + 4 * L); c05.intoArray(c, c0 + 5 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L);
            c13.intoArray(c, c1 + 3 * L); c14.intoArray(c, c1 + 4 * L); c15.intoArray(c, c1 + 5 * L);
        }

        /** {@link #tile2x6} for K = 16. */
        private void tile2x6K16(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = 16, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c04 = FloatVector.fromArray(S, bias, col + 4 * L), c05 = FloatVector.fromArray(S, bias, col + 5 * L);
            FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04, c15 = c05;
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + p * kk * NR, bj = bi + kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        y = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c00 = b.fma(x, c00); c10 = b.fma(y, c10);
                b = FloatVector.fromArray(S, packed, bi + L);
                c01 = b.fma(x, c01); c11 = b.fma(y, c11);
                b = FloatVector.fromArray(S, packed, bi + 2 * L);
                c02 = b.fma(x, c02); c12 = b.fma(y, c12);
                b = FloatVector.fromArray(S, packed, bi + 3 * L);
                c03 = b.fma(x, c03); c13 = b.fma(y, c13);
                b = FloatVector.fromArray(S, packed, bj);
                c04 = b.fma(x, c04); c14 = b.fma(y, c14);
                b = FloatVector.fromArray(S, packed, bj + L);
                c05 = b.fma(x, c05); c15 = b.fma(y, c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c03 = c03.blend(lo, c03.compare(LE, lo)); c04 = c04.blend(lo, c04.compare(LE, lo)); c05 = c05.blend(lo, c05.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c13 = c13.blend(lo, c13.compare(LE, lo)); c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c03 = c03.blend(hi, c03.compare(GE, hi)); c04 = c04.blend(hi, c04.compare(GE, hi)); c05 = c05.blend(hi, c05.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c13 = c13.blend(hi, c13.compare(GE, hi)); c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
            c03.intoArray(c, c0 + 3 * L); c04.intoArray(c, c0 + 4 * L); c05.intoArray(c, c0 + 5 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L);
            c13.intoArray(c, c1 + 3 * L); c14.intoArray(c, c1 + 4 * L); c15.intoArray(c, c1 + 5 * L);
        }

        /**
         * {@link #tile2x6} from the middle of panel {@code p}: its last two vectors and the four of the (full) panel after
         * it. A method of its own, so both keep their weight offsets as constants.
         */
        private void tile2x6b(float[] a, int aOff, float[] c, int cOff, int p) {
            // K = 16 as in tile2x6.
            if (k == 16) {
                tile2x6bK16(a, aOff, c, cOff, p);
            } else {
                tile2x6bAny(a, aOff, c, cOff, p);
            }
        }

        /** {@link #tile2x6b} for any K. */
        private void tile2x6bAny(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, nn = n, col = p * NR + 2 * L;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c04 = FloatVector.fromArray(S, bias, col + 4 * L), c05 = FloatVector.fromArray(S, bias, col + 5 * L);
            FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04, c15 = c05;
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + p * kk * NR + 2 * L, bj = wo + (p + 1) * kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        y = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c00 = b.fma(x, c00); c10 = b.fma(y, c10);
                b = FloatVector.fromArray(S, packed, bi + L);
                c01 = b.fma(x, c01); c11 = b.fma(y, c11);
                b = FloatVector.fromArray(S, packed, bj);
                c02 = b.fma(x, c02); c12 = b.fma(y, c12);
                b = FloatVector.fromArray(S, packed, bj + L);
                c03 = b.fma(x, c03); c13 = b.fma(y, c13);
                b = FloatVector.fromArray(S, packed, bj + 2 * L);
                c04 = b.fma(x, c04); c14 = b.fma(y, c14);
                b = FloatVector.fromArray(S, packed, bj + 3 * L);
                c05 = b.fma(x, c05); c15 = b.fma(y, c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c03 = c03.blend(lo, c03.compare(LE, lo)); c04 = c04.blend(lo, c04.compare(LE, lo)); c05 = c05.blend(lo, c05.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c13 = c13.blend(lo, c13.compare(LE, lo)); c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c03 = c03.blend(hi, c03.compare(GE, hi)); c04 = c04.blend(hi, c04.compare(GE, hi)); c05 = c05.blend(hi, c05.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c13 = c13.blend(hi, c13.compare(GE, hi)); c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
            c03.intoArray(c, c0 + 3 * L); c04.intoArray(c, c0 + 4 * L); c05.intoArray(c, c0 + 5 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L);
            c13.intoArray(c, c1 + 3 * L); c14.intoArray(c, c1 + 4 * L); c15.intoArray(c, c1 + 5 * L);
        }

        /** {@link #tile2x6b} for K = 16. */
        private void tile2x6bK16(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = 16, nn = n, col = p * NR + 2 * L;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c04 = FloatVector.fromArray(S, bias, col + 4 * L), c05 = FloatVector.fromArray(S, bias, col + 5 * L);
            FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04, c15 = c05;
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + p * kk * NR + 2 * L, bj = wo + (p + 1) * kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        y = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c00 = b.fma(x, c00); c10 = b.fma(y, c10);
                b = FloatVector.fromArray(S, packed, bi + L);
                c01 = b.fma(x, c01); c11 = b.fma(y, c11);
                b = FloatVector.fromArray(S, packed, bj);
                c02 = b.fma(x, c02); c12 = b.fma(y, c12);
                b = FloatVector.fromArray(S, packed, bj + L);
                c03 = b.fma(x, c03); c13 = b.fma(y, c13);
                b = FloatVector.fromArray(S, packed, bj + 2 * L);
                c04 = b.fma(x, c04); c14 = b.fma(y, c14);
                b = FloatVector.fromArray(S, packed, bj + 3 * L);
                c05 = b.fma(x, c05); c15 = b.fma(y, c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c03 = c03.blend(lo, c03.compare(LE, lo)); c04 = c04.blend(lo, c04.compare(LE, lo)); c05 = c05.blend(lo, c05.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c13 = c13.blend(lo, c13.compare(LE, lo)); c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c03 = c03.blend(hi, c03.compare(GE, hi)); c04 = c04.blend(hi, c04.compare(GE, hi)); c05 = c05.blend(hi, c05.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c13 = c13.blend(hi, c13.compare(GE, hi)); c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
            c03.intoArray(c, c0 + 3 * L); c04.intoArray(c, c0 + 4 * L); c05.intoArray(c, c0 + 5 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L);
            c13.intoArray(c, c1 + 3 * L); c14.intoArray(c, c1 + 4 * L); c15.intoArray(c, c1 + 5 * L);
        }

        /**
         * {@link #tile2x6} for a partial panel of one vector (Cout = NR + L past p), for K up to {@link #PAIR5_MAX_K}:
         * 10 accumulators, 13 registers, 2 broadcasts and 5 weight loads per 10 FMAs. Its own method: with the sixth
         * vector behind a flag in tile2x6 the five-vector layers ran 10-24 % slower (Zen 3, stand-alone). Same FMA
         * chain per element as every tile.
         */
        private void tile2x5(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn;
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c04 = FloatVector.fromArray(S, bias, col + 4 * L);
            FloatVector c10 = c00, c11 = c01, c12 = c02, c13 = c03, c14 = c04;
            int a0 = aOff, a1 = a0 + kk;
            int bi = wo + p * kk * NR, bj = bi + kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        y = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c00 = b.fma(x, c00); c10 = b.fma(y, c10);
                b = FloatVector.fromArray(S, packed, bi + L);
                c01 = b.fma(x, c01); c11 = b.fma(y, c11);
                b = FloatVector.fromArray(S, packed, bi + 2 * L);
                c02 = b.fma(x, c02); c12 = b.fma(y, c12);
                b = FloatVector.fromArray(S, packed, bi + 3 * L);
                c03 = b.fma(x, c03); c13 = b.fma(y, c13);
                b = FloatVector.fromArray(S, packed, bj);
                c04 = b.fma(x, c04); c14 = b.fma(y, c14);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo)); c02 = c02.blend(lo, c02.compare(LE, lo));
                c03 = c03.blend(lo, c03.compare(LE, lo)); c04 = c04.blend(lo, c04.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c13 = c13.blend(lo, c13.compare(LE, lo)); c14 = c14.blend(lo, c14.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi)); c02 = c02.blend(hi, c02.compare(GE, hi));
                    c03 = c03.blend(hi, c03.compare(GE, hi)); c04 = c04.blend(hi, c04.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c13 = c13.blend(hi, c13.compare(GE, hi)); c14 = c14.blend(hi, c14.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L); c04.intoArray(c, c0 + 4 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L); c12.intoArray(c, c1 + 2 * L); c13.intoArray(c, c1 + 3 * L); c14.intoArray(c, c1 + 4 * L);
        }

        /**
         * 4 pixels x one full panel over k in [k0, k1). No calls and no masks: C2 must inline nothing
         * here to keep the 16 accumulators in registers (a helper call in the epilogue hit C2's
         * node-count inlining cutoff and boxed every vector, 40x slower).
         */
        private void tile4(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            final int kk = k, nn = n, col = p * NR;
            int c0 = cOff + col, c1 = c0 + nn, c2 = c1 + nn, c3 = c2 + nn;
            FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
            if (k0 == 0) {
                c00 = c10 = c20 = c30 = FloatVector.fromArray(S, bias, col);
                c01 = c11 = c21 = c31 = FloatVector.fromArray(S, bias, col + L);
                c02 = c12 = c22 = c32 = FloatVector.fromArray(S, bias, col + 2 * L);
                c03 = c13 = c23 = c33 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                c00 = FloatVector.fromArray(S, c, c0); c01 = FloatVector.fromArray(S, c, c0 + L);
                c02 = FloatVector.fromArray(S, c, c0 + 2 * L); c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
                c10 = FloatVector.fromArray(S, c, c1); c11 = FloatVector.fromArray(S, c, c1 + L);
                c12 = FloatVector.fromArray(S, c, c1 + 2 * L); c13 = FloatVector.fromArray(S, c, c1 + 3 * L);
                c20 = FloatVector.fromArray(S, c, c2); c21 = FloatVector.fromArray(S, c, c2 + L);
                c22 = FloatVector.fromArray(S, c, c2 + 2 * L); c23 = FloatVector.fromArray(S, c, c2 + 3 * L);
                c30 = FloatVector.fromArray(S, c, c3); c31 = FloatVector.fromArray(S, c, c3 + L);
                c32 = FloatVector.fromArray(S, c, c3 + 2 * L); c33 = FloatVector.fromArray(S, c, c3 + 3 * L);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk;
            int bi = wo + (p * kk + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector b0 = FloatVector.fromArray(S, packed, bi);
                FloatVector b1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, packed, bi + 3 * L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = b0.fma(x, c00); c01 = b1.fma(x, c01); c02 = b2.fma(x, c02); c03 = b3.fma(x, c03);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = b0.fma(x, c10); c11 = b1.fma(x, c11); c12 = b2.fma(x, c12); c13 = b3.fma(x, c13);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = b0.fma(x, c20); c21 = b1.fma(x, c21); c22 = b2.fma(x, c22); c23 = b3.fma(x, c23);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = b0.fma(x, c30); c31 = b1.fma(x, c31); c32 = b2.fma(x, c32); c33 = b3.fma(x, c33);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c22 = c22.blend(lo, c22.compare(LE, lo)); c23 = c23.blend(lo, c23.compare(LE, lo));
                c30 = c30.blend(lo, c30.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c32 = c32.blend(lo, c32.compare(LE, lo)); c33 = c33.blend(lo, c33.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c03 = c03.blend(hi, c03.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi));
                    c22 = c22.blend(hi, c22.compare(GE, hi)); c23 = c23.blend(hi, c23.compare(GE, hi));
                    c30 = c30.blend(hi, c30.compare(GE, hi)); c31 = c31.blend(hi, c31.compare(GE, hi));
                    c32 = c32.blend(hi, c32.compare(GE, hi)); c33 = c33.blend(hi, c33.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L);
            c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
            c10.intoArray(c, c1); c11.intoArray(c, c1 + L);
            c12.intoArray(c, c1 + 2 * L); c13.intoArray(c, c1 + 3 * L);
            c20.intoArray(c, c2); c21.intoArray(c, c2 + L);
            c22.intoArray(c, c2 + 2 * L); c23.intoArray(c, c2 + 3 * L);
            c30.intoArray(c, c3); c31.intoArray(c, c3 + L);
            c32.intoArray(c, c3 + 2 * L); c33.intoArray(c, c3 + 3 * L);
        }

        /**
         * 4 pixels x the L output channels from {@code j} of the partial panel {@code p}. Weights and
         * bias are zero-padded to the panel width, so only the stores (and reloads between K blocks)
         * are masked, and only for the last vector. Same FMA chain per element as every other tile, so
         * the bits do not depend on which tile computed them. Measured on 56x56x144 -> 24 (MobileNetV2
         * block3.project): 964 us with single-pixel tiles before; see README for after.
         */
        private void tile4x1(float[] a, int aOff, float[] c, int cOff, int p, int j, int k0, int k1) {
            final int kk = k, nn = n;
            boolean whole = j + L <= nn;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(nn - j));
            int q0 = cOff + j, q1 = q0 + nn, q2 = q1 + nn, q3 = q2 + nn;
            FloatVector c0, c1, c2, c3;
            if (k0 == 0) {
                c0 = c1 = c2 = c3 = FloatVector.fromArray(S, bias, j);
            } else {
                c0 = FloatVector.fromArray(S, c, q0, m);
                c1 = FloatVector.fromArray(S, c, q1, m);
                c2 = FloatVector.fromArray(S, c, q2, m);
                c3 = FloatVector.fromArray(S, c, q3, m);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk;
            int bi = wo + (p * kk + k0) * NR + (j - p * NR);
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector b = FloatVector.fromArray(S, packed, bi);
                c0 = b.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(), c0);
                c1 = b.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(), c1);
                c2 = b.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(), c2);
                c3 = b.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(), c3);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                }
            }
            if (whole) {
                c0.intoArray(c, q0); c1.intoArray(c, q1);
                c2.intoArray(c, q2); c3.intoArray(c, q3);
            } else {
                c0.intoArray(c, q0, m); c1.intoArray(c, q1, m);
                c2.intoArray(c, q2, m); c3.intoArray(c, q3, m);
            }
        }

        /**
         * 16 pixels x one vector of output channels [j, j + L) of panel p (see tile16(int, int, boolean)): such layers run their
         * 16-pixel row blocks vector column by vector column, full panels and the partial one, before the 6- and 8-pixel
         * tiles take the rows left. K, and so the pixel stride, is a literal in each copy (Java has no other way to make
         * it a compile-time constant): the 16 rows' broadcasts are then constant displacements from one index. With K a
         * field, a 16-pixel tile kept 10 of its 16 row offsets in xmm registers and ran at 60 % of peak against
         * tile8x1's 78 % (t36). Stand-alone, Zen 4, 8 weight sets cycled, against the 6- and 8-pixel tiles
         * (`t37/tile16.txt`, % of peak): 112x112x16->16 64 -> 81, 56x56x24->16 73 -> 87, 112x112x32->16 76 -> 88,
         * 56x56x48->16 80 -> 92 (ReLU6); 112x112x16->96 67-69 -> 81, 112x112x16->64 76 -> 80-82, 56x56x16->48 75 -> 83
         * (ReLU). One broadcast per FMA costs nothing here (Zen 4 broadcasts in the load unit), and 16 chains per tile
         * halve the tile's fixed cost per pixel. Same chains as every other tile (bias, then k in order), so the same bits.
         */
        private void tile16x1(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            switch (k) {
                case 16 -> tile16x1K16(a, aOff, c, cOff, p, j);
                case 24 -> tile16x1K24(a, aOff, c, cOff, p, j);
                case 32 -> tile16x1K32(a, aOff, c, cOff, p, j);
                default -> tile16x1K48(a, aOff, c, cOff, p, j);
            }
        }

        /** {@link #tile16x1} for K = 16. */
        private void tile16x1K16(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = 16, nn = n;
            FloatVector b = FloatVector.fromArray(S, bias, j);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            FloatVector c8 = b, c9 = b, c10 = b, c11 = b, c12 = b, c13 = b, c14 = b, c15 = b;
            int bi = wo + p * kk * NR + (j - p * NR), q = cOff + j;
            for (int i = aOff, end = aOff + kk; i < end; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1 * kk])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * kk])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * kk])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * kk])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * kk])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * kk])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * kk])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * kk])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * kk])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * kk])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * kk])).reinterpretAsFloats(), c11);
                c12 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 12 * kk])).reinterpretAsFloats(), c12);
                c13 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 13 * kk])).reinterpretAsFloats(), c13);
                c14 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 14 * kk])).reinterpretAsFloats(), c14);
                c15 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 15 * kk])).reinterpretAsFloats(), c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                    c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + 1 * nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); c10.intoArray(c, q + 10 * nn); c11.intoArray(c, q + 11 * nn);
            c12.intoArray(c, q + 12 * nn); c13.intoArray(c, q + 13 * nn); c14.intoArray(c, q + 14 * nn); c15.intoArray(c, q + 15 * nn);
        }

        /** {@link #tile16x1} for K = 24. */
        private void tile16x1K24(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = 24, nn = n;
            FloatVector b = FloatVector.fromArray(S, bias, j);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            FloatVector c8 = b, c9 = b, c10 = b, c11 = b, c12 = b, c13 = b, c14 = b, c15 = b;
            int bi = wo + p * kk * NR + (j - p * NR), q = cOff + j;
            for (int i = aOff, end = aOff + kk; i < end; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1 * kk])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * kk])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * kk])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * kk])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * kk])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * kk])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * kk])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * kk])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * kk])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * kk])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * kk])).reinterpretAsFloats(), c11);
                c12 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 12 * kk])).reinterpretAsFloats(), c12);
                c13 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 13 * kk])).reinterpretAsFloats(), c13);
                c14 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 14 * kk])).reinterpretAsFloats(), c14);
                c15 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 15 * kk])).reinterpretAsFloats(), c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                    c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + 1 * nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); c10.intoArray(c, q + 10 * nn); c11.intoArray(c, q + 11 * nn);
            c12.intoArray(c, q + 12 * nn); c13.intoArray(c, q + 13 * nn); c14.intoArray(c, q + 14 * nn); c15.intoArray(c, q + 15 * nn);
        }

        /** {@link #tile16x1} for K = 32. */
        private void tile16x1K32(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = 32, nn = n;
            FloatVector b = FloatVector.fromArray(S, bias, j);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            FloatVector c8 = b, c9 = b, c10 = b, c11 = b, c12 = b, c13 = b, c14 = b, c15 = b;
            int bi = wo + p * kk * NR + (j - p * NR), q = cOff + j;
            for (int i = aOff, end = aOff + kk; i < end; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1 * kk])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * kk])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * kk])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * kk])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * kk])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * kk])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * kk])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * kk])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * kk])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * kk])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * kk])).reinterpretAsFloats(), c11);
                c12 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 12 * kk])).reinterpretAsFloats(), c12);
                c13 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 13 * kk])).reinterpretAsFloats(), c13);
                c14 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 14 * kk])).reinterpretAsFloats(), c14);
                c15 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 15 * kk])).reinterpretAsFloats(), c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                    c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + 1 * nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); c10.intoArray(c, q + 10 * nn); c11.intoArray(c, q + 11 * nn);
            c12.intoArray(c, q + 12 * nn); c13.intoArray(c, q + 13 * nn); c14.intoArray(c, q + 14 * nn); c15.intoArray(c, q + 15 * nn);
        }

        /** {@link #tile16x1} for K = 48. */
        private void tile16x1K48(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = 48, nn = n;
            FloatVector b = FloatVector.fromArray(S, bias, j);
            FloatVector c0 = b, c1 = b, c2 = b, c3 = b, c4 = b, c5 = b, c6 = b, c7 = b;
            FloatVector c8 = b, c9 = b, c10 = b, c11 = b, c12 = b, c13 = b, c14 = b, c15 = b;
            int bi = wo + p * kk * NR + (j - p * NR), q = cOff + j;
            for (int i = aOff, end = aOff + kk; i < end; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 1 * kk])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 2 * kk])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 3 * kk])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 4 * kk])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 5 * kk])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 6 * kk])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 7 * kk])).reinterpretAsFloats(), c7);
                c8 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 8 * kk])).reinterpretAsFloats(), c8);
                c9 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 9 * kk])).reinterpretAsFloats(), c9);
                c10 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 10 * kk])).reinterpretAsFloats(), c10);
                c11 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 11 * kk])).reinterpretAsFloats(), c11);
                c12 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 12 * kk])).reinterpretAsFloats(), c12);
                c13 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 13 * kk])).reinterpretAsFloats(), c13);
                c14 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 14 * kk])).reinterpretAsFloats(), c14);
                c15 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i + 15 * kk])).reinterpretAsFloats(), c15);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c8 = c8.blend(lo, c8.compare(LE, lo)); c9 = c9.blend(lo, c9.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c14 = c14.blend(lo, c14.compare(LE, lo)); c15 = c15.blend(lo, c15.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c8 = c8.blend(hi, c8.compare(GE, hi)); c9 = c9.blend(hi, c9.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                    c14 = c14.blend(hi, c14.compare(GE, hi)); c15 = c15.blend(hi, c15.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + 1 * nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            c8.intoArray(c, q + 8 * nn); c9.intoArray(c, q + 9 * nn); c10.intoArray(c, q + 10 * nn); c11.intoArray(c, q + 11 * nn);
            c12.intoArray(c, q + 12 * nn); c13.intoArray(c, q + 13 * nn); c14.intoArray(c, q + 14 * nn); c15.intoArray(c, q + 15 * nn);
        }

        /**
         * 8 pixels x the (up to) 2L output channels from {@code j} of the partial panel {@code p}: 16
         * independent FMA chains (tile4x1 has 4, too few to cover FMA latency on two pipes) and one pass
         * over K for two vectors. Channels past Cout exist in the zero-padded weights and bias, so only the
         * stores (and reloads between K blocks) of the last vector are masked. Same FMA chain per element as
         * every other tile. Only with 32 registers (WIDE_PARTIAL), and only while a second vector has
         * channels (else tile8x1: computing a discarded vector made N = 16 layers 20 % slower).
         */
        private void tile8x2(float[] a, int aOff, float[] c, int cOff, int p, int j, int k0, int k1) {
            final int kk = k, nn = n;
            final int j1 = j + L;
            // Called with both vectors whole (j + 2L <= n): no masks. Masked loads and stores in a method
            // this size made C1 bail out ("out of virtual registers in LIR generator"), and the method then
            // ran boxed, 12-100x slower, for as long as C2 had not compiled it: partial vectors go to tile8x1Tail.
            int q = cOff + j;
            FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
            if (k0 == 0) {
                FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j1);
                c00 = c10 = c20 = c30 = c40 = c50 = c60 = c70 = b0;
                c01 = c11 = c21 = c31 = c41 = c51 = c61 = c71 = b1;
            } else {
                c00 = FloatVector.fromArray(S, c, q); c01 = FloatVector.fromArray(S, c, q + L);
                c10 = FloatVector.fromArray(S, c, q + nn); c11 = FloatVector.fromArray(S, c, q + nn + L);
                c20 = FloatVector.fromArray(S, c, q + 2 * nn); c21 = FloatVector.fromArray(S, c, q + 2 * nn + L);
                c30 = FloatVector.fromArray(S, c, q + 3 * nn); c31 = FloatVector.fromArray(S, c, q + 3 * nn + L);
                c40 = FloatVector.fromArray(S, c, q + 4 * nn); c41 = FloatVector.fromArray(S, c, q + 4 * nn + L);
                c50 = FloatVector.fromArray(S, c, q + 5 * nn); c51 = FloatVector.fromArray(S, c, q + 5 * nn + L);
                c60 = FloatVector.fromArray(S, c, q + 6 * nn); c61 = FloatVector.fromArray(S, c, q + 6 * nn + L);
                c70 = FloatVector.fromArray(S, c, q + 7 * nn); c71 = FloatVector.fromArray(S, c, q + 7 * nn + L);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + (p * kk + k0) * NR + (j - p * NR);
            int i = k0;
            if (((k1 - k0) & 1) != 0) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats();
                c60 = w0.fma(x, c60); c61 = w1.fma(x, c61);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats();
                c70 = w0.fma(x, c70); c71 = w1.fma(x, c71);
                i++;
                bi += NR;
            }
            // Two k steps per iteration, as in tile8x1 (16 accumulators + 4 weights + a broadcast: 21 registers).
            for (; i < k1; i += 2, bi += 2 * NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector v0 = FloatVector.fromArray(S, packed, bi + NR), v1 = FloatVector.fromArray(S, packed, bi + NR + L);
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i, i6 = a6 + i, i7 = a7 + i;
                FloatVector x;
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5])).reinterpretAsFloats();
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6])).reinterpretAsFloats();
                c60 = w0.fma(x, c60); c61 = w1.fma(x, c61);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7])).reinterpretAsFloats();
                c70 = w0.fma(x, c70); c71 = w1.fma(x, c71);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0 + 1])).reinterpretAsFloats();
                c00 = v0.fma(x, c00); c01 = v1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1 + 1])).reinterpretAsFloats();
                c10 = v0.fma(x, c10); c11 = v1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2 + 1])).reinterpretAsFloats();
                c20 = v0.fma(x, c20); c21 = v1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3 + 1])).reinterpretAsFloats();
                c30 = v0.fma(x, c30); c31 = v1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4 + 1])).reinterpretAsFloats();
                c40 = v0.fma(x, c40); c41 = v1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5 + 1])).reinterpretAsFloats();
                c50 = v0.fma(x, c50); c51 = v1.fma(x, c51);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6 + 1])).reinterpretAsFloats();
                c60 = v0.fma(x, c60); c61 = v1.fma(x, c61);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7 + 1])).reinterpretAsFloats();
                c70 = v0.fma(x, c70); c71 = v1.fma(x, c71);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c10 = c10.blend(lo, c10.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c30 = c30.blend(lo, c30.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c50 = c50.blend(lo, c50.compare(LE, lo));
                c60 = c60.blend(lo, c60.compare(LE, lo)); c70 = c70.blend(lo, c70.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c10 = c10.blend(hi, c10.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c30 = c30.blend(hi, c30.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi)); c50 = c50.blend(hi, c50.compare(GE, hi));
                    c60 = c60.blend(hi, c60.compare(GE, hi)); c70 = c70.blend(hi, c70.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c10.intoArray(c, q + nn); c20.intoArray(c, q + 2 * nn); c30.intoArray(c, q + 3 * nn);
            c40.intoArray(c, q + 4 * nn); c50.intoArray(c, q + 5 * nn); c60.intoArray(c, q + 6 * nn); c70.intoArray(c, q + 7 * nn);
            if (cl != 0) {
                c01 = c01.blend(lo, c01.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c21 = c21.blend(lo, c21.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c41 = c41.blend(lo, c41.compare(LE, lo)); c51 = c51.blend(lo, c51.compare(LE, lo));
                c61 = c61.blend(lo, c61.compare(LE, lo)); c71 = c71.blend(lo, c71.compare(LE, lo));
                if (cl == 2) {
                    c01 = c01.blend(hi, c01.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c21 = c21.blend(hi, c21.compare(GE, hi)); c31 = c31.blend(hi, c31.compare(GE, hi));
                    c41 = c41.blend(hi, c41.compare(GE, hi)); c51 = c51.blend(hi, c51.compare(GE, hi));
                    c61 = c61.blend(hi, c61.compare(GE, hi)); c71 = c71.blend(hi, c71.compare(GE, hi));
                }
            }
            int q1 = q + L;
            c01.intoArray(c, q1); c11.intoArray(c, q1 + nn); c21.intoArray(c, q1 + 2 * nn); c31.intoArray(c, q1 + 3 * nn);
            c41.intoArray(c, q1 + 4 * nn); c51.intoArray(c, q1 + 5 * nn); c61.intoArray(c, q1 + 6 * nn); c71.intoArray(c, q1 + 7 * nn);
        }

        /**
         * 12 pixels x half of full panel p (vectors 2h and 2h + 1), whole K, from the half-panel copy (see tallPanels): 24
         * chains on 2 weight vectors and 12 broadcasts per K step, one contiguous weight stream; with {@code thirteen} a
         * 13th pixel (26 chains), so 12j + 1 pixels need no one-row tile. 26 accumulators, 2 weights and a broadcast: 29
         * of 32 registers. The 13th row's test is loop-invariant (C2 unswitches it). No masks (see tile8x2). Same FMA
         * chain per element as every other tile.
         */
        private void tileTall(float[] a, int aOff, float[] c, int cOff, int p, int h, boolean thirteen) {
            final int kk = k, nn = n, j = p * NR + h * 2 * L;
            final float[] hw = halves;
            int q = cOff + j;
            FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
            FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
            FloatVector c40 = b0, c41 = b1, c50 = b0, c51 = b1, c60 = b0, c61 = b1, c70 = b0, c71 = b1;
            FloatVector c80 = b0, c81 = b1, c90 = b0, c91 = b1, c100 = b0, c101 = b1, c110 = b0, c111 = b1;
            FloatVector c120 = b0, c121 = b1;
            int a0 = aOff, a1 = aOff + 1 * kk, a2 = aOff + 2 * kk, a3 = aOff + 3 * kk, a4 = aOff + 4 * kk, a5 = aOff + 5 * kk, a6 = aOff + 6 * kk;
            int a7 = aOff + 7 * kk, a8 = aOff + 8 * kk, a9 = aOff + 9 * kk, a10 = aOff + 10 * kk, a11 = aOff + 11 * kk, a12 = aOff + 12 * kk;
            int bi = ho + (p * 2 + h) * kk * 2 * L;
            for (int i = 0; i < kk; i++, bi += 2 * L) {
                FloatVector w0 = FloatVector.fromArray(S, hw, bi), w1 = FloatVector.fromArray(S, hw, bi + L);
                FloatVector x;
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats();
                c60 = w0.fma(x, c60); c61 = w1.fma(x, c61);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats();
                c70 = w0.fma(x, c70); c71 = w1.fma(x, c71);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a8 + i])).reinterpretAsFloats();
                c80 = w0.fma(x, c80); c81 = w1.fma(x, c81);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a9 + i])).reinterpretAsFloats();
                c90 = w0.fma(x, c90); c91 = w1.fma(x, c91);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a10 + i])).reinterpretAsFloats();
                c100 = w0.fma(x, c100); c101 = w1.fma(x, c101);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a11 + i])).reinterpretAsFloats();
                c110 = w0.fma(x, c110); c111 = w1.fma(x, c111);
                if (thirteen) {
                    x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a12 + i])).reinterpretAsFloats();
                    c120 = w0.fma(x, c120); c121 = w1.fma(x, c121);
                }
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo));
                c30 = c30.blend(lo, c30.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo));
                c50 = c50.blend(lo, c50.compare(LE, lo));
                c60 = c60.blend(lo, c60.compare(LE, lo));
                c70 = c70.blend(lo, c70.compare(LE, lo));
                c80 = c80.blend(lo, c80.compare(LE, lo));
                c90 = c90.blend(lo, c90.compare(LE, lo));
                c100 = c100.blend(lo, c100.compare(LE, lo));
                c110 = c110.blend(lo, c110.compare(LE, lo));
                c120 = c120.blend(lo, c120.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi));
                    c30 = c30.blend(hi, c30.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi));
                    c50 = c50.blend(hi, c50.compare(GE, hi));
                    c60 = c60.blend(hi, c60.compare(GE, hi));
                    c70 = c70.blend(hi, c70.compare(GE, hi));
                    c80 = c80.blend(hi, c80.compare(GE, hi));
                    c90 = c90.blend(hi, c90.compare(GE, hi));
                    c100 = c100.blend(hi, c100.compare(GE, hi));
                    c110 = c110.blend(hi, c110.compare(GE, hi));
                    c120 = c120.blend(hi, c120.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c10.intoArray(c, q + 1 * nn); c20.intoArray(c, q + 2 * nn); c30.intoArray(c, q + 3 * nn);
            c40.intoArray(c, q + 4 * nn); c50.intoArray(c, q + 5 * nn); c60.intoArray(c, q + 6 * nn); c70.intoArray(c, q + 7 * nn);
            c80.intoArray(c, q + 8 * nn); c90.intoArray(c, q + 9 * nn); c100.intoArray(c, q + 10 * nn); c110.intoArray(c, q + 11 * nn);
            if (thirteen) {
                c120.intoArray(c, q + 12 * nn);
            }
            if (cl != 0) {
                c01 = c01.blend(lo, c01.compare(LE, lo));
                c11 = c11.blend(lo, c11.compare(LE, lo));
                c21 = c21.blend(lo, c21.compare(LE, lo));
                c31 = c31.blend(lo, c31.compare(LE, lo));
                c41 = c41.blend(lo, c41.compare(LE, lo));
                c51 = c51.blend(lo, c51.compare(LE, lo));
                c61 = c61.blend(lo, c61.compare(LE, lo));
                c71 = c71.blend(lo, c71.compare(LE, lo));
                c81 = c81.blend(lo, c81.compare(LE, lo));
                c91 = c91.blend(lo, c91.compare(LE, lo));
                c101 = c101.blend(lo, c101.compare(LE, lo));
                c111 = c111.blend(lo, c111.compare(LE, lo));
                c121 = c121.blend(lo, c121.compare(LE, lo));
                if (cl == 2) {
                    c01 = c01.blend(hi, c01.compare(GE, hi));
                    c11 = c11.blend(hi, c11.compare(GE, hi));
                    c21 = c21.blend(hi, c21.compare(GE, hi));
                    c31 = c31.blend(hi, c31.compare(GE, hi));
                    c41 = c41.blend(hi, c41.compare(GE, hi));
                    c51 = c51.blend(hi, c51.compare(GE, hi));
                    c61 = c61.blend(hi, c61.compare(GE, hi));
                    c71 = c71.blend(hi, c71.compare(GE, hi));
                    c81 = c81.blend(hi, c81.compare(GE, hi));
                    c91 = c91.blend(hi, c91.compare(GE, hi));
                    c101 = c101.blend(hi, c101.compare(GE, hi));
                    c111 = c111.blend(hi, c111.compare(GE, hi));
                    c121 = c121.blend(hi, c121.compare(GE, hi));
                }
            }
            c01.intoArray(c, q + L); c11.intoArray(c, q + L + 1 * nn); c21.intoArray(c, q + L + 2 * nn); c31.intoArray(c, q + L + 3 * nn);
            c41.intoArray(c, q + L + 4 * nn); c51.intoArray(c, q + L + 5 * nn); c61.intoArray(c, q + L + 6 * nn); c71.intoArray(c, q + L + 7 * nn);
            c81.intoArray(c, q + L + 8 * nn); c91.intoArray(c, q + L + 9 * nn); c101.intoArray(c, q + L + 10 * nn); c111.intoArray(c, q + L + 11 * nn);
            if (thirteen) {
                c121.intoArray(c, q + L + 12 * nn);
            }
        }

        /**
         * 8 pixels x three whole vectors of the partial panel (48-63 channels left from {@code j}: N = 48, 112, 240),
         * whole K: 24 FMA chains on 11 loads per K step, where tile8x2 then tile8x1 took two passes (16 + 8 chains,
         * 19 loads, every input broadcast twice) and two epilogues. 24 accumulators + 3 weights + 1 broadcast fit
         * 32 registers. No masks (see tile8x2). Same FMA chain per element as every other tile.
         */
        private void tile8x3(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            int q = cOff + j;
            FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L), b2 = FloatVector.fromArray(S, bias, j + 2 * L);
            FloatVector c00 = b0, c01 = b1, c02 = b2, c10 = b0, c11 = b1, c12 = b2, c20 = b0, c21 = b1, c22 = b2, c30 = b0, c31 = b1, c32 = b2, c40 = b0, c41 = b1, c42 = b2, c50 = b0, c51 = b1, c52 = b2, c60 = b0, c61 = b1, c62 = b2, c70 = b0, c71 = b1, c72 = b2;
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L),
                        w2 = FloatVector.fromArray(S, packed, bi + 2 * L);
                FloatVector x;
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(); c00 = w0.fma(x, c00); c01 = w1.fma(x, c01); c02 = w2.fma(x, c02);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(); c10 = w0.fma(x, c10); c11 = w1.fma(x, c11); c12 = w2.fma(x, c12);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(); c20 = w0.fma(x, c20); c21 = w1.fma(x, c21); c22 = w2.fma(x, c22);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(); c30 = w0.fma(x, c30); c31 = w1.fma(x, c31); c32 = w2.fma(x, c32);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(); c40 = w0.fma(x, c40); c41 = w1.fma(x, c41); c42 = w2.fma(x, c42);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(); c50 = w0.fma(x, c50); c51 = w1.fma(x, c51); c52 = w2.fma(x, c52);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats(); c60 = w0.fma(x, c60); c61 = w1.fma(x, c61); c62 = w2.fma(x, c62);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats(); c70 = w0.fma(x, c70); c71 = w1.fma(x, c71); c72 = w2.fma(x, c72);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c10 = c10.blend(lo, c10.compare(LE, lo));
                c11 = c11.blend(lo, c11.compare(LE, lo)); c12 = c12.blend(lo, c12.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c22 = c22.blend(lo, c22.compare(LE, lo)); c30 = c30.blend(lo, c30.compare(LE, lo));
                c31 = c31.blend(lo, c31.compare(LE, lo)); c32 = c32.blend(lo, c32.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c41 = c41.blend(lo, c41.compare(LE, lo));
                c42 = c42.blend(lo, c42.compare(LE, lo)); c50 = c50.blend(lo, c50.compare(LE, lo));
                c51 = c51.blend(lo, c51.compare(LE, lo)); c52 = c52.blend(lo, c52.compare(LE, lo));
                c60 = c60.blend(lo, c60.compare(LE, lo)); c61 = c61.blend(lo, c61.compare(LE, lo));
                c62 = c62.blend(lo, c62.compare(LE, lo)); c70 = c70.blend(lo, c70.compare(LE, lo));
                c71 = c71.blend(lo, c71.compare(LE, lo)); c72 = c72.blend(lo, c72.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c10 = c10.blend(hi, c10.compare(GE, hi));
                    c11 = c11.blend(hi, c11.compare(GE, hi)); c12 = c12.blend(hi, c12.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi));
                    c22 = c22.blend(hi, c22.compare(GE, hi)); c30 = c30.blend(hi, c30.compare(GE, hi));
                    c31 = c31.blend(hi, c31.compare(GE, hi)); c32 = c32.blend(hi, c32.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi)); c41 = c41.blend(hi, c41.compare(GE, hi));
                    c42 = c42.blend(hi, c42.compare(GE, hi)); c50 = c50.blend(hi, c50.compare(GE, hi));
                    c51 = c51.blend(hi, c51.compare(GE, hi)); c52 = c52.blend(hi, c52.compare(GE, hi));
                    c60 = c60.blend(hi, c60.compare(GE, hi)); c61 = c61.blend(hi, c61.compare(GE, hi));
                    c62 = c62.blend(hi, c62.compare(GE, hi)); c70 = c70.blend(hi, c70.compare(GE, hi));
                    c71 = c71.blend(hi, c71.compare(GE, hi)); c72 = c72.blend(hi, c72.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c01.intoArray(c, q + L);
            c02.intoArray(c, q + 2 * L); c10.intoArray(c, q + 1 * nn);
            c11.intoArray(c, q + 1 * nn + L); c12.intoArray(c, q + 1 * nn + 2 * L);
            c20.intoArray(c, q + 2 * nn); c21.intoArray(c, q + 2 * nn + L);
            c22.intoArray(c, q + 2 * nn + 2 * L); c30.intoArray(c, q + 3 * nn);
            c31.intoArray(c, q + 3 * nn + L); c32.intoArray(c, q + 3 * nn + 2 * L);
            c40.intoArray(c, q + 4 * nn); c41.intoArray(c, q + 4 * nn + L);
            c42.intoArray(c, q + 4 * nn + 2 * L); c50.intoArray(c, q + 5 * nn);
            c51.intoArray(c, q + 5 * nn + L); c52.intoArray(c, q + 5 * nn + 2 * L);
            c60.intoArray(c, q + 6 * nn); c61.intoArray(c, q + 6 * nn + L);
            c62.intoArray(c, q + 6 * nn + 2 * L); c70.intoArray(c, q + 7 * nn);
            c71.intoArray(c, q + 7 * nn + L); c72.intoArray(c, q + 7 * nn + 2 * L);
        }

        /**
         * 8 pixels x the last one to two vectors of a row, the second partial (L < Cout - j < 2L, as 24 or 40
         * channels with 16 lanes), whole K: 16 FMA chains on 10 loads per K step, where tile8x1 plus tile8x1Tail
         * took two passes of 8 chains and 9 loads each. Only the second vector's stores are masked; its weight
         * and bias loads read the panel's zero padding.
         */
        private void tile8x2Tail(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            final int j1 = j + L;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(nn - j1));
            int q = cOff + j;
            FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j1);
            FloatVector c00 = b0, c10 = b0, c20 = b0, c30 = b0, c40 = b0, c50 = b0, c60 = b0, c70 = b0;
            FloatVector c01 = b1, c11 = b1, c21 = b1, c31 = b1, c41 = b1, c51 = b1, c61 = b1, c71 = b1;
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w0 = FloatVector.fromArray(S, packed, bi), w1 = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats();
                c00 = w0.fma(x, c00); c01 = w1.fma(x, c01);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c10 = w0.fma(x, c10); c11 = w1.fma(x, c11);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats();
                c20 = w0.fma(x, c20); c21 = w1.fma(x, c21);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c30 = w0.fma(x, c30); c31 = w1.fma(x, c31);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats();
                c40 = w0.fma(x, c40); c41 = w1.fma(x, c41);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                c50 = w0.fma(x, c50); c51 = w1.fma(x, c51);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats();
                c60 = w0.fma(x, c60); c61 = w1.fma(x, c61);
                x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats();
                c70 = w0.fma(x, c70); c71 = w1.fma(x, c71);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c10 = c10.blend(lo, c10.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c30 = c30.blend(lo, c30.compare(LE, lo));
                c40 = c40.blend(lo, c40.compare(LE, lo)); c50 = c50.blend(lo, c50.compare(LE, lo));
                c60 = c60.blend(lo, c60.compare(LE, lo)); c70 = c70.blend(lo, c70.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c10 = c10.blend(hi, c10.compare(GE, hi));
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c30 = c30.blend(hi, c30.compare(GE, hi));
                    c40 = c40.blend(hi, c40.compare(GE, hi)); c50 = c50.blend(hi, c50.compare(GE, hi));
                    c60 = c60.blend(hi, c60.compare(GE, hi)); c70 = c70.blend(hi, c70.compare(GE, hi));
                }
            }
            c00.intoArray(c, q); c10.intoArray(c, q + nn);
            c20.intoArray(c, q + 2 * nn); c30.intoArray(c, q + 3 * nn);
            c40.intoArray(c, q + 4 * nn); c50.intoArray(c, q + 5 * nn);
            c60.intoArray(c, q + 6 * nn); c70.intoArray(c, q + 7 * nn);
            int q1 = q + L;
            if (cl != 0) {
                c01 = c01.blend(lo, c01.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c21 = c21.blend(lo, c21.compare(LE, lo)); c31 = c31.blend(lo, c31.compare(LE, lo));
                c41 = c41.blend(lo, c41.compare(LE, lo)); c51 = c51.blend(lo, c51.compare(LE, lo));
                c61 = c61.blend(lo, c61.compare(LE, lo)); c71 = c71.blend(lo, c71.compare(LE, lo));
                if (cl == 2) {
                    c01 = c01.blend(hi, c01.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c21 = c21.blend(hi, c21.compare(GE, hi)); c31 = c31.blend(hi, c31.compare(GE, hi));
                    c41 = c41.blend(hi, c41.compare(GE, hi)); c51 = c51.blend(hi, c51.compare(GE, hi));
                    c61 = c61.blend(hi, c61.compare(GE, hi)); c71 = c71.blend(hi, c71.compare(GE, hi));
                }
            }
            c01.intoArray(c, q1, m); c11.intoArray(c, q1 + nn, m);
            c21.intoArray(c, q1 + 2 * nn, m); c31.intoArray(c, q1 + 3 * nn, m);
            c41.intoArray(c, q1 + 4 * nn, m); c51.intoArray(c, q1 + 5 * nn, m);
            c61.intoArray(c, q1 + 6 * nn, m); c71.intoArray(c, q1 + 7 * nn, m);
        }

        /**
         * 8 pixels x the last, partial vector of the partial panel (fewer than L channels from {@code j} to
         * Cout), over all of K in one block: the only masked operations are the 8 stores, small enough for C1.
         */
        private void tile8x1Tail(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n;
            VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(nn - j));
            int q = cOff + j;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            int i = 0;
            if ((kk & 1) != 0) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats(), c7);
                i++;
                bi += NR;
            }
            // Two k steps per iteration, as in tile8x1 (28x28x72->40 +11 %; the same in tile8x2Tail measured 3 % slower).
            for (; i < kk; i += 2, bi += 2 * NR) {
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i, i6 = a6 + i, i7 = a7 + i;
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7])).reinterpretAsFloats(), c7);
                FloatVector v = FloatVector.fromArray(S, packed, bi + NR);
                c0 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0 + 1])).reinterpretAsFloats(), c0);
                c1 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1 + 1])).reinterpretAsFloats(), c1);
                c2 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2 + 1])).reinterpretAsFloats(), c2);
                c3 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3 + 1])).reinterpretAsFloats(), c3);
                c4 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4 + 1])).reinterpretAsFloats(), c4);
                c5 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5 + 1])).reinterpretAsFloats(), c5);
                c6 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6 + 1])).reinterpretAsFloats(), c6);
                c7 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7 + 1])).reinterpretAsFloats(), c7);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                }
            }
            c0.intoArray(c, q, m); c1.intoArray(c, q + nn, m);
            c2.intoArray(c, q + 2 * nn, m); c3.intoArray(c, q + 3 * nn, m);
            c4.intoArray(c, q + 4 * nn, m); c5.intoArray(c, q + 5 * nn, m);
            c6.intoArray(c, q + 6 * nn, m); c7.intoArray(c, q + 7 * nn, m);
        }

        /**
         * 8 pixels x a whole vector at j and the half-full last vector after it, two pixels per vector (see
         * tile8x1Pair): 12 chains, 12 FMAs per k where tile8x2Tail issued 16, four of them half empty. The broadcasts
         * serve both the whole vector and the blends.
         */
        private void tile8x2Pair(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n, h = L / 2, r = nn - j - L;
            VectorMask<Float> upper = VectorMask.fromLong(S, Lanes.firstNBits(L) & ~Lanes.firstNBits(h));
            VectorMask<Float> lowOut = VectorMask.fromLong(S, Lanes.firstNBits(r));
            VectorMask<Float> highOut = VectorMask.fromLong(S, Lanes.firstNBits(h + r) & ~Lanes.firstNBits(h));
            int q = cOff + j;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7, c01, c23, c45, c67;
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.fromArray(S, bias, j);
            c01 = c23 = c45 = c67 = FloatVector.fromArray(S, bias, j + L);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi), t = FloatVector.fromArray(S, packed, bi + L);
                FloatVector x0 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(),
                        x1 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats();
                c0 = w.fma(x0, c0); c1 = w.fma(x1, c1); c01 = t.fma(x0.blend(x1, upper), c01);
                FloatVector x2 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(),
                        x3 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats();
                c2 = w.fma(x2, c2); c3 = w.fma(x3, c3); c23 = t.fma(x2.blend(x3, upper), c23);
                FloatVector x4 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(),
                        x5 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats();
                c4 = w.fma(x4, c4); c5 = w.fma(x5, c5); c45 = t.fma(x4.blend(x5, upper), c45);
                FloatVector x6 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats(),
                        x7 = IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats();
                c6 = w.fma(x6, c6); c7 = w.fma(x7, c7); c67 = t.fma(x6.blend(x7, upper), c67);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                c01 = c01.blend(lo, c01.compare(LE, lo)); c23 = c23.blend(lo, c23.compare(LE, lo));
                c45 = c45.blend(lo, c45.compare(LE, lo)); c67 = c67.blend(lo, c67.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                    c01 = c01.blend(hi, c01.compare(GE, hi)); c23 = c23.blend(hi, c23.compare(GE, hi));
                    c45 = c45.blend(hi, c45.compare(GE, hi)); c67 = c67.blend(hi, c67.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
            int qt = q + L, up = qt + nn - h;
            c01.intoArray(c, qt, lowOut); c01.intoArray(c, up, highOut);
            c23.intoArray(c, qt + 2 * nn, lowOut); c23.intoArray(c, up + 2 * nn, highOut);
            c45.intoArray(c, qt + 4 * nn, lowOut); c45.intoArray(c, up + 4 * nn, highOut);
            c67.intoArray(c, qt + 6 * nn, lowOut); c67.intoArray(c, up + 6 * nn, highOut);
        }

        /** An input array and its heap segment, made together so that a slot never pairs one with another's. */
        private static final class ArraySegment {
            final float[] array;
            final MemorySegment segment;

            ArraySegment(float[] array) {
                this.array = array;
                this.segment = MemorySegment.ofArray(array);
            }
        }

        /**
         * The heap segment over {@code a}, from the layer's slots: a layer reads one arena buffer, or one band window
         * per thread, so after the first inference every call finds its array. A miss makes one (three small objects)
         * and takes an empty or cleared slot, else the next in turn; threads racing on the counter or a slot only cost
         * another miss, never a wrong segment (a slot holds one immutable pair).
         */
        private MemorySegment segment(float[] a) {
            WeakReference<?>[] slots = segments;
            int free = -1;
            for (int i = 0; i < slots.length; i++) {
                WeakReference<?> r = slots[i];
                Object o = r == null ? null : r.get();
                if (o instanceof ArraySegment e && e.array == a) {
                    return e.segment;
                }
                if (o == null && free < 0) {
                    free = i;
                }
            }
            ArraySegment e = new ArraySegment(a);
            slots[free >= 0 ? free : Math.floorMod(nextSegment++, slots.length)] = new WeakReference<>(e);
            return e.segment;
        }

        /**
         * Rows of a k-pair layer (see kPairs), two pixels per step: accumulator t holds pixel t's even k's in lanes 2j
         * and its odd k's in 2j + 1, each a chain from its start (bias in the even lane, -0.0 in the odd) in k order,
         * added by two permutes and one add at the end. An odd last row goes through tileKPair1 with the same chains, so
         * the bits do not depend on the tiling or the thread split. The 8 weight vectors are loaded once per call.
         * Two pixels per step, not 4 or 8: each segment read costs C1 dozens of virtual registers, and with 32 or 64
         * of them in one method C1's profiled tier gave up ("out of virtual registers"), which left the method in tier
         * 2, never compiled by C2 and 100x slower (the MemorySegment trap of ../shared/VECTOR_API_NOTES.md). The
         * byte offsets come from int arithmetic: from long arithmetic C2 ran the loop 12 % slower.
         */
        private void kPairRows(MemorySegment m, int aOff, float[] c, int cOff, int rows) {
            final int kk = k, bo = kpo + KPAIR_K / 2 * L;
            final float[] w = kp;
            FloatVector v0 = FloatVector.fromArray(S, w, kpo + 0 * L);
            FloatVector v1 = FloatVector.fromArray(S, w, kpo + 1 * L);
            FloatVector v2 = FloatVector.fromArray(S, w, kpo + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, w, kpo + 3 * L);
            FloatVector v4 = FloatVector.fromArray(S, w, kpo + 4 * L);
            FloatVector v5 = FloatVector.fromArray(S, w, kpo + 5 * L);
            FloatVector v6 = FloatVector.fromArray(S, w, kpo + 6 * L);
            FloatVector v7 = FloatVector.fromArray(S, w, kpo + 7 * L);
            FloatVector start = FloatVector.fromArray(S, w, bo);
            FloatVector even = FloatVector.fromArray(S, w, bo + L), odd = FloatVector.fromArray(S, w, bo + 2 * L);
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            final int cl = clampKind;
            for (int t = 0; t + 2 <= rows; t += 2) {
                long o0 = 4L * (aOff + t * kk), o1 = 4L * (aOff + t * kk + kk);
                FloatVector c0 = start, c1 = start;
                c0 = v0.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0)).reinterpretAsFloats(), c0);
                c1 = v0.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1)).reinterpretAsFloats(), c1);
                c0 = v1.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 8)).reinterpretAsFloats(), c0);
                c1 = v1.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 8)).reinterpretAsFloats(), c1);
                c0 = v2.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 16)).reinterpretAsFloats(), c0);
                c1 = v2.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 16)).reinterpretAsFloats(), c1);
                c0 = v3.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 24)).reinterpretAsFloats(), c0);
                c1 = v3.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 24)).reinterpretAsFloats(), c1);
                c0 = v4.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 32)).reinterpretAsFloats(), c0);
                c1 = v4.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 32)).reinterpretAsFloats(), c1);
                c0 = v5.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 40)).reinterpretAsFloats(), c0);
                c1 = v5.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 40)).reinterpretAsFloats(), c1);
                c0 = v6.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 48)).reinterpretAsFloats(), c0);
                c1 = v6.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 48)).reinterpretAsFloats(), c1);
                c0 = v7.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 56)).reinterpretAsFloats(), c0);
                c1 = v7.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o1 + 56)).reinterpretAsFloats(), c1);
                FloatVector r = even.selectFrom(c0, c1).add(odd.selectFrom(c0, c1));
                if (cl != 0) {
                    r = r.blend(lo, r.compare(LE, lo));
                    if (cl == 2) {
                        r = r.blend(hi, r.compare(GE, hi));
                    }
                }
                r.intoArray(c, cOff + t * (L / 2));
            }
        }

        /**
         * One pixel of a k-pair layer: kPairRows' chains for an odd last row. The permutes of the one accumulator with
         * itself give the pixel's sums in both halves; the lower is stored.
         */
        private void tileKPair1(MemorySegment m, int aOff, float[] c, int cOff) {
            long tailBits0 = Lanes.firstNBits(L / 2);
            final int bo = kpo + KPAIR_K / 2 * L;
            final float[] w = kp;
            long o0 = 4L * aOff;
            FloatVector v0 = FloatVector.fromArray(S, w, kpo + 0 * L);
            FloatVector v1 = FloatVector.fromArray(S, w, kpo + 1 * L);
            FloatVector v2 = FloatVector.fromArray(S, w, kpo + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, w, kpo + 3 * L);
            FloatVector v4 = FloatVector.fromArray(S, w, kpo + 4 * L);
            FloatVector v5 = FloatVector.fromArray(S, w, kpo + 5 * L);
            FloatVector v6 = FloatVector.fromArray(S, w, kpo + 6 * L);
            FloatVector v7 = FloatVector.fromArray(S, w, kpo + 7 * L);
            FloatVector c0 = FloatVector.fromArray(S, w, bo);
            c0 = v0.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0)).reinterpretAsFloats(), c0);
            c0 = v1.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 8)).reinterpretAsFloats(), c0);
            c0 = v2.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 16)).reinterpretAsFloats(), c0);
            c0 = v3.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 24)).reinterpretAsFloats(), c0);
            c0 = v4.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 32)).reinterpretAsFloats(), c0);
            c0 = v5.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 40)).reinterpretAsFloats(), c0);
            c0 = v6.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 48)).reinterpretAsFloats(), c0);
            c0 = v7.fma(LongVector.broadcast(SJ, m.get(TWO_FLOATS, o0 + 56)).reinterpretAsFloats(), c0);
            FloatVector even = FloatVector.fromArray(S, w, bo + L), odd = FloatVector.fromArray(S, w, bo + 2 * L);
            FloatVector r = even.selectFrom(c0, c0).add(odd.selectFrom(c0, c0));
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                r = r.blend(lo, r.compare(LE, lo));
                if (cl == 2) {
                    r = r.blend(hi, r.compare(GE, hi));
                }
            }
            r.intoArray(c, cOff, VectorMask.fromLong(S, tailBits0));
        }

        /**
         * 8 pixels x the last vector of the partial panel when it is at most half full (see pairsTail): pixels 2i
         * and 2i+1 share one vector, the first in the lower half, the second in the upper, against weights and
         * bias packed twice over. 4 FMAs per k where tile8x1Tail issued 8 half-empty ones; each element's chain is
         * still bias, then k ascending. The input is the blend of two broadcasts; the upper half is stored from
         * L/2 floats before the pixel's channels, so only the chosen lanes land (n >= L/2 keeps that offset in the row).
         */
        private void tile8x1Pair(float[] a, int aOff, float[] c, int cOff, int p, int j) {
            final int kk = k, nn = n, h = L / 2, r = nn - j;
            VectorMask<Float> upper = VectorMask.fromLong(S, Lanes.firstNBits(L) & ~Lanes.firstNBits(h));
            VectorMask<Float> lowOut = VectorMask.fromLong(S, Lanes.firstNBits(r));
            VectorMask<Float> highOut = VectorMask.fromLong(S, Lanes.firstNBits(h + r) & ~Lanes.firstNBits(h));
            int q = cOff + j;
            FloatVector c01, c23, c45, c67;
            c01 = c23 = c45 = c67 = FloatVector.fromArray(S, bias, j);
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + p * kk * NR + (j - p * NR);
            for (int i = 0; i < kk; i++, bi += NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c01 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats().blend(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(),
                        upper), c01);
                c23 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats().blend(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(),
                        upper), c23);
                c45 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats().blend(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(),
                        upper), c45);
                c67 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats().blend(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats(),
                        upper), c67);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c01 = c01.blend(lo, c01.compare(LE, lo)); c23 = c23.blend(lo, c23.compare(LE, lo));
                c45 = c45.blend(lo, c45.compare(LE, lo)); c67 = c67.blend(lo, c67.compare(LE, lo));
                if (cl == 2) {
                    c01 = c01.blend(hi, c01.compare(GE, hi)); c23 = c23.blend(hi, c23.compare(GE, hi));
                    c45 = c45.blend(hi, c45.compare(GE, hi)); c67 = c67.blend(hi, c67.compare(GE, hi));
                }
            }
            int up = q + nn - h; // lane h + t of the pair lands at q + nn + t: the odd pixel's channel j + t
            c01.intoArray(c, q, lowOut); c01.intoArray(c, up, highOut);
            c23.intoArray(c, q + 2 * nn, lowOut); c23.intoArray(c, up + 2 * nn, highOut);
            c45.intoArray(c, q + 4 * nn, lowOut); c45.intoArray(c, up + 4 * nn, highOut);
            c67.intoArray(c, q + 6 * nn, lowOut); c67.intoArray(c, up + 6 * nn, highOut);
        }

        /**
         * 8 pixels x the last L channels of the partial panel, which end exactly at Cout (so no masks: see
         * tile8x2 on C1's limit): 8 chains, the same chain per element.
         */
        private void tile8x1(float[] a, int aOff, float[] c, int cOff, int p, int j, int k0, int k1) {
            final int kk = k, nn = n;
            int q = cOff + j;
            FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
            if (k0 == 0) {
                c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.fromArray(S, bias, j);
            } else {
                c0 = FloatVector.fromArray(S, c, q); c1 = FloatVector.fromArray(S, c, q + nn);
                c2 = FloatVector.fromArray(S, c, q + 2 * nn); c3 = FloatVector.fromArray(S, c, q + 3 * nn);
                c4 = FloatVector.fromArray(S, c, q + 4 * nn); c5 = FloatVector.fromArray(S, c, q + 5 * nn);
                c6 = FloatVector.fromArray(S, c, q + 6 * nn); c7 = FloatVector.fromArray(S, c, q + 7 * nn);
            }
            int a0 = aOff, a1 = a0 + kk, a2 = a1 + kk, a3 = a2 + kk, a4 = a3 + kk, a5 = a4 + kk, a6 = a5 + kk, a7 = a6 + kk;
            int bi = wo + (p * kk + k0) * NR + (j - p * NR);
            int i = k0;
            if (((k1 - k0) & 1) != 0) {
                FloatVector w = FloatVector.fromArray(S, packed, bi);
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a0 + i])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a1 + i])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a2 + i])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a3 + i])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a4 + i])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a5 + i])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a6 + i])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[a7 + i])).reinterpretAsFloats(), c7);
                i++;
                bi += NR;
            }
            // Two k steps per iteration: the second step's broadcasts sit at constant displacements from the first's
            // (one add per row for two FMAs); 8 accumulators + 2 weights + broadcasts fit any 32-register budget.
            for (; i < k1; i += 2, bi += 2 * NR) {
                FloatVector w = FloatVector.fromArray(S, packed, bi), v = FloatVector.fromArray(S, packed, bi + NR);
                int i0 = a0 + i, i1 = a1 + i, i2 = a2 + i, i3 = a3 + i, i4 = a4 + i, i5 = a5 + i, i6 = a6 + i, i7 = a7 + i;
                c0 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0])).reinterpretAsFloats(), c0);
                c1 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1])).reinterpretAsFloats(), c1);
                c2 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2])).reinterpretAsFloats(), c2);
                c3 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3])).reinterpretAsFloats(), c3);
                c4 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4])).reinterpretAsFloats(), c4);
                c5 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5])).reinterpretAsFloats(), c5);
                c6 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6])).reinterpretAsFloats(), c6);
                c7 = w.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7])).reinterpretAsFloats(), c7);
                c0 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i0 + 1])).reinterpretAsFloats(), c0);
                c1 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i1 + 1])).reinterpretAsFloats(), c1);
                c2 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i2 + 1])).reinterpretAsFloats(), c2);
                c3 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i3 + 1])).reinterpretAsFloats(), c3);
                c4 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i4 + 1])).reinterpretAsFloats(), c4);
                c5 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i5 + 1])).reinterpretAsFloats(), c5);
                c6 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i6 + 1])).reinterpretAsFloats(), c6);
                c7 = v.fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[i7 + 1])).reinterpretAsFloats(), c7);
            }
            boolean last = k1 == kk;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c0 = c0.blend(lo, c0.compare(LE, lo)); c1 = c1.blend(lo, c1.compare(LE, lo));
                c2 = c2.blend(lo, c2.compare(LE, lo)); c3 = c3.blend(lo, c3.compare(LE, lo));
                c4 = c4.blend(lo, c4.compare(LE, lo)); c5 = c5.blend(lo, c5.compare(LE, lo));
                c6 = c6.blend(lo, c6.compare(LE, lo)); c7 = c7.blend(lo, c7.compare(LE, lo));
                if (cl == 2) {
                    c0 = c0.blend(hi, c0.compare(GE, hi)); c1 = c1.blend(hi, c1.compare(GE, hi));
                    c2 = c2.blend(hi, c2.compare(GE, hi)); c3 = c3.blend(hi, c3.compare(GE, hi));
                    c4 = c4.blend(hi, c4.compare(GE, hi)); c5 = c5.blend(hi, c5.compare(GE, hi));
                    c6 = c6.blend(hi, c6.compare(GE, hi)); c7 = c7.blend(hi, c7.compare(GE, hi));
                }
            }
            c0.intoArray(c, q); c1.intoArray(c, q + nn); c2.intoArray(c, q + 2 * nn); c3.intoArray(c, q + 3 * nn);
            c4.intoArray(c, q + 4 * nn); c5.intoArray(c, q + 5 * nn); c6.intoArray(c, q + 6 * nn); c7.intoArray(c, q + 7 * nn);
        }

        /** The row remainder of a full panel (fewer than MR pixels left): one pixel x NR channels. */
        private void tile1(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            final int col = p * NR;
            int c0 = cOff + col;
            FloatVector c00, c01, c02, c03;
            if (k0 == 0) {
                c00 = FloatVector.fromArray(S, bias, col);
                c01 = FloatVector.fromArray(S, bias, col + L);
                c02 = FloatVector.fromArray(S, bias, col + 2 * L);
                c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            } else {
                c00 = FloatVector.fromArray(S, c, c0);
                c01 = FloatVector.fromArray(S, c, c0 + L);
                c02 = FloatVector.fromArray(S, c, c0 + 2 * L);
                c03 = FloatVector.fromArray(S, c, c0 + 3 * L);
            }
            int bi = wo + (p * k + k0) * NR;
            for (int i = k0; i < k1; i++, bi += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[aOff + i])).reinterpretAsFloats();
                c00 = FloatVector.fromArray(S, packed, bi).fma(x, c00);
                c01 = FloatVector.fromArray(S, packed, bi + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, packed, bi + 2 * L).fma(x, c02);
                c03 = FloatVector.fromArray(S, packed, bi + 3 * L).fma(x, c03);
            }
            boolean last = k1 == k;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c03 = c03.blend(hi, c03.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L);
            c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
        }

        /**
         * One pixel x three full panels (p to p + 2), whole K: the classifier and squeeze-excitation layers at batch
         * 1-2, whose weights stream from memory once. Three panels are three sequential streams where tile1 had one:
         * Zen 3, one 1x1 layer on a 1x1 image with 8 weight sets cycled (cold), against ONNX Runtime alternated
         * (OrtPwCold): 960->1280, 1280->1000, 1024->1000 at 1.14-1.35x its time with one stream, 0.94-1.09x with two,
         * 0.88-0.95x with three. 12 accumulators and the broadcast fit 16 registers. Same FMA chain per element as
         * every tile. With 32 registers too (they had run tile1 over KC-long K blocks): Zen 4 at 512 bits, same
         * harness, two runs, 1024->1000 2.25-2.43 -> 0.87-0.91x ORT's time, 1280->1000 2.45-2.53 -> 0.96-0.99x, 960->1280
         * 2.32-2.54 -> 0.97-1.02x. With 16 registers also pixel 0 of three panels in the panel-major layers with more
         * pixels (see units), so their weights come from memory in three streams before the 5x2 tiles read them from
         * L2; with 32 it made 14x14x512->512's median 1.4-3.7x ORT's time (its best runs unchanged), so it is not used there.
         */
        private void tile1x3(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, col = p * NR, c0 = cOff + col;
            // The third panel may be the partial one: the lanes of the vector Cout ends inside, read before the first FMA.
            final long tail = Lanes.firstNBits((n - col - 2 * NR) % L);
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c10 = FloatVector.fromArray(S, bias, col + NR), c11 = FloatVector.fromArray(S, bias, col + NR + L);
            FloatVector c12 = FloatVector.fromArray(S, bias, col + NR + 2 * L), c13 = FloatVector.fromArray(S, bias, col + NR + 3 * L);
            FloatVector c20 = FloatVector.fromArray(S, bias, col + 2 * NR), c21 = FloatVector.fromArray(S, bias, col + 2 * NR + L);
            FloatVector c22 = FloatVector.fromArray(S, bias, col + 2 * NR + 2 * L), c23 = FloatVector.fromArray(S, bias, col + 2 * NR + 3 * L);
            int bi = wo + p * kk * NR, bj = bi + kk * NR, bh = bj + kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR, bh += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[aOff + i])).reinterpretAsFloats();
                c00 = FloatVector.fromArray(S, packed, bi).fma(x, c00);
                c01 = FloatVector.fromArray(S, packed, bi + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, packed, bi + 2 * L).fma(x, c02);
                c03 = FloatVector.fromArray(S, packed, bi + 3 * L).fma(x, c03);
                c10 = FloatVector.fromArray(S, packed, bj).fma(x, c10);
                c11 = FloatVector.fromArray(S, packed, bj + L).fma(x, c11);
                c12 = FloatVector.fromArray(S, packed, bj + 2 * L).fma(x, c12);
                c13 = FloatVector.fromArray(S, packed, bj + 3 * L).fma(x, c13);
                c20 = FloatVector.fromArray(S, packed, bh).fma(x, c20);
                c21 = FloatVector.fromArray(S, packed, bh + L).fma(x, c21);
                c22 = FloatVector.fromArray(S, packed, bh + 2 * L).fma(x, c22);
                c23 = FloatVector.fromArray(S, packed, bh + 3 * L).fma(x, c23);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                c20 = c20.blend(lo, c20.compare(LE, lo)); c21 = c21.blend(lo, c21.compare(LE, lo));
                c22 = c22.blend(lo, c22.compare(LE, lo)); c23 = c23.blend(lo, c23.compare(LE, lo));
                if (cl == 2) {
                    c20 = c20.blend(hi, c20.compare(GE, hi)); c21 = c21.blend(hi, c21.compare(GE, hi));
                    c22 = c22.blend(hi, c22.compare(GE, hi)); c23 = c23.blend(hi, c23.compare(GE, hi));
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c03 = c03.blend(hi, c03.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
            c10.intoArray(c, c0 + NR); c11.intoArray(c, c0 + NR + L); c12.intoArray(c, c0 + NR + 2 * L); c13.intoArray(c, c0 + NR + 3 * L);
            // The third panel may be the partial one (streamPanels): its vectors up to Cout, the one Cout ends inside masked.
            int q = c0 + 2 * NR, end = cOff + n;
            if (q + L <= end) c20.intoArray(c, q); else if (q < end) c20.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c21.intoArray(c, q); else if (q < end) c21.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c22.intoArray(c, q); else if (q < end) c22.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c23.intoArray(c, q); else if (q < end) c23.intoArray(c, q, VectorMask.fromLong(S, tail));
        }

        /**
         * One pixel x panels [pFrom, pTo), whole K: three weight streams at a time (tile1x3), then two (tile1x2; four
         * left go as two and two), or for a range of one panel one (tile1, tile1Partial). The partial last panel joins a
         * group like a full one: its weights and bias are zero-padded to NR, so its loads need no mask, and only its
         * stores stop at Cout. Before, a range with fewer than three full panels streamed them one at a time and the
         * partial panel vector by vector: V3-large's 672->168 squeeze FC (two panels and a partial one) took 30-42 us in
         * the network for 451 KB where its 168->672 twin took 15-19 (now 15). Same chain per element as every tile.
         */
        private void streamPanels(float[] a, int aOff, float[] c, int cOff, int pFrom, int pTo) {
            int count = pTo - pFrom, threes = count / 3;
            if (count % 3 == 1 && threes > 0) {
                threes--; // 3 + 1 panels as 2 + 2: no panel streams alone (960->240 one stream: 15-20 % slower)
            }
            int p = pFrom;
            for (int g = 0; g < threes; g++, p += 3) {
                tile1x3(a, aOff, c, cOff, p);
            }
            for (; p + 2 <= pTo; p += 2) {
                tile1x2(a, aOff, c, cOff, p);
            }
            if (p < pTo) {
                // A range of one panel. A lone partial one goes vector by vector, reading only the vectors that exist
                // (a one-pass tile read the zero padding too: V3-large's 72->24 squeeze FC 1.0-1.3 -> 1.4-1.7 us).
                if (p < n / NR) {
                    tile1(a, aOff, c, cOff, p, 0, k);
                } else {
                    tile1Partial(a, aOff, c, cOff, p, 0, k);
                }
            }
        }

        /** {@link #tile1x3} for two panels, the second possibly the partial one. */
        private void tile1x2(float[] a, int aOff, float[] c, int cOff, int p) {
            final int kk = k, col = p * NR, c0 = cOff + col;
            final long tail = Lanes.firstNBits((n - col - NR) % L); // as in tile1x3, for the second panel
            FloatVector c00 = FloatVector.fromArray(S, bias, col), c01 = FloatVector.fromArray(S, bias, col + L);
            FloatVector c02 = FloatVector.fromArray(S, bias, col + 2 * L), c03 = FloatVector.fromArray(S, bias, col + 3 * L);
            FloatVector c10 = FloatVector.fromArray(S, bias, col + NR), c11 = FloatVector.fromArray(S, bias, col + NR + L);
            FloatVector c12 = FloatVector.fromArray(S, bias, col + NR + 2 * L), c13 = FloatVector.fromArray(S, bias, col + NR + 3 * L);
            int bi = wo + p * kk * NR, bj = bi + kk * NR;
            for (int i = 0; i < kk; i++, bi += NR, bj += NR) {
                FloatVector x = IntVector.broadcast(SI, Float.floatToRawIntBits(a[aOff + i])).reinterpretAsFloats();
                c00 = FloatVector.fromArray(S, packed, bi).fma(x, c00);
                c01 = FloatVector.fromArray(S, packed, bi + L).fma(x, c01);
                c02 = FloatVector.fromArray(S, packed, bi + 2 * L).fma(x, c02);
                c03 = FloatVector.fromArray(S, packed, bi + 3 * L).fma(x, c03);
                c10 = FloatVector.fromArray(S, packed, bj).fma(x, c10);
                c11 = FloatVector.fromArray(S, packed, bj + L).fma(x, c11);
                c12 = FloatVector.fromArray(S, packed, bj + 2 * L).fma(x, c12);
                c13 = FloatVector.fromArray(S, packed, bj + 3 * L).fma(x, c13);
            }
            FloatVector lo = FloatVector.broadcast(S, tileLo), hi = FloatVector.broadcast(S, tileHi);
            int cl = clampKind;
            if (cl != 0) {
                c00 = c00.blend(lo, c00.compare(LE, lo)); c01 = c01.blend(lo, c01.compare(LE, lo));
                c02 = c02.blend(lo, c02.compare(LE, lo)); c03 = c03.blend(lo, c03.compare(LE, lo));
                c10 = c10.blend(lo, c10.compare(LE, lo)); c11 = c11.blend(lo, c11.compare(LE, lo));
                c12 = c12.blend(lo, c12.compare(LE, lo)); c13 = c13.blend(lo, c13.compare(LE, lo));
                if (cl == 2) {
                    c00 = c00.blend(hi, c00.compare(GE, hi)); c01 = c01.blend(hi, c01.compare(GE, hi));
                    c02 = c02.blend(hi, c02.compare(GE, hi)); c03 = c03.blend(hi, c03.compare(GE, hi));
                    c10 = c10.blend(hi, c10.compare(GE, hi)); c11 = c11.blend(hi, c11.compare(GE, hi));
                    c12 = c12.blend(hi, c12.compare(GE, hi)); c13 = c13.blend(hi, c13.compare(GE, hi));
                }
            }
            c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L); c03.intoArray(c, c0 + 3 * L);
            // The second panel's vectors up to Cout: whole ones plain, the one Cout ends inside masked.
            int q = c0 + NR, end = cOff + n;
            if (q + L <= end) c10.intoArray(c, q); else if (q < end) c10.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c11.intoArray(c, q); else if (q < end) c11.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c12.intoArray(c, q); else if (q < end) c12.intoArray(c, q, VectorMask.fromLong(S, tail));
            q += L;
            if (q + L <= end) c13.intoArray(c, q); else if (q < end) c13.intoArray(c, q, VectorMask.fromLong(S, tail));
        }

        /**
         * One pixel of the last panel, which the output row ends inside (Cout not a multiple of NR):
         * vector by vector, masked to the channels that exist. Every element gets the same FMA chain
         * as in the full tiles.
         */
        private void tile1Partial(float[] a, int aOff, float[] c, int cOff, int p, int k0, int k1) {
            boolean last = k1 == k;
            FloatVector lo = FloatVector.broadcast(S, last ? tileLo : Float.NEGATIVE_INFINITY);
            FloatVector hi = FloatVector.broadcast(S, last ? tileHi : Float.POSITIVE_INFINITY);
            int cl = last ? clampKind : 0;
            for (int j = p * NR; j < n; j += L) {
                // Masks only on the last vector: a masked access in a hot loop that C2 cannot prove in
                // range made it box every vector of the method (measured: 10 KB per inference, v1 0.25).
                boolean whole = j + L <= n;
                VectorMask<Float> m = VectorMask.fromLong(S, Lanes.firstNBits(n - j));
                FloatVector acc;
                if (k0 == 0) {
                    acc = FloatVector.fromArray(S, bias, j);
                } else if (whole) {
                    acc = FloatVector.fromArray(S, c, cOff + j);
                } else {
                    acc = FloatVector.fromArray(S, c, cOff + j, m);
                }
                int bi = wo + (p * k + k0) * NR + (j - p * NR);
                for (int i = k0; i < k1; i++, bi += NR) {
                    acc = FloatVector.fromArray(S, packed, bi).fma(IntVector.broadcast(SI, Float.floatToRawIntBits(a[aOff + i])).reinterpretAsFloats(),
                            acc);
                }
                if (cl != 0) {
                    acc = acc.blend(lo, acc.compare(LE, lo));
                    if (cl == 2) {
                        acc = acc.blend(hi, acc.compare(GE, hi));
                    }
                }
                if (whole) {
                    acc.intoArray(c, cOff + j);
                } else {
                    acc.intoArray(c, cOff + j, m);
                }
            }
        }
    }
}
