package dev.mobilevec.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.SplittableRandom;

/** The depthwise contract (and its channel-permutation and shift properties) for the 5x5 kernel. */
class DepthwiseConv5x5NhwcTest extends DepthwiseConv3x3NhwcTest {

    @Override
    Conv2dKernel kernel() {
        return DepthwiseConv5x5Nhwc.INSTANCE;
    }

    @Override
    Gen<ConvCase> cases() {
        return ConvCase.depthwise5x5();
    }

    @Override
    ConvSpec typicalSpec() {
        return new ConvSpec(9, 7, ConvCase.L + 3, ConvCase.L + 3, 5, 5, 2, 2, 2, 2, 2, 2, ConvCase.L + 3);
    }

    /**
     * With 16 registers, stride 2 sweeps two output rows at once where all their input rows lie inside the image: the
     * same bits as every row swept alone (the layer prepared with pairs off), and the reference within the bound, for
     * heights 1-15 (every way a pair can fall against the top and bottom padding), widths 1-11, paddings 0-4 on each
     * side, channel counts with and without a tail, batches 1-2, several activations, and every split of the units
     * (a pair never crosses a split or an image).
     */
    @Test
    void pairedStride2RowsGiveTheSingleRowSweepsBits() {
        Assumptions.assumeFalse(DepthwiseConv5x5Nhwc.SWEEP, "32 registers: the weights stay in registers, no pairs");
        SplittableRandom r = new SplittableRandom(2045);
        List<Activation> acts = List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH, Activation.RELU);
        int[] channels = {ConvCase.L, 2 * ConvCase.L + 3, 5 * ConvCase.L};
        for (int h = 1; h <= 15; h++) {
            for (int w = 1; w <= 11; w += 2) {
                int c = channels[(h + w) % channels.length];
                int pt = r.nextInt(5), pl = r.nextInt(5), pb = Math.max(r.nextInt(5), 5 - h - pt), pr = Math.max(r.nextInt(5), 5 - w - pl);
                ConvSpec s = new ConvSpec(h, w, c, c, 5, 5, 2, 2, pt, pl, pb, pr, c);
                ConvCase cs = new ConvCase(s, 1 + (h % 2), acts.get((h + w) % acts.size()), Values.MIXED, 131L * h + w);
                float[] in = cs.input();
                PreparedConv paired = DepthwiseConv5x5Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), true);
                PreparedConv single = DepthwiseConv5x5Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), false);
                float[] want = run(single, cs.batch(), in), got = run(paired, cs.batch(), in);
                assertMatchesReference(cs);
                Bounds.assertBitwise(want, got, "pairs vs single rows " + cs);
                int units = paired.workUnits(cs.batch());
                for (int mid = 0; mid <= units; mid++) {
                    float[] split = new float[got.length];
                    paired.run(cs.batch(), in, 0, split, 0, 0, mid);
                    paired.run(cs.batch(), in, 0, split, 0, mid, units);
                    Bounds.assertBitwise(got, split, "split at unit " + mid + " of " + units + " " + cs);
                }
            }
        }
    }
}
