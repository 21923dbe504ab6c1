package dev.mobilevec.kernels;

import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DepthwiseConv3x3NhwcTest extends ConvKernelContract {

    @Override
    Conv2dKernel kernel() {
        return DepthwiseConv3x3Nhwc.INSTANCE;
    }

    @Override
    Gen<ConvCase> cases() {
        return ConvCase.depthwise();
    }

    @Override
    ConvSpec typicalSpec() {
        return ConvSpec.depthwise3x3(9, 7, ConvCase.L + 3, 2, 0, 0, 1, 1);
    }

    @Test
    void permutingChannelsPermutesTheOutput() {
        qt().withExamples(EXAMPLES / 3).forAll(cases()).checkAssert(c -> {
            int ch = c.spec().inC();
            int[] perm = permutation(ch, new SplittableRandom(c.seed() ^ 0x5DEECE66DL));
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] out = fast(c, in, w, b);
            float[] pIn = new float[in.length], pW = new float[w.length], pB = new float[b.length];
            for (int i = 0; i < in.length; i++) {
                pIn[i - i % ch + perm[i % ch]] = in[i];
            }
            for (int o = 0; o < ch; o++) {
                int taps = c.spec().kH() * c.spec().kW();
                System.arraycopy(w, o * taps, pW, perm[o] * taps, taps);
                pB[perm[o]] = b[o];
            }
            float[] pOut = fast(c, pIn, pW, pB);
            float[] expected = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                expected[i - i % ch + perm[i % ch]] = out[i];
            }
            Bounds.assertBitwise(expected, pOut, "channel permutation " + c);
        });
    }

    @Test
    void stride1WithoutPaddingIsShiftEquivariant() {
        shiftEquivariance(this, cases());
    }

    static void shiftEquivariance(ConvKernelContract t, Gen<ConvCase> gen) {
        Gen<Integer> shift = Generate.range(0, 3);
        qt().withExamples(EXAMPLES / 3).forAll(gen, shift, shift).checkAssert((c0, dy, dx) -> {
            ConvSpec s0 = c0.spec();
            int k = s0.kH();
            ConvSpec s = new ConvSpec(s0.inH() + k - 1 + dy, s0.inW() + k - 1 + dx, s0.inC(), s0.outC(), k, k, 1, 1, 0, 0, 0, 0, s0.groups());
            ConvCase c = c0.with(s);
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] out = t.fast(c, in, w, b);
            // Crop dy rows and dx columns off the top-left of every image.
            ConvSpec cs = new ConvSpec(s.inH() - dy, s.inW() - dx, s.inC(), s.outC(), k, k, 1, 1, 0, 0, 0, 0, s.groups());
            float[] cropped = new float[cs.inputLength(c.batch())];
            int ci = s.inC();
            for (int n = 0; n < c.batch(); n++) {
                for (int y = 0; y < cs.inH(); y++) {
                    System.arraycopy(in, ((n * s.inH() + y + dy) * s.inW() + dx) * ci, cropped, ((n * cs.inH() + y) * cs.inW()) * ci, cs.inW() * ci);
                }
            }
            float[] shifted = t.fast(c.with(cs), cropped, w, b);
            int co = s.outC();
            for (int n = 0; n < c.batch(); n++) {
                for (int y = 0; y < cs.outH(); y++) {
                    float[] want = java.util.Arrays.copyOfRange(out, ((n * s.outH() + y + dy) * s.outW() + dx) * co,
                            ((n * s.outH() + y + dy) * s.outW() + dx + cs.outW()) * co);
                    float[] got = java.util.Arrays.copyOfRange(shifted, ((n * cs.outH() + y) * cs.outW()) * co, ((n * cs.outH() + y + 1) * cs.outW()) * co);
                    Bounds.assertBitwise(want, got, "shift (" + dy + "," + dx + ") row " + y + " of " + c);
                }
            }
        });
    }

    /**
     * With 16 registers, stride 2 at 128 and 256 channels runs the rows inside the image pixel-major: the same bits as
     * the channel-block sweep (the layer prepared with that path off), and the reference within the bound, for heights
     * 1-7, widths 1-9, paddings 0-2 on each side, batches 1-2 and several activations, and every split of the units.
     */
    @Test
    void pixelMajorStride2GivesTheSweepsBits() {
        // The 5x5 kernel's test inherits this class's properties; this path is the 3x3 kernel's own.
        org.junit.jupiter.api.Assumptions.assumeTrue(kernel() == DepthwiseConv3x3Nhwc.INSTANCE, "3x3 kernel only");
        SplittableRandom r = new SplittableRandom(2024);
        java.util.List<Activation> acts = java.util.List.of(Activation.NONE, Activation.RELU6, Activation.HARDSWISH, Activation.clamp(-0f, 6f));
        for (int c : new int[] {128, 256}) {
            for (int h = 1; h <= 7; h += 2) {
                for (int w = 1; w <= 9; w++) {
                    int pt = r.nextInt(3), pl = r.nextInt(3), pb = Math.max(r.nextInt(3), 3 - h - pt), pr = Math.max(r.nextInt(3), 3 - w - pl);
                    ConvSpec s = new ConvSpec(h, w, c, c, 3, 3, 2, 2, pt, pl, pb, pr, c);
                    ConvCase cs = new ConvCase(s, 1 + (w % 2), acts.get((h + w) % acts.size()), Values.MIXED, 31L * c + 7L * h + w);
                    assertMatchesReference(cs);
                    PreparedConv pm = DepthwiseConv3x3Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), true);
                    PreparedConv sweep = DepthwiseConv3x3Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), false);
                    assertSameBitsAtEverySplit(sweep, pm, cs, "pixel-major vs sweep");
                }
            }
        }
    }

    /**
     * Rows inside the image run four at a time at 512 bits (sweepS1x4In, sweepS2x4In): the same bits as the layer
     * prepared without it (two rows, or one with 16 registers), forced on at every test width, at strides 1 and 2, for
     * one channel block, a block and a tail, two blocks and a tail, tails alone, and the counts that take two rows by
     * default (256 at stride 2, 1024 at stride 1); heights so that groups start at every row a padding leaves inside
     * (1-13 at stride 1, 1-19 at stride 2), widths 1-9, paddings 0-2 per side, batches 1-2, several activations, and
     * every split of the units (a group never crosses a range's end). The reference within the bound too.
     */
    @Test
    void fourRowSweepsGiveTheTwoRowSweepsBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(kernel() == DepthwiseConv3x3Nhwc.INSTANCE, "3x3 kernel only");
        SplittableRandom r = new SplittableRandom(2026);
        java.util.List<Activation> acts = java.util.List.of(Activation.RELU6, Activation.NONE, Activation.HARDSWISH, Activation.RELU,
                Activation.clamp(-0f, 6f));
        for (int stride = 1; stride <= 2; stride++) {
            for (int c : new int[] {ConvCase.L, ConvCase.L + 3, 2 * ConvCase.L + 1, 40, 100, stride == 1 ? 1024 : 256}) {
                boolean big = c >= 256;
                for (int h = 1; h <= (stride == 1 ? 13 : 19); h += big ? 3 : 1) {
                    for (int w = 1; w <= 9; w += big ? 2 : 1) {
                        int pt = r.nextInt(3), pl = r.nextInt(3), pb = Math.max(r.nextInt(3), 3 - h - pt), pr = Math.max(r.nextInt(3), 3 - w - pl);
                        ConvSpec s = new ConvSpec(h, w, c, c, 3, 3, stride, stride, pt, pl, pb, pr, c);
                        ConvCase cs = new ConvCase(s, 1 + (h + w) % 2, acts.get((h + 2 * w) % acts.size()), Values.MIXED,
                                17L * c + 5L * h + w + 1000L * stride);
                        PreparedConv four = DepthwiseConv3x3Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), true, true);
                        PreparedConv rows = DepthwiseConv3x3Nhwc.INSTANCE.prepare(s, cs.weights(), cs.bias(), cs.act(), true, false);
                        assertSameBitsAtEverySplit(rows, four, cs, "four rows vs two");
                        if (s.outH() >= 4 && w % 4 == 1) {
                            assertMatchesReference(cs);
                        }
                    }
                }
            }
        }
    }

    /**
     * Layer {@code got} gives {@code want}'s bits on case cs's input, run whole and as every split of its units into two
     * ranges (a path chosen per range must not depend on where a range starts or ends).
     */
    static void assertSameBitsAtEverySplit(PreparedConv want, PreparedConv got, ConvCase cs, String what) {
        float[] in = cs.input();
        float[] w = run(want, cs.batch(), in), g = run(got, cs.batch(), in);
        Bounds.assertBitwise(w, g, what + " " + cs);
        int units = got.workUnits(cs.batch());
        for (int mid = 0; mid <= units; mid++) {
            float[] split = new float[g.length];
            got.run(cs.batch(), in, 0, split, 0, 0, mid);
            got.run(cs.batch(), in, 0, split, 0, mid, units);
            Bounds.assertBitwise(g, split, what + ", split at unit " + mid + " of " + units + " " + cs);
        }
    }

    /** Which layers take four rows by default: 512 bits with 32 registers, not at 512k channels (stride 1) or 256k (stride 2). */
    @Test
    void fourRowsByDefaultFollowsTheRule() {
        org.junit.jupiter.api.Assumptions.assumeTrue(kernel() == DepthwiseConv3x3Nhwc.INSTANCE, "3x3 kernel only");
        boolean wide = Lanes.REGISTERS >= 32 && Lanes.COUNT >= 16;
        org.junit.jupiter.api.Assertions.assertEquals(wide, DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(14, 14, 576, 1, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertEquals(wide, DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(7, 7, 960, 1, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertEquals(wide, DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(14, 14, 576, 2, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertEquals(wide, DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(56, 56, 128, 2, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertEquals(wide, DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(28, 28, 256, 1, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertFalse(DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(7, 7, 1024, 1, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertFalse(DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(14, 14, 512, 1, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertFalse(DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(28, 28, 256, 2, 1, 1, 1, 1)));
        org.junit.jupiter.api.Assertions.assertFalse(DepthwiseConv3x3Nhwc.fourRowsByDefault(ConvSpec.depthwise3x3(14, 14, 512, 2, 1, 1, 1, 1)));
    }

    static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
