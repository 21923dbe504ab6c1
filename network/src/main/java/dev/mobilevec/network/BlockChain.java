package dev.mobilevec.network;

import dev.mobilevec.kernels.PreparedConv;
import java.nio.file.Path;

/**
 * A depthwise-separable block run band by band ({@link Session}): an optional layer before the depthwise one that
 * only feeds it (MobileNetV2's expansion, or the first 3x3 convolution), the depthwise layer, and the 1x1 projection
 * that only reads it (with the residual add fused into it when there is one). Bands are rows of the depthwise
 * output; each band's expanded rows and depthwise rows are read back right after they are written, while they are
 * still in L2, instead of after the whole tensor (MobileNetV2's first expansion writes 4.8 MB, more than L2) has
 * gone out to memory and come back.
 *
 * <p>The band height comes from a model of the bytes a band touches: per depthwise output row, stride x W_in x C
 * expanded floats and W_out x C depthwise floats, kept within half of L2 (the other half holds the weights and the
 * projection's output). L2 is read from sysfs ({@code /sys/devices/system/cpu/cpu0/cache}), 1 MiB when unknown;
 * {@code -Dmobilevec.l2Bytes=N} overrides it.
 *
 * <p>A block can also end at its depthwise layer ({@code project} -1): the layer before lives in a window and the
 * depthwise layer writes its output band by band into the arena. A squeeze-excitation block's depthwise output is
 * read whole twice (the pooled mean, then the scaling), so those blocks fuse this way; on v1 it keeps block1.pw's
 * 112x112x64 output (3.2 MB) in windows as block1.pw > block2.dw, where block2.dw had read it back from L3. The
 * "projection units" of such a block are the depthwise rows, so the steps and the parts of a layer-parallel run are
 * cut the same way.
 *
 * @param expand the layer before the depthwise one, or -1
 * @param project the 1x1 projection, or -1 (the depthwise output goes whole to the arena)
 * @param bandRows depthwise output rows per band
 * @param projectGrain projection units a band's range is a multiple of where it can be (see whole)
 */
