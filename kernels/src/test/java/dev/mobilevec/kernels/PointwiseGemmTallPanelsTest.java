package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every PointwiseGemm property again with the tall panel tiles (tileTall, 12 or 13 pixels, on the half-panel copy) taken by every
 * layer whose shape lets them run, whatever its K and the vector width: the production rule (PointwiseGemm.tallPanels)
 * takes them only at 512 bits for K between the priming limit and SPLIT_KC, which the suite's narrower runs never reach.
 */
class PointwiseGemmTallPanelsTest extends PointwiseGemmTest {

    @Override
    Conv2dKernel kernel() {
        return PointwiseGemm.withTallPanels();
    }

    /**
     * Column-split layers of 12j and 12j + 1 pixels (the tall tiles cover those exactly) run them and give, for every
     * split of the units and each activation, the bits of the kernel without them, within the bound of the reference;
     * the fused residual add is the convolution then the add; pixel counts the tiles do not cover (14, 26, and batch 2
     * of 49) fall back to the usual tiles with the same bits.
     */
    @Test
    void tallTilesGiveTheUsualBitsForEveryRowCountAndSplit() {
        int l = ConvCase.L, nr = PointwiseGemm.NR;
        List<Activation> acts = List.of(Activation.NONE, Activation.RELU6, Activation.RELU, Activation.HARDSWISH);
        for (int k : new int[] {1, 3, 2 * l + 1, 97}) {
            for (int n : new int[] {nr, nr + l + 3, 2 * nr}) {
                for (int m : new int[] {12, 13, 14, 24, 25, 26, 37, 49, 61}) {
                    for (int batch = 1; batch <= 2; batch++) {
                        ConvCase c = new ConvCase(ConvSpec.pointwise(1, m, k, n), batch, acts.get((m + n + k + batch) % 4), Values.MIXED,
                                3100 + 53 * m + 7 * n + k + batch);
                        PreparedConv tall = kernel().prepare(c.spec(), c.weights(), c.bias(), c.act());
                        boolean covered = PointwiseGemm.WIDE_PARTIAL && PointwiseGemm.tallRows(batch * m) && n > nr; // one panel: never column-split
                        assertEquals(covered, PointwiseGemm.runsTall(tall, batch), "tall tiles for " + c);
                        assertEverySplitGivesTheWholeRun(c, 1);
                        float[] usual = run(PointwiseGemm.INSTANCE.prepare(c.spec(), c.weights(), c.bias(), c.act()), batch, c.input());
                        Bounds.assertBitwise(usual, run(tall, batch, c.input()), "tall against usual tiles " + c);
                    }
                }
            }
            assertFusedResidualIsConvolutionThenAdd(new ConvCase(ConvSpec.pointwise(7, 7, k, 2 * nr + l), 1, Activation.NONE,
                    Values.MIXED, 3900 + k));
        }
    }

    /** Where the production rule takes the tall tiles: v2's and V3-large's 7x7x960 projections, not their neighbours. */
    @Test
    void productionRuleTakesThemForUnprimedSevenBySevenPanels() {
        boolean on = PointwiseGemm.WIDE_PARTIAL && ConvCase.L == 16;
        assertEquals(on, PointwiseGemm.tallPanels(160, 960), "960 -> 160");
        assertEquals(on, PointwiseGemm.tallPanels(320, 960), "960 -> 320");
        assertEquals(on, PointwiseGemm.tallPanels(96, 576), "576 -> 96");
        assertFalse(PointwiseGemm.tallPanels(1024, 512), "K = 512: three panels are primed");
        assertFalse(PointwiseGemm.tallPanels(1024, 1024), "K = 1024 measured even");
        assertFalse(PointwiseGemm.tallPanels(192, 1152), "K past one block");
        assertFalse(PointwiseGemm.tallPanels(40, 960), "Cout below one panel");
        assertTrue(PointwiseGemm.tallRows(49) && PointwiseGemm.tallRows(12) && PointwiseGemm.tallRows(13));
        assertFalse(PointwiseGemm.tallRows(1) || PointwiseGemm.tallRows(11) || PointwiseGemm.tallRows(98));
        assertEquals(on, PointwiseGemm.runsTall(prepare(7, 7, 960, 160), 1), "7x7x960->160 at batch 1");
        assertFalse(PointwiseGemm.runsTall(prepare(7, 7, 960, 160), 2), "98 pixels at batch 2 take the usual tiles");
        assertFalse(PointwiseGemm.runsTall(prepare(14, 14, 960, 512), 1), "196 pixels: not 12j or 12j + 1");
        assertFalse(PointwiseGemm.runsTall(prepare(12, 12, 960, 96), 1), "144 pixels, Cout 96: row-major");
        assertFalse(PointwiseGemm.runsTall(prepare(1, 1, 960, 1280), 1), "one pixel: the classifier's streams");
    }

    private static PreparedConv prepare(int h, int w, int k, int n) {
        ConvSpec s = ConvSpec.pointwise(h, w, k, n);
        return PointwiseGemm.INSTANCE.prepare(s, new float[s.weightLength()], null, Activation.NONE);
    }
}
