package dev.mobilevec.kernels;

import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PointwiseGemmTest extends ConvKernelContract {

    @Override
    Conv2dKernel kernel() {
        return PointwiseGemm.INSTANCE;
    }

    @Override
    Gen<ConvCase> cases() {
        return ConvCase.pointwise();
    }

    @Override
    ConvSpec typicalSpec() {
        return ConvSpec.pointwise(5, 3, 2 * ConvCase.L + 1, PointwiseGemm.NR + 3);
    }

    /**
     * The fused residual add gives exactly the bits of the convolution followed by the add (with any
     * activation after it), for any split of the work units, and leaves the residual untouched.
     */
    @Test
    void fusedResidualAddEqualsConvolutionThenAddBitwise() {
        Gen<Integer> cut = org.quicktheories.generators.Generate.range(0, 1 << 20);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), ConvCase.activations(), cut).checkAssert((c, after, k) -> {
            float[] in = c.input(), w = c.weights(), b = c.bias();
            PreparedConv p = kernel().prepare(c.spec(), w, b, Activation.NONE);
            float[] conv = run(p, c.batch(), in);
            float[] res = Values.MIXED.array(new java.util.SplittableRandom(c.seed() + 5), conv.length);
            float[] expected = new float[conv.length];
            ReferenceTensorOps.INSTANCE.add(conv.length, conv, 0, res, 0, expected, 0, after);
            int units = p.workUnits(c.batch()), mid = k % (units + 1);
            float[] got = new float[conv.length + 3];
            float[] resCopy = java.util.Arrays.copyOf(res, res.length + 2);
            p.runResidual(c.batch(), in, 0, got, 3, 0, mid, resCopy, 0, after);
            p.runResidual(c.batch(), in, 0, got, 3, mid, units, resCopy, 0, after);
            Bounds.assertBitwise(expected, java.util.Arrays.copyOfRange(got, 3, got.length), "fused residual, split at " + mid + " of " + c);
            Bounds.assertBitwise(java.util.Arrays.copyOf(res, res.length + 2), resCopy, "residual untouched");
        });
    }

    @Test
    void fusedResidualRejectsBadArguments() {
        ConvSpec s = typicalSpec();
        float[] w = new float[s.weightLength()], in = new float[s.inputLength(1)], out = new float[s.outputLength(1)];
        PreparedConv relu = kernel().prepare(s, w, null, Activation.RELU);
        assertRejected("NONE", () -> relu.runResidual(1, in, 0, out, 0, 0, relu.workUnits(1), new float[out.length], 0, Activation.NONE));
        PreparedConv p = kernel().prepare(s, w, null, Activation.NONE);
        assertRejected("residual", () -> p.runResidual(1, in, 0, out, 0, 0, p.workUnits(1), new float[out.length - 1], 0, Activation.NONE));
        assertRejected("in place", () -> p.runResidual(1, in, 0, out, 0, 0, p.workUnits(1), out, 0, Activation.NONE));
        assertRejected("null", () -> p.runResidual(1, in, 0, out, 0, 0, p.workUnits(1), new float[out.length], 0, null));
        // The residual may be the input (conv(x) + x, same shape when Cin = Cout): allowed, both are read-only.
        ConvSpec sq = ConvSpec.pointwise(3, 4, 5, 5);
        float[] x = Values.MIXED.array(new java.util.SplittableRandom(3), sq.inputLength(1));
        PreparedConv q = kernel().prepare(sq, Values.MIXED.array(new java.util.SplittableRandom(4), sq.weightLength()), null, Activation.NONE);
        float[] y = new float[x.length], expected = new float[x.length];
        q.runResidual(1, x, 0, y, 0, 0, q.workUnits(1), x, 0, Activation.RELU);
        ReferenceTensorOps.INSTANCE.add(x.length, run(q, 1, x), 0, x, 0, expected, 0, Activation.RELU);
        Bounds.assertBitwise(expected, y, "residual = input");
        PreparedConv ref = ReferenceConv2d.INSTANCE.prepare(s, w, null, Activation.NONE);
        org.junit.jupiter.api.Assertions.assertFalse(ref.fusesResidual());
    }

    /**
     * Cout split in two gives the whole layer's bits, since every tile runs the same chain per element, except where a
     * half (or the whole) takes the k-pair path (PointwiseGemm.kPairs), whose chains split even and odd k: there each
     * part is held to the reference bound instead.
     */
    @Test
    void outputChannelsComputedInTwoHalvesConcatenateToTheWhole() {
        qt().withExamples(EXAMPLES / 3).forAll(cases()).checkAssert(c -> {
            ConvSpec s = c.spec();
            if (s.outC() < 2) {
                return;
            }
            int half = s.outC() / 2, rest = s.outC() - half, k = s.inC(), px = s.inH() * s.inW();
            if (PointwiseGemm.kPairs(half, k, px) || PointwiseGemm.kPairs(rest, k, px) || PointwiseGemm.kPairs(s.outC(), k, px)) {
                assertMatchesReference(c.with(ConvSpec.pointwise(s.inH(), s.inW(), k, half)));
                assertMatchesReference(c.with(ConvSpec.pointwise(s.inH(), s.inW(), k, rest)));
                return;
            }
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] whole = fast(c, in, w, b);
            ConvCase first = c.with(ConvSpec.pointwise(s.inH(), s.inW(), k, half));
            ConvCase second = c.with(ConvSpec.pointwise(s.inH(), s.inW(), k, rest));
            float[] a = fast(first, in, java.util.Arrays.copyOf(w, half * k), java.util.Arrays.copyOf(b, half));
            float[] z = fast(second, in, java.util.Arrays.copyOfRange(w, half * k, w.length), java.util.Arrays.copyOfRange(b, half, b.length));
            float[] joined = new float[whole.length];
            int pixels = whole.length / s.outC();
            for (int p = 0; p < pixels; p++) {
                System.arraycopy(a, p * half, joined, p * s.outC(), half);
                System.arraycopy(z, p * rest, joined, p * s.outC() + half, rest);
            }
            Bounds.assertBitwise(whole, joined, "Cout split " + half + "+" + rest + " " + c);
        });
    }

    @Test
    void fullyConnectedShapeMatchesReference() {
        // H = W = 1: the classifier layer, with K spanning several K blocks.
        for (int batch = 1; batch <= 3; batch++) {
            ConvSpec s = ConvSpec.pointwise(1, 1, 2 * PointwiseGemm.KC + 17, 2 * PointwiseGemm.NR + 5);
            assertMatchesReference(new ConvCase(s, batch, Activation.NONE, Values.MIXED, 1234 + batch));
        }
    }

    /**
     * One or two pixels (the classifier and squeeze-excitation FCs at batch 1-2): a range's panels go three at a time
     * (tile1x3), then two (tile1x2; four left as two and two) or, for a range of one panel, tile1 or tile1Partial, the
     * partial panel joining a group like a full one
     * (PointwiseGemm.streamPanels). Cout from 0 to 7 full panels plus every kind of remainder (none, one lane, half a
     * vector, one vector, one vector and a lane, three vectors less a lane, a panel less a lane), under a clamp, ReLU6,
     * hard-swish and none: each matches the reference within the bound; every split of the units (one panel each,
     * which regroups the panels) gives the single run's bits; and each image's bits equal those of the same image in a
     * batch of three, which runs the row tiles instead.
     */
    @Test
    void classifierPanelsMatchReferenceForEverySplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH, Activation.RELU);
        int seed = 91;
        for (int fullPanels = 0; fullPanels <= 7; fullPanels++) {
            for (int rem : new int[] {0, 1, l / 2, l, l + 1, 3 * l - 1, nr - 1}) {
                if (rem >= nr || fullPanels * nr + rem == 0) {
                    continue;
                }
                ConvSpec s = ConvSpec.pointwise(1, 1, 2 * l + 3, fullPanels * nr + rem);
                Activation act = acts.get(seed % acts.size());
                ConvCase three = new ConvCase(s, 3, act, Values.MIXED, seed++);
                PreparedConv p = kernel().prepare(s, three.weights(), three.bias(), act);
                float[] inThree = three.input(), outThree = run(p, 3, inThree);
                for (int batch = 1; batch <= 2; batch++) {
                    ConvCase c = new ConvCase(s, batch, act, Values.MIXED, seed);
                    float[] in = java.util.Arrays.copyOf(inThree, s.inputLength(batch));
                    assertMatchesReference(c);
                    float[] whole = run(p, batch, in);
                    Bounds.assertBitwise(java.util.Arrays.copyOf(outThree, whole.length), whole, "batch " + batch + " against batch 3, " + s);
                    int units = p.workUnits(batch);
                    for (int a = 0; a <= units; a++) {
                        for (int b = a; b <= units; b++) {
                            float[] got = new float[whole.length];
                            p.run(batch, in, 0, got, 0, 0, a);
                            p.run(batch, in, 0, got, 0, a, b);
                            p.run(batch, in, 0, got, 0, b, units);
                            Bounds.assertBitwise(whole, got, "split at units " + a + ", " + b + " of " + units + " " + c);
                        }
                    }
                }
            }
        }
    }

    /**
     * With 16 registers a full panel runs 2 pixels at a time (tile2x4) where the K block's panel slice fits L1, the odd
     * pixel through tile1, and a longer K in one block (column-split layers) through the 5 x 2 halves. Every pixel count
     * from 1 to 13 (each remainder modulo 2 and 5) at K around KC, and a row-major layer whose K spans two blocks with an
     * odd pixel left in its last cache chunk: each matches the reference within the bound, and every split of the units
     * gives the single run's bits (splits move which pixels pair up).
     */
    @Test
    void twoPixelPanelTilesMatchReferenceForEveryRowCountAndSplit() {
        int kc = PointwiseGemm.KC;
        for (int k : new int[] {1, 7, kc, kc + 1}) {
            for (int m = 1; m <= 13; m++) {
                ConvSpec s = ConvSpec.pointwise(1, m, k, PointwiseGemm.NR + ConvCase.L + 2);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, m % 2 == 0 ? Activation.RELU6 : Activation.NONE, Values.MIXED, 500 + m * 7 + k), 1);
            }
        }
        for (Activation act : java.util.List.of(Activation.NONE, Activation.RELU6, Activation.clamp(-0.5f, 0.25f))) {
            // 11 x 13 = 143 pixels: 36 row blocks (row-major units), chunks of MC = 96 and 47 pixels.
            ConvSpec s = ConvSpec.pointwise(11, 13, kc + 3, 2 * PointwiseGemm.NR);
            assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, act, Values.MIXED, 611), 1);
        }
    }

    /**
     * With 16 registers, full panels whose whole K (HALVES_MIN_K to KC) is one block run as two 6-pixel half-panel
     * tiles, up to HALVES_LEFT_OVER rows left in a chunk through the 2-pixel tile (and tile1), more through one more
     * pair moved back; chunks under 6 rows go to the 2-pixel tile. Row-major (12 x 12, 12 x 13 and 11 x 13 pixels:
     * chunks of 96 and 47-60, cut at every unit, so every left-over count) and column-split (1-13
     * pixels) layers, K at both ends of the range and one below it, Cout with a partial panel after the full ones:
     * the reference within the bound, every split bitwise. Column-split layers at HALVES_MAX_K and one past it (the
     * 5 x 2 halves) with 6 to 13 pixels, at 7 x 7 (MNASNet 1.0's projections) and with the fused residual add.
     */
    @Test
    void halfPanelTilesMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH);
        for (int kk : new int[] {PointwiseGemm.HALVES_MIN_K - 1, PointwiseGemm.HALVES_MIN_K, PointwiseGemm.KC}) {
            for (int w = 12; w <= 13; w++) {
                ConvSpec s = ConvSpec.pointwise(12, w, kk, 2 * nr + l + 3);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get((kk + w) % 3), Values.MIXED, 1300 + kk + w), 1);
            }
            // 143 pixels: the ranges from a cut to the end hold odd pixel counts, so every count left over after the
            // whole 6-pixel tiles (0-5: tile2x4 pairs, a tile1, or the moved-back pair at HALVES_LEFT_OVER + 1).
            ConvSpec odd = ConvSpec.pointwise(11, 13, kk, 2 * nr);
            assertEverySplitGivesTheWholeRun(new ConvCase(odd, 1, acts.get(kk % 3), Values.MIXED, 1350 + kk), 1);
            for (int m = 1; m <= 13; m += 3) {
                ConvSpec s = ConvSpec.pointwise(1, m, kk, 3 * nr);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get(m % 3), Values.MIXED, 1400 + kk + m), 1);
            }
        }
        for (int kk : new int[] {PointwiseGemm.HALVES_MAX_K, PointwiseGemm.HALVES_MAX_K + 1}) {
            for (int m = 6; m <= 13; m += 7) {
                ConvSpec s = ConvSpec.pointwise(1, m, kk, 2 * nr + l);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get(m % 3), Values.MIXED, 1450 + kk + m), 1);
            }
            ConvCase c = new ConvCase(ConvSpec.pointwise(7, 7, kk, 2 * nr), 1, Activation.NONE, Values.MIXED, 1470 + kk);
            assertEverySplitGivesTheWholeRun(c, 1);
            assertFusedResidualIsConvolutionThenAdd(c);
        }
    }

    /**
     * A partial panel of three vectors (the third whole or masked) runs 3 pixels at a time with 16 registers (tile3x3),
     * the missing rows of a short group repeating the last; a chunk of one or two pixels goes pixel by pixel. Pixel
     * counts 1 to 8 (each remainder modulo 3 and 6), alone and after a full panel, and row-major layers too (100
     * pixels, batch 2): the reference within the bound, every split bitwise. K = 8 (tile3x3's copy with K a literal)
     * and one either side at 3 to 7 pixels and 10 x 10 at batch 2, with the fused residual add.
     */
    @Test
    void threeVectorPartialPanelsMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH);
        for (int cout : new int[] {2 * l + 1, 3 * l - 1, 3 * l, nr + 3 * l}) {
            for (int m = 1; m <= 8; m++) {
                ConvSpec s = ConvSpec.pointwise(m, 1, 5 + m, cout);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get(m % 3), Values.MIXED, 700 + 13 * m + cout), 1);
            }
            ConvSpec s = ConvSpec.pointwise(10, 10, 37, cout);
            assertEverySplitGivesTheWholeRun(new ConvCase(s, 2, acts.get(cout % 3), Values.MIXED, 800 + cout), 3);
            for (int kk = 7; kk <= 9; kk++) {
                for (int m = 3; m <= 7; m++) {
                    ConvCase c = new ConvCase(ConvSpec.pointwise(1, m, kk, cout), 1, acts.get((m + kk) % 3), Values.MIXED, 850 + 11 * m + kk + cout);
                    assertEverySplitGivesTheWholeRun(c, 1);
                }
                ConvCase c = new ConvCase(ConvSpec.pointwise(10, 10, kk, cout), 2, acts.get((kk + cout) % 3), Values.MIXED, 900 + kk + cout);
                assertEverySplitGivesTheWholeRun(c, 3);
                assertFusedResidualIsConvolutionThenAdd(c);
            }
        }
    }

    /**
     * A last vector at most half full, two pixels per vector with 32 registers (tile8x1Pair, tile8x2Pair): Cout L/2
     * (the smallest paired; L/2 - 1 is not), L + 1 and L + L/2 (after a whole vector in the same tile: 24 at 512 bits),
     * 2L + L/2 (40: after a whole-vector tile), NR + L/2 and NR + L + 1 (after a full panel: 72), and L + L/2 + 1 (not
     * paired), with the clamps and the gated activation; 7 to 17 pixels (no 8-pixel tile, one, one plus 1-7 rows for the
     * smaller tiles, two) and 10 x 10 at batch 2 (200 pixels: 96-pixel chunks and a rest), K odd and even: the reference within the bound, every
     * split bitwise, and the fused residual add.
     */
    @Test
    void halfFullLastVectorsMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR, h = Math.max(1, l / 2);
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int cout : new int[] {h - 1, h, l + 1, l + h, 2 * l + h, nr + h, nr + l + 1, l + h + 1}) {
            if (cout < 1) {
                continue;
            }
            for (int m = 7; m <= 17; m++) {
                ConvSpec s = ConvSpec.pointwise(1, m, 3 + m % 2, cout);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get(m % 4), Values.MIXED, 1500 + 19 * m + cout), 1);
            }
            ConvSpec s = ConvSpec.pointwise(10, 10, 24, cout);
            assertEverySplitGivesTheWholeRun(new ConvCase(s, 2, acts.get(cout % 4), Values.MIXED, 1600 + cout), 5);
            assertFusedResidualIsConvolutionThenAdd(new ConvCase(s, 2, Activation.NONE, Values.MIXED, 1700 + cout));
        }
    }

    /**
     * Two k's per vector (PointwiseGemm.kPairs: Cout = L/2 and K = KPAIR_K, 512 bits with 32 registers; elsewhere the
     * same shapes take the pair or partial tiles and the test still holds): 1 to 11 pixels (pairs and an odd last
     * pixel), 10 x 10 at batch 2 and 7 x 7 at batch 3 (96-pixel chunks, odd chunk ends), every activation, K one
     * either side: the reference within the bound, every split bitwise, the fused residual add, and a pixel's bits
     * independent of its position (the same pixels one row later, so pairs become odd ones and back), and the sign of
     * an exactly-zero sum (ConvKernelContract.assertZerosKeepTheSign). A 1 x 1 layer (a
     * squeeze-excitation FC) takes the ordinary tiles, at every batch.
     */
    @Test
    void kPairLayersMatchReferenceForEveryRowCountSplitAndPosition() {
        int h = Math.max(1, ConvCase.L / 2), kk = PointwiseGemm.KPAIR_K;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int k : new int[] {kk - 1, kk, kk + 1}) {
            for (int m = 1; m <= 11; m++) {
                ConvCase c = new ConvCase(ConvSpec.pointwise(1, m, k, h), 1, acts.get(m % 4), Values.MIXED, 2100 + 31 * m + k);
                assertEverySplitGivesTheWholeRun(c, 1);
                if (m > 1) {
                    // One pixel per image never takes the k-pair path (PointwiseGemm.kPairs), so 1 x 1 and 1 x 2 differ.
                    assertPixelBitsIndependentOfPosition(c);
                }
                // The odd-k chains start from -0.0: from +0.0 a sum of -0.0 came out +0.0 (CI, seed 70243615196001).
                assertZerosKeepTheSign(c, Activation.NONE);
                assertZerosKeepTheSign(c, Activation.clamp(-0f, 1f));
            }
            ConvSpec s = ConvSpec.pointwise(10, 10, k, h);
            assertEverySplitGivesTheWholeRun(new ConvCase(s, 2, acts.get(k % 4), Values.MIXED, 2200 + k), 3);
            assertEverySplitGivesTheWholeRun(new ConvCase(ConvSpec.pointwise(7, 7, k, h), 3, acts.get((k + 1) % 4), Values.MIXED, 2300 + k), 1);
            assertFusedResidualIsConvolutionThenAdd(new ConvCase(s, 2, Activation.NONE, Values.MIXED, 2400 + k));
        }
        org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL && ConvCase.L >= 16, PointwiseGemm.kPairs(h, kk, 2),
                "the k-pair path is on exactly at 512 bits with 32 registers");
        org.junit.jupiter.api.Assertions.assertFalse(PointwiseGemm.kPairs(h, kk, 1), "never for one pixel per image");
    }

    /**
     * The 16-pixel tiles (PointwiseGemm.tile16: Cout = L at K = 16, 24, 32 or 48, whole vectors at K = 16 where 512-bit
     * FMAs are at half rate, which PointwiseGemmOtherFmaRateTest runs on a machine of the other kind; with 32 registers; each K a copy with K a literal, run vector column by vector column over full and partial panels): for Cout = L, row
     * counts 1 to 40 (no 16-pixel tile, one or two and then the 8-pixel and single-pixel rows); for Cout of 2, 3, 4 (a
     * full panel) and 6 vectors (a panel and two vectors) and one lane more (no 16-pixel tile), rows around 16 and 32;
     * the same K one either side (the tiles they would not take), every activation, every split, batch 3 over 7 x 7
     * (chunks of 96 rows, 16-tiles across image boundaries), the fused residual add, and a pixel's bits independent of
     * its position (one pixel more in front moves every pixel from a 16-tile into a 6- or 8-pixel tile or the
     * reverse), so the 16-pixel chains are the other tiles' chains.
     */
    @Test
    void sixteenPixelTilesMatchReferenceForEveryRowCountSplitAndPosition() {
        int l = ConvCase.L;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int k : new int[] {15, 16, 17, 24, 32, 33, 48}) {
            for (int m : new int[] {1, 7, 8, 15, 16, 17, 23, 24, 31, 32, 33, 40}) {
                ConvCase c = new ConvCase(ConvSpec.pointwise(1, m, k, l), 1, acts.get((m + k) % 4), Values.MIXED, 2600 + 41 * m + k);
                assertEverySplitGivesTheWholeRun(c, 1);
                assertPixelBitsIndependentOfPosition(c);
            }
            // Whole vectors, and a last partial one: two pixels per vector (l + l/2, NR + l/2: V3-small's 72) or masked
            // (3l + 1 lanes at 128 bits, l + l/2 + 1), through the 8-row tail tiles after each 16-row block's columns.
            for (int n : new int[] {2 * l, 3 * l, PointwiseGemm.NR, PointwiseGemm.NR + 2 * l, 3 * l + 1, l + l / 2,
                    PointwiseGemm.NR + l / 2, l + l / 2 + 1}) {
                for (int m : new int[] {15, 16, 17, 33}) {
                    ConvCase c = new ConvCase(ConvSpec.pointwise(1, m, k, n), 1, acts.get((m + n + k) % 4), Values.MIXED, 2650 + 43 * m + n + k);
                    assertEverySplitGivesTheWholeRun(c, 1);
                    assertPixelBitsIndependentOfPosition(c);
                }
            }
            assertEverySplitGivesTheWholeRun(new ConvCase(ConvSpec.pointwise(7, 7, k, l), 3, acts.get(k % 4), Values.MIXED, 2700 + k), 1);
            assertEverySplitGivesTheWholeRun(new ConvCase(ConvSpec.pointwise(7, 7, k, PointwiseGemm.NR + 2 * l), 3, acts.get((k + 1) % 4),
                    Values.MIXED, 2750 + k), 1);
            assertFusedResidualIsConvolutionThenAdd(new ConvCase(ConvSpec.pointwise(6, 9, k, l), 2, Activation.NONE, Values.MIXED, 2800 + k));
            assertFusedResidualIsConvolutionThenAdd(new ConvCase(ConvSpec.pointwise(6, 9, k, 3 * l), 2, Activation.NONE, Values.MIXED, 2850 + k));
        }
        for (boolean half : new boolean[] {false, true}) {
            org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL, PointwiseGemm.tile16(ConvCase.L, 24, half),
                    "the 16-pixel tiles for Cout of one vector are on exactly with 32 registers, at either FMA rate");
            org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL && half, PointwiseGemm.tile16(6 * ConvCase.L, 16, half),
                    "for Cout of several vectors only where 512-bit FMAs are at half rate");
            org.junit.jupiter.api.Assertions.assertFalse(PointwiseGemm.tile16(6 * ConvCase.L, 24, half));
            org.junit.jupiter.api.Assertions.assertFalse(PointwiseGemm.tile16(ConvCase.L, 17, half));
            org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL && half, PointwiseGemm.tile16(2 * ConvCase.L + 1, 16, half));
            org.junit.jupiter.api.Assertions.assertFalse(PointwiseGemm.tile16(ConvCase.L / 2, 16, half));
        }
    }

    /**
     * A k-pair layer keeps one heap segment per input array (PointwiseGemm.Prepared.segment, SEGMENT_SLOTS of them):
     * one prepared layer run in turn over more distinct input arrays than it has slots, twice round, each at two
     * offsets, gives for every array the bits of a layer prepared afresh for it, so a segment is never read for
     * another array, whether found, made, or made after its slot was taken.
     */
    @Test
    void kPairLayerReadsEachInputArrayThroughItsOwnSegment() {
        int h = Math.max(1, ConvCase.L / 2), k = PointwiseGemm.KPAIR_K, arrays = PointwiseGemm.SEGMENT_SLOTS + 3;
        ConvSpec s = ConvSpec.pointwise(7, 9, k, h);
        ConvCase c = new ConvCase(s, 1, Activation.RELU6, Values.MIXED, 2500);
        float[] w = c.weights(), b = c.bias();
        PreparedConv shared = kernel().prepare(s, w, b, c.act());
        java.util.SplittableRandom r = new java.util.SplittableRandom(2501);
        float[][] ins = new float[arrays][];
        for (int i = 0; i < arrays; i++) {
            ins[i] = Values.MIXED.array(r, s.inputLength(1) + 2 * k);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < arrays; i++) {
                int off = (round + i) % 3 * k;
                float[] out = new float[s.outputLength(1)], expected = new float[s.outputLength(1)];
                shared.run(1, ins[i], off, out, 0);
                kernel().prepare(s, w, b, c.act()).run(1, ins[i], off, expected, 0);
                Bounds.assertBitwise(expected, out, "array " + i + " of " + arrays + ", round " + round + ", offset " + off);
            }
        }
    }

    /** A 1 x m layer's output equals, bit for bit, pixels 1..m of the same layer run over one more pixel in front. */
    private void assertPixelBitsIndependentOfPosition(ConvCase c) {
        ConvSpec s = c.spec(), longer = ConvSpec.pointwise(1, s.inW() + 1, s.inC(), s.outC());
        float[] in = c.input(), front = Values.MIXED.array(new java.util.SplittableRandom(c.seed() + 3), s.inC());
        float[] in2 = new float[in.length + s.inC()];
        System.arraycopy(front, 0, in2, 0, front.length);
        System.arraycopy(in, 0, in2, s.inC(), in.length);
        float[] w = c.weights(), b = c.bias();
        float[] alone = run(kernel().prepare(s, w, b, c.act()), 1, in);
        float[] after = run(kernel().prepare(longer, w, b, c.act()), 1, in2);
        Bounds.assertBitwise(alone, java.util.Arrays.copyOfRange(after, s.outC(), after.length), "one pixel later " + c);
    }

    /**
     * A partial panel of one or two vectors, each whole or masked, with no full panel before it (Cout 8 and 16 at
     * 256 bits, as in MNASNet's 16->8 and v3's 16->16) or after one whose K is past the pair tiles' limits: with 16
     * registers it runs in 6-pixel tiles (tile6x2, tile6x1), the 1-5 pixels left over in a chunk through one more tile
     * moved back over pixels already done, and chunks under 6 pixels through the 4- and 1-pixel tiles. Pixel counts 1
     * to 14 (every remainder modulo 6, alone and after whole tiles) and 10 x 10 at batch 2 (chunks of 96 and 104 pixels
     * cut by every third unit): the reference within the bound, every split bitwise.
     */
    @Test
    void oneAndTwoVectorPartialPanelsMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH);
        int deep = PointwiseGemm.PAIR5_MAX_K + 1;
        int[][] shapes = {{l - 1, 16}, {l, 16}, {l, 3}, {l + 3, 8}, {2 * l, 16}, {2 * l, 1}, {nr + l, deep}, {nr + 2 * l - 1, deep}};
        for (int[] sh : shapes) {
            int cout = sh[0], kk = sh[1];
            for (int m = 1; m <= 14; m++) {
                ConvSpec s = ConvSpec.pointwise(1, m, kk, cout);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get(m % 3), Values.MIXED, 1100 + 17 * m + cout + kk), 1);
            }
            ConvSpec s = ConvSpec.pointwise(10, 10, kk, cout);
            assertEverySplitGivesTheWholeRun(new ConvCase(s, 2, acts.get(cout % 3), Values.MIXED, 1200 + cout + kk), 3);
        }
    }

    /**
     * A partial panel of one or two vectors after a full one (Cout = NR + L, 2NR + L, NR + 2L, 2NR + 2L: 40, 72, 48,
     * 80 at 256 bits): with 16 registers, row-major layers run the last full panel and a one-vector partial panel
     * together, 2 pixels x 5 vectors (tile2x5 up to PAIR5_MAX_K), and two-vector ones in groups of six vectors (up to
     * SIXES_MAX_K, see sixesOfVectorsMatchReferenceForEveryRowCountAndSplit), a leftover pixel through tile1 and tile1Partial. 128-134 pixels (odd and even, a last row block of 1-4 pixels) and 195 (a second cache chunk
     * of 99), K from 1 to each limit and one more (the tiles before): the reference within the bound, every split of
     * the units bitwise equal to the single run.
     */
    @Test
    void shortKPanelPairsMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int cout : new int[] {nr + l, 2 * nr + l, nr + 2 * l, 2 * nr + 2 * l}) {
            int limit = cout % nr == l ? PointwiseGemm.PAIR5_MAX_K : PointwiseGemm.SIXES_MAX_K;
            for (int kk : new int[] {1, 8, limit, limit + 1}) {
                for (int px = 128; px <= 134; px++) {
                    ConvSpec s = ConvSpec.pointwise(1, px, kk, cout);
                    assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get((px + kk) % 4), Values.MIXED, 900 + px + 7 * kk + cout), 5);
                }
                ConvSpec s = ConvSpec.pointwise(13, 15, kk, cout);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 2, acts.get(kk % 4), Values.MIXED, 1000 + kk + cout), 9);
            }
        }
    }

    /**
     * With 16 registers, row-major layers with K up to SIXES_MAX_K and Cout a multiple of two vectors, at least six, run
     * every column in groups of six vectors (from a panel's start and from its middle), 2 pixels at a time, a last odd
     * pixel through the one-pixel tiles and the two or four vectors after the groups through 6-pixel tiles (the last one
     * moved back) or, under 6 pixels, one pixel at a time. Cout of 6, 8, 10, 12, 14 and 18 vectors (0, 2 or 4 left
     * over, groups starting at both offsets), K from 1 to the limit and one more (the tiles before) and 16 (the six-vector
     * tiles' copies with K a literal), 150-155 pixels (38-39
     * row blocks, the last of 2-4 pixels, chunks of 96 and 54-59 cut at every fifth unit) and 13 x 15 at batch 2: the
     * reference within the bound, every split bitwise, and the fused residual add equal to the convolution then the add.
     */
    @Test
    void sixesOfVectorsMatchReferenceForEveryRowCountAndSplit() {
        int l = ConvCase.L;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int v : new int[] {6, 8, 10, 12, 14, 18}) {
            int cout = v * l;
            for (int kk : new int[] {1, 8, 16, PointwiseGemm.SIXES_MAX_K, PointwiseGemm.SIXES_MAX_K + 1}) {
                for (int px = 150; px <= 155; px++) {
                    ConvSpec s = ConvSpec.pointwise(1, px, kk, cout);
                    assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get((px + kk) % 4), Values.MIXED, 1500 + px + 7 * kk + cout), 5);
                }
                ConvCase c = new ConvCase(ConvSpec.pointwise(13, 15, kk, cout), 2, acts.get(kk % 4), Values.MIXED, 1600 + kk + cout);
                assertEverySplitGivesTheWholeRun(c, 7);
                assertFusedResidualIsConvolutionThenAdd(c);
            }
        }
    }

    /**
     * Cout of one vector at short K runs 12 pixels at a time (tile12x1; K = 16 through its copy with K a literal) where
     * a chunk has at least 12 rows, the last tile moved back over rows already done, fewer rows through the 6-pixel and
     * one-pixel tiles. K from 1 to the limit and one more (the tiles before), pixel counts below, at and around 12, 24
     * and the 96-row chunk (a last chunk of 1-13 rows), cut at every third unit, and at batch 2: the reference within
     * the bound, every split bitwise, and the fused residual add equal to the convolution then the add.
     */
    @Test
    void oneVectorOfOutputsRunsTwelvePixelsAtShortK() {
        int l = ConvCase.L;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int kk : new int[] {1, 8, PointwiseGemm.TWELVE_MAX_K, PointwiseGemm.TWELVE_MAX_K + 1}) {
            for (int px : new int[] {1, 5, 11, 12, 13, 23, 24, 25, 35, 96, 97, 107, 108, 109, 121}) {
                ConvSpec s = ConvSpec.pointwise(1, px, kk, l);
                assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get((px + kk) % 4), Values.MIXED, 1700 + px + 7 * kk), 3);
            }
            ConvCase c = new ConvCase(ConvSpec.pointwise(7, 9, kk, l), 2, acts.get(kk % 4), Values.MIXED, 1800 + kk);
            assertEverySplitGivesTheWholeRun(c, 5);
            assertFusedResidualIsConvolutionThenAdd(c);
        }
    }

    /**
     * Row-major layers with K past one K block run whole K as two 6 x 2 halves with 16 registers (up to HALVES_MAX_K,
     * K blocks beyond) and 6 x 4 over K blocks with 32: K just past a block, in between, at the limit and one past it,
     * Cout of one to three panels with and without a partial one, a last chunk of 1, 5 or 6 rows, every fourth split, batch 2
     * and the fused residual add: the reference within the bound, every split bitwise.
     */
    @Test
    void longKRowMajorLayersMatchReferenceForEverySplit() {
        int l = ConvCase.L;
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH);
        int[] ks = {PointwiseGemm.KC + 1, 2 * PointwiseGemm.KC + 37, PointwiseGemm.HALVES_MAX_K, PointwiseGemm.HALVES_MAX_K + 1};
        for (int kk : ks) {
            for (int cout : new int[] {4 * l, 8 * l + 2 * l, 12 * l + l}) {
                // At least MIN_ROW_UNITS row blocks and more pixels than Cout, so the layer is row-major; chunks of 96
                // rows leave 1, 5 and 6.
                for (int px : new int[] {193, 197, 198}) {
                    ConvSpec s = ConvSpec.pointwise(1, px, kk, cout);
                    assertEverySplitGivesTheWholeRun(new ConvCase(s, 1, acts.get((px + kk) % 3), Values.MIXED, 1900 + px + kk + cout), 4);
                }
            }
            ConvCase c = new ConvCase(ConvSpec.pointwise(9, 15, kk, 8 * l), 2, acts.get(kk % 3), Values.MIXED, 2000 + kk);
            assertEverySplitGivesTheWholeRun(c, 6);
            assertFusedResidualIsConvolutionThenAdd(c);
        }
    }

    /** The fused residual add (ReLU6 after it) gives the bits of the linear convolution followed by a separate add. */
    void assertFusedResidualIsConvolutionThenAdd(ConvCase c) {
        float[] in = c.input();
        PreparedConv p = kernel().prepare(c.spec(), c.weights(), c.bias(), Activation.NONE);
        float[] conv = run(p, c.batch(), in);
        float[] res = Values.MIXED.array(new java.util.SplittableRandom(c.seed() + 9), conv.length);
        float[] expected = new float[conv.length], got = new float[conv.length];
        ReferenceTensorOps.INSTANCE.add(conv.length, conv, 0, res, 0, expected, 0, Activation.RELU6);
        p.runResidual(c.batch(), in, 0, got, 0, 0, p.workUnits(c.batch()), res, 0, Activation.RELU6);
        Bounds.assertBitwise(expected, got, "fused residual " + c);
    }

    void assertEverySplitGivesTheWholeRun(ConvCase c, int step) {
        assertMatchesReference(c);
        float[] in = c.input();
        PreparedConv p = kernel().prepare(c.spec(), c.weights(), c.bias(), c.act());
        float[] whole = run(p, c.batch(), in);
        int units = p.workUnits(c.batch());
        for (int mid = 0; mid <= units; mid += step) {
            float[] got = new float[whole.length];
            p.run(c.batch(), in, 0, got, 0, 0, mid);
            p.run(c.batch(), in, 0, got, 0, mid, units);
            Bounds.assertBitwise(whole, got, "split at unit " + mid + " of " + units + " " + c);
        }
    }

    /**
     * Deep layers at small batch (more output channels than pixels, yet at least MIN_ROW_UNITS row
     * blocks): units are split panel-major. Every split point, including ones inside a panel's row
     * blocks, gives the single run's bits, which match the reference within the bound.
     */
    @Test
    void panelMajorUnitsMatchReferenceForEverySplit() {
        for (int batch = 1; batch <= 2; batch++) {
            // 12 x 11 pixels: 33 row blocks per image (the last one partial), Cout above the pixel count.
            int pixels = batch * 132;
            ConvSpec s = ConvSpec.pointwise(12, 11, ConvCase.L + 3, pixels + PointwiseGemm.NR + 5);
            ConvCase c = new ConvCase(s, batch, Activation.RELU6, Values.MIXED, 77 + batch);
            int units = kernel().prepare(s, c.weights(), c.bias(), c.act()).workUnits(batch);
            org.junit.jupiter.api.Assertions.assertTrue(units > (pixels + 3) / 4, "panels are split too: " + units + " units");
            assertEverySplitGivesTheWholeRun(c, 7);
        }
    }

    /**
     * Column-split layers whose tiles read the next panel ahead (32 registers: Prepared.rowsAhead): 12-13 pixels (one
     * tile reads ahead), 49 (primed triples read the next triple's panels), 196 (31 of 32 tiles read ahead) and 224
     * (the reads stop at the next panel's end, also where that is the end of the weights), and K beyond one K block.
     * Ranges that end before the next panel do not read ahead; every split gives the whole run's bits, which match the
     * reference within the bound.
     */
    @Test
    void panelsReadAheadMatchReferenceForEverySplit() {
        for (int pixels : new int[] {12, 13, 49, 196, 224}) {
            ConvSpec s = ConvSpec.pointwise(pixels, 1, 2 * ConvCase.L + 1, Math.max(pixels + 1, 4 * PointwiseGemm.NR) + 5);
            ConvCase c = new ConvCase(s, 1, Activation.RELU6, Values.MIXED, 600 + pixels);
            int units = kernel().prepare(s, c.weights(), c.bias(), c.act()).workUnits(1);
            org.junit.jupiter.api.Assertions.assertTrue(units > (pixels + 3) / 4, "panels are split too: " + units + " units");
            assertEverySplitGivesTheWholeRun(c, pixels > 100 ? 11 : 3);
        }
        // No partial panel: the last full panel, read ahead to its very end, ends the packed weights.
        ConvSpec exact = ConvSpec.pointwise(224, 1, 2 * ConvCase.L + 1, 4 * PointwiseGemm.NR);
        assertEverySplitGivesTheWholeRun(new ConvCase(exact, 1, Activation.NONE, Values.MIXED, 650), 13);
        // K past one K block (MNASNet's 7x7x1152 projections): each block's tiles read on through the next panel.
        for (int pixels : new int[] {13, 49}) {
            ConvSpec longK = ConvSpec.pointwise(pixels, 1, PointwiseGemm.SPLIT_KC + ConvCase.L + 1, 3 * PointwiseGemm.NR + 5);
            assertEverySplitGivesTheWholeRun(new ConvCase(longK, 1, Activation.RELU6, Values.MIXED, 660 + pixels), 5);
        }
    }

    /**
     * 7x7 column-split layers (the deep layers of every model at batch 1-2): with 16 registers, a range holding three
     * whole panels computes their pixel 0 together (tile1x3) before the rest, so its gated activation and fused
     * residual add run outside the block that computes the other pixels. Each activation, and the residual add with
     * each activation after it, matches the reference (respectively conv-then-add) and gives the same bits for every
     * split of the units: splits inside a panel's row blocks do not take that path, whole panels do.
     */
    @Test
    void primedPanelsApplyActivationsAndResidualsForEverySplit() {
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.clamp(-0f, 6f),
                Activation.HARDSWISH, Activation.HARDSIGMOID);
        for (int batch = 1; batch <= 2; batch++) {
            ConvSpec s = ConvSpec.pointwise(7, 7, 2 * ConvCase.L + 1, 7 * PointwiseGemm.NR + 5);
            for (Activation act : acts) {
                ConvCase c = new ConvCase(s, batch, act, Values.MIXED, 300 + batch);
                assertMatchesReference(c);
                float[] in = c.input();
                PreparedConv p = kernel().prepare(s, c.weights(), c.bias(), act);
                float[] whole = run(p, batch, in);
                int units = p.workUnits(batch);
                org.junit.jupiter.api.Assertions.assertTrue(units > (batch * 49 + 3) / 4, "panels are split too: " + units + " units");
                for (int mid = 0; mid <= units; mid += 3) {
                    float[] got = new float[whole.length];
                    p.run(batch, in, 0, got, 0, 0, mid);
                    p.run(batch, in, 0, got, 0, mid, units);
                    Bounds.assertBitwise(whole, got, act + ", split at unit " + mid + " of " + units);
                }
            }
            ConvCase c = new ConvCase(s, batch, Activation.NONE, Values.MIXED, 400 + batch);
            float[] in = c.input();
            PreparedConv p = kernel().prepare(s, c.weights(), c.bias(), Activation.NONE);
            float[] conv = run(p, batch, in);
            float[] res = Values.MIXED.array(new java.util.SplittableRandom(500 + batch), conv.length);
            int units = p.workUnits(batch);
            for (Activation after : acts) {
                float[] expected = new float[conv.length];
                ReferenceTensorOps.INSTANCE.add(conv.length, conv, 0, res, 0, expected, 0, after);
                for (int mid = 0; mid <= units; mid += 5) {
                    float[] got = new float[conv.length];
                    p.runResidual(batch, in, 0, got, 0, 0, mid, res, 0, after);
                    p.runResidual(batch, in, 0, got, 0, mid, units, res, 0, after);
                    Bounds.assertBitwise(expected, got, "residual then " + after + ", split at unit " + mid + " of " + units);
                }
            }
        }
    }

    private PreparedConv prepareZero(ConvSpec s) {
        return kernel().prepare(s, new float[s.weightLength()], null, Activation.NONE);
    }

    /**
     * What a caller splitting the units is told: panel-major units come in panels of row blocks, triples where the
     * layer primes three panels at once (16 registers; with 32, 6j + 1 pixels and three panels within
     * PRIME_MAX_FLOATS) and for one row block (the classifier) with any; row-major ones in whole row tiles.
     */
    @Test
    void unitBlocksArePanelsOfRowBlocks() {
        PreparedConv deep = prepareZero(ConvSpec.pointwise(7, 7, 40, 7 * PointwiseGemm.NR + 5));
        org.junit.jupiter.api.Assertions.assertEquals(13 * 8, deep.workUnits(1));
        org.junit.jupiter.api.Assertions.assertEquals(13, deep.unitBlock(1));
        org.junit.jupiter.api.Assertions.assertEquals(3, deep.blocksPerCall(1), "49 pixels prime with either register count");
        org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL ? 1 : 3, deep.blocksPerCall(2),
                "98 pixels prime only with 16 registers");
        int longK = PointwiseGemm.PRIME_MAX_FLOATS / (3 * PointwiseGemm.NR) + 1;
        PreparedConv longer = prepareZero(ConvSpec.pointwise(7, 7, longK, 7 * PointwiseGemm.NR));
        org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.WIDE_PARTIAL || longK > PointwiseGemm.SPLIT_KC ? 1 : 3,
                longer.blocksPerCall(1), "K " + longK + ": three panels past PRIME_MAX_FLOATS prime only with 16 registers");
        PreparedConv fc = prepareZero(ConvSpec.pointwise(1, 1, 40, 7 * PointwiseGemm.NR));
        org.junit.jupiter.api.Assertions.assertEquals(1, fc.unitBlock(1));
        org.junit.jupiter.api.Assertions.assertEquals(3, fc.blocksPerCall(1));
        // Two panels: nothing to stream side by side.
        PreparedConv two = prepareZero(ConvSpec.pointwise(7, 7, 40, 2 * PointwiseGemm.NR + 3));
        org.junit.jupiter.api.Assertions.assertEquals(1, two.blocksPerCall(1));
        // Row-major units (more pixels than output channels): ranges of whole row tiles, which every tile height divides
        // (2, 3, 6, 12 pixels with 16 registers; 6, 8 with 32).
        PreparedConv wide = prepareZero(ConvSpec.pointwise(28, 28, 40, 96));
        org.junit.jupiter.api.Assertions.assertEquals(1, wide.unitBlock(1));
        org.junit.jupiter.api.Assertions.assertEquals(PointwiseGemm.ROW_TILE_UNITS, wide.blocksPerCall(1));
        for (int tileRows : new int[] {2, 3, 6, 8, 12}) {
            org.junit.jupiter.api.Assertions.assertEquals(0, PointwiseGemm.ROW_TILE_UNITS * PointwiseGemm.MR % tileRows);
        }
    }

    @Test
    void everyWeightOffsetGivesTheSameBits() {
        everyWeightOffsetGivesTheSameBits(PointwiseGemm.INSTANCE::prepare);
    }
}