record BlockChain(int expand, int depthwise, int project, int outH, int outW, int inH, int inW, int kH, int strideH, int padTop,
                  int bandRows, int expandPixelsPerUnit, int expandUnits, int projectPixelsPerUnit, int projectUnits, int projectGrain) {

    static final long L2_BYTES = l2Bytes();

    private static long l2Bytes() {
        String p = System.getProperty("mobilevec.l2Bytes");
        if (p != null) {
            try {
                long v = Long.parseLong(p.trim());
                if (v >= 4096) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the error
            }
            throw new IllegalArgumentException("-Dmobilevec.l2Bytes must be a byte count >= 4096, got '" + p + "'");
        }
        return MachineFingerprint.cacheSizes(Path.of("/sys/devices/system/cpu/cpu0/cache")).getOrDefault("L2", 1L << 20);
    }

    int first() {
        return expand >= 0 ? expand : depthwise;
    }

    /** The block's last layer: the projection, or the depthwise layer when the block has none. */
    int last() {
        return project >= 0 ? project : depthwise;
    }

    /** Whether the depthwise output lives in a band window (false: it is written whole to the arena). */
    boolean windowsDepthwise() {
        return project >= 0;
    }

    /** Expansion units needed before depthwise rows [.., y1) of image n can run (all of them after the last band). */
    int expandUnitsFor(int n, int y1, int batch) {
        if (n == batch - 1 && y1 == outH) {
            return expandUnits;
        }
        int rowHi = Math.min(inH - 1, (y1 - 1) * strideH - padTop + kH - 1);
        long pixels = ((long) n * inH + rowHi + 1) * inW;
        return (int) Math.min(expandUnits, (pixels + expandPixelsPerUnit - 1) / expandPixelsPerUnit);
    }

    /** Projection units whose pixels are complete once depthwise rows [.., y1) of image n are (all after the last band). */
    int projectUnitsFor(int n, int y1, int batch) {
        if (n == batch - 1 && y1 == outH) {
            return projectUnits;
        }
        return (int) Math.min(projectUnits, ((long) n * outH + y1) * outW / projectPixelsPerUnit);
    }

    /** Fields of one band in {@link #steps}: what to keep of each window, and the unit ranges to run. */
    static final int E_KEEP = 0, E_FROM = 1, E_TO = 2, D_FROM = 3, D_TO = 4, P_FROM = 5, P_TO = 6, STEP = 7;

    /**
     * The bands for {@code batch} images, {@link #STEP} ints each: E_KEEP, the first expanded pixel still needed
     * (earlier ones can leave the window); the expansion units to run; the depthwise rows; the projection units. Made
     * once per plan, so running a block allocates nothing.
     */
    int[] steps(int batch) {
        return steps(batch, 0, projectUnits);
    }

    /**
     * The bands that produce projection units [uFrom, uTo) and only those: one thread's part of the block. The part
     * computes the depthwise rows that hold its units' pixels and the expansion units those rows read, so parts that
     * meet inside a row or a window's halo both compute the rows there (each into its own windows, with the same
     * kernels, so with the same bits); every projection unit is written by exactly one part. The whole range gives the
     * bands of one thread.
     */
    int[] steps(int batch, int uFrom, int uTo) {
        if (uTo <= uFrom) {
            return new int[0];
        }
        int rows = batch * outH;
        int r0 = (int) ((long) uFrom * projectPixelsPerUnit / outW);
        int r1 = (int) Math.min(rows, ((long) uTo * projectPixelsPerUnit + outW - 1) / outW);
        int bands = 0;
        for (int g = r0; g < r1; bands++) {
            g = bandEnd(g, r1);
        }
        int[] s = new int[bands * STEP];
        int eDone = expand >= 0 ? (int) (firstExpanded(r0) / expandPixelsPerUnit) : 0, pDone = uFrom, k = 0;
        for (int g = r0; g < r1; k += STEP) {
            int g1 = bandEnd(g, r1), n = g / outH, y0 = g % outH, y1 = y0 + (g1 - g);
            s[k + E_KEEP] = (int) firstExpanded(g);
            int eTo = expand >= 0 ? Math.max(eDone, expandUnitsFor(n, y1, batch)) : 0;
            s[k + E_FROM] = eDone;
            s[k + E_TO] = eTo;
            eDone = eTo;
            s[k + D_FROM] = g;
            s[k + D_TO] = g1;
            int pTo = g1 == r1 ? uTo : Math.min(uTo, Math.max(pDone, whole(uFrom, projectUnitsFor(n, y1, batch))));
            s[k + P_FROM] = pDone;
            s[k + P_TO] = pTo;
            pDone = pTo;
            g = g1;
        }
        return s;
    }

    /**
     * The bands {@code s} (a {@link #steps} list) cut into at most {@code n} runs of whole bands, as even as the band
     * count allows: run after run on one thread, with the windows carried from each to the next, they are the bands
     * of s. None for no bands.
     */
    static int[][] chunks(int[] s, int n) {
        int bands = s.length / STEP, count = Math.min(bands, n);
        int[][] out = new int[count][];
        for (int c = 0; c < count; c++) {
            out[c] = java.util.Arrays.copyOfRange(s, bands * c / count * STEP, bands * (c + 1) / count * STEP);
        }
        return out;
    }

    /**
     * Projection units [uFrom, u) cut back to a multiple of projectGrain, the units the 1x1 kernel runs best in
     * ({@link PreparedConv#blocksPerCall}: whole row tiles), so a band's range but a part's last holds no tile moved
     * back over rows it already did. Bands of whole rows left a remainder in most ranges: a 14-wide band of 4 rows is
     * 56 pixels, nine 6-pixel tiles and a tenth moved back over 4 of them, 7 % more FMAs in every 14x14 projection.
     * The pixels held back wait in the depthwise window for the next band (windowPixels counts them).
     */
    private int whole(int uFrom, int u) {
        return u <= uFrom ? u : uFrom + (u - uFrom) / projectGrain * projectGrain;
    }

    /** The end of the band that starts at depthwise row g (n * outH + y): bandRows on, within its image and r1. */
    private int bandEnd(int g, int r1) {
        int imageEnd = (g / outH + 1) * outH, y0 = g % outH;
        // Bands keep the one-thread grid (multiples of bandRows from each image's top), so parts cut bands, not shift them.
        int gridEnd = g - y0 + (y0 / bandRows + 1) * bandRows;
        return Math.min(Math.min(gridEnd, imageEnd), r1);
    }

    /** The first expanded (depthwise input) pixel that depthwise row g (n * outH + y) reads. */
    private long firstExpanded(int g) {
        int n = g / outH, y = g % outH;
        int rowLo = Math.max(0, Math.min(inH, y * strideH - padTop));
        return ((long) n * inH + rowLo) * inW;
    }

    /**
     * The largest windows the bands {@code s} ({@link #steps}, whole or one part's) need, in pixels: {expanded,
     * depthwise}. Mirrors the sliding in Session's block runner: a window keeps from the first pixel still needed to
     * the last one computed.
     */
    long[] windowPixels(int[] s, int batch) {
        if (s.length == 0) {
            return new long[] {0, 0};
        }
        long eTotal = (long) batch * inH * inW, maxE = 0, maxD = 0;
        long eBase = (long) s[E_FROM] * expandPixelsPerUnit, eEnd = eBase, dBase = (long) s[D_FROM] * outW, dEnd = dBase;
        for (int k = 0; k < s.length; k += STEP) {
            if (expand >= 0) {
                eBase = Math.max(eBase, Math.min(s[k + E_KEEP], eEnd));
                eEnd = Math.max(eEnd, Math.min(eTotal, (long) s[k + E_TO] * expandPixelsPerUnit));
                maxE = Math.max(maxE, eEnd - eBase);
            }
            dBase = Math.max(dBase, Math.min((long) s[k + P_FROM] * projectPixelsPerUnit, dEnd));
            dEnd = (long) s[k + D_TO] * outW;
            maxD = Math.max(maxD, dEnd - dBase);
        }
        return new long[] {maxE, maxD};
    }

    String describe(LayerDef[] layers) {
        return (expand >= 0 ? layers[expand].name() + " > " : "") + layers[depthwise].name()
                + (project >= 0 ? " > " + layers[project].name() : "") + ", bands of " + bandRows + " of " + outH + " rows"
                + (project >= 0 ? "" : " (depthwise output whole)");
    }

    /**
     * The blocks of a plan for {@code batch} images, indexed by their first layer. {@code bandRows} > 0 fixes the
     * band height (tests); 0 takes it from L2.
     *
     * <p>Every depthwise layer with a 1x1 projection after it is a candidate twice: with the layer before it (when
     * that only feeds it) and without; every depthwise layer is also a candidate with the layer before it and no
     * projection (its output written whole). Candidates are runs of adjacent layers, and a layer can be in one block
     * only, so the blocks are chosen as a weighted interval schedule over the layer table: the set that keeps the most
     * bytes out of the arena (a block with a projection keeps its depthwise output; a layer before keeps its output
     * too). On MobileNetV2-style tables (expand, depthwise, project per block) that is every block with its
     * expansion, as a greedy pass found, and squeeze-excitation blocks as expansion > depthwise; on v1 (depthwise,
     * pointwise per block) a pointwise output, which feeds the next block's depthwise layer, can be that block's first
     * layer instead of its own block's last: v1 1.0-224 runs conv0 > block1.dw, block1.pw > block2.dw, block2.pw >
     * block3.dw > block3.pw, block4.pw > block5.dw > block5.pw, so the 112x112x64 block1.pw output (3.2 MB) stays in
     * band windows.
     */
    static BlockChain[] find(Model model, LayerDef[] layers, int batch, int bandRows) {
        int n = layers.length;
        int[] consumers = new int[n];
        for (LayerDef l : layers) {
            if (l.input() >= 0) {
                consumers[l.input()]++;
            }
            if (l.input2() >= 0) {
                consumers[l.input2()]++;
            }
        }
        // best[x]: the most bytes kept out of the arena by blocks within layers [0, x); pick[x]: the block ending at
        // layer x - 1 that achieves it, or null.
        long[] best = new long[n + 1];
        BlockChain[] pick = new BlockChain[n + 1];
        for (int x = 1; x <= n; x++) {
            best[x] = best[x - 1];
            // Layer before > depthwise ending at layer x - 1, the depthwise output written whole: only the layer
            // before's output leaves the arena. Squeeze-excitation blocks (the depthwise output read whole by the
            // pooling and the scaling) can only fuse this way; on v1 it lets a pointwise output stay in windows
            // where that pointwise layer is already the projection of the block before.
            int j = x - 1;
            if (layers[j].type() == LayerType.DEPTHWISE && windowableDepthwise(model, layers[j], j, batch)) {
                int e = layers[j].input();
                if (expandsInto(model, layers, consumers, batch, e, j)) {
                    long kept = (long) batch * layers[e].outputLength();
                    if (best[e] + kept > best[x]) {
                        best[x] = best[e] + kept;
                        pick[x] = chain(model, layers, batch, bandRows, e, j, false);
                    }
                }
            }
            int i = x - 2; // a block ending at layer x - 1 has its depthwise layer at x - 2
            if (i < 0) {
                continue;
            }
            LayerDef d = layers[i], p = layers[i + 1];
            PreparedConv pp = model.conv(i + 1);
            if (d.type() != LayerType.DEPTHWISE || !windowableDepthwise(model, d, i, batch)
                    || p.type() != LayerType.POINTWISE || pp == null || !pp.runsWindows() || p.input() != i || p.input2() >= 0
                    || consumers[i] != 1 || pp.pixelsPerUnit(batch) <= 0 || p.outH() != d.outH() || p.outW() != d.outW()) {
                continue;
            }
            long kept = (long) batch * d.outputLength();
            BlockChain without = chain(model, layers, batch, bandRows, -1, i, true);
            if (best[i] + kept > best[x]) {
                best[x] = best[i] + kept;
                pick[x] = without;
            }
            int e = d.input();
            if (expandsInto(model, layers, consumers, batch, e, i)) {
                long keptWith = kept + (long) batch * layers[e].outputLength();
                if (best[e] + keptWith > best[x]) {
                    best[x] = best[e] + keptWith;
                    pick[x] = chain(model, layers, batch, bandRows, e, i, true);
                }
            }
        }
        BlockChain[] at = new BlockChain[n];
        for (int x = n; x > 0; ) {
            BlockChain c = pick[x];
            if (c != null && best[x] != best[x - 1]) {
                at[c.first()] = c;
                x = c.first();
            } else {
                x--;
            }
        }
        return at;
    }

    /** Depthwise layer i runs by output rows through windows. */
    private static boolean windowableDepthwise(Model model, LayerDef d, int i, int batch) {
        PreparedConv pd = model.conv(i);
        return pd != null && pd.runsWindows() && pd.pixelsPerUnit(batch) == d.outW();
    }

    /** Layer e, right before depthwise layer i, only feeds it and runs by pixel blocks through windows. */
    private static boolean expandsInto(Model model, LayerDef[] layers, int[] consumers, int batch, int e, int i) {
        PreparedConv pe = e >= 0 ? model.conv(e) : null;
        LayerDef d = layers[i];
        return e == i - 1 && pe != null && pe.runsWindows() && consumers[e] == 1 && pe.pixelsPerUnit(batch) > 0
                && (layers[e].type() == LayerType.POINTWISE || layers[e].type() == LayerType.CONV3X3)
                && layers[e].outH() == d.inH() && layers[e].outW() == d.inW();
    }

    /**
     * The block of depthwise layer i, with its projection i + 1 when {@code projected} (else its output goes whole to
     * the arena, in row units) and, when e >= 0, layer e before it.
     */
    private static BlockChain chain(Model model, LayerDef[] layers, int batch, int bandRows, int e, int i, boolean projected) {
        LayerDef d = layers[i];
        PreparedConv pd = model.conv(i), pp = projected ? model.conv(i + 1) : null, pe = e >= 0 ? model.conv(e) : null;
        var spec = pd.spec();
        int rows = bandRows > 0 ? bandRows : autoBandRows(spec.strideH() * d.inW() * d.inC() + d.outW() * d.outC());
        return new BlockChain(e, i, projected ? i + 1 : -1, d.outH(), d.outW(), d.inH(), d.inW(), spec.kH(), spec.strideH(),
                spec.padTop(), Math.min(rows, d.outH()), e >= 0 ? pe.pixelsPerUnit(batch) : 1, e >= 0 ? pe.workUnits(batch) : 0,
                projected ? pp.pixelsPerUnit(batch) : d.outW(), projected ? pp.workUnits(batch) : batch * d.outH(),
                projected ? Math.max(1, pp.unitBlock(batch) * pp.blocksPerCall(batch)) : 1);
    }

    /** Rows whose bands, at {@code floatsPerRow} floats a row, fill half of L2; at least 1. */
    static int autoBandRows(long floatsPerRow) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, L2_BYTES / 2 / (4 * Math.max(1, floatsPerRow))));
    }
}
