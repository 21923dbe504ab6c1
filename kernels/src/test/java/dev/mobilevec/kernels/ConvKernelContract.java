package dev.mobilevec.kernels;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The properties every fast convolution kernel must have, checked over generated cases against
 * {@link ReferenceConv2d}. Subclasses name the kernel and the shapes it takes, and add the
 * properties particular to their operation. A failing property prints the shrunk case and the
 * QuickTheories seed (rerun with -DQT_SEED=...).
 */
abstract class ConvKernelContract {

    static final int EXAMPLES = Integer.getInteger("mobilevec.examples", 1000);

    abstract Conv2dKernel kernel();

    abstract Gen<ConvCase> cases();

    /** A shape this kernel takes, for the bad-argument tests. */
    abstract ConvSpec typicalSpec();

    // ---- helpers ----

    /** A kernel's prepare with the packed weights starting at a given offset into their array. */
    interface OffsetPrepare {
        PreparedConv prepare(ConvSpec spec, float[] w, float[] b, Activation act, int weightOffset);
    }

    /**
     * Packed weights from any offset into their array (the 64-byte alignment of {@link HeapAlignment} in an
     * aligned JVM) give the bits of offset 0, whatever the shape reaches (every tile and tail).
     */
    void everyWeightOffsetGivesTheSameBits(OffsetPrepare prep) {
        org.junit.jupiter.api.Assertions.assertEquals(0, HeapAlignment.WEIGHT_OFFSET, "the test JVM has the default object alignment");
        qt().withExamples(EXAMPLES / 4).forAll(cases(), org.quicktheories.generators.Generate.range(1, 16)).checkAssert((c, off) -> {
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] base = fast(c, in, w, b);
            float[] got = run(prep.prepare(c.spec(), w, b, c.act(), off), c.batch(), in);
            Bounds.assertBitwise(base, got, "weight offset " + off + ", " + c);
        });
    }

    static float[] run(PreparedConv p, int batch, float[] in) {
        float[] out = new float[p.spec().outputLength(batch)];
        p.run(batch, in, 0, out, 0);
        return out;
    }

    float[] fast(ConvCase c, float[] in, float[] w, float[] b) {
        return run(kernel().prepare(c.spec(), w, b, c.act()), c.batch(), in);
    }

    static float[] reference(ConvCase c, float[] in, float[] w, float[] b, Activation act) {
        return run(ReferenceConv2d.INSTANCE.prepare(c.spec(), w, b, act), c.batch(), in);
    }

    /**
     * Per-element bound from sum |w*x| + |b|, computed by the reference on absolute values, carried
     * through the case's activation (see {@link Bounds#activated}).
     */
    static double[] bound(ConvCase c, float[] in, float[] w, float[] b) {
        float[] mag = reference(c, Bounds.abs(in), Bounds.abs(w), Bounds.abs(b), Activation.NONE);
        float[] pre = c.act().gated() ? reference(c, in, w, b, Activation.NONE) : null;
        int terms = c.spec().kH() * c.spec().kW() * c.spec().inPerGroup() + 1;
        double[] bound = new double[mag.length];
        for (int i = 0; i < mag.length; i++) {
            // mag was rounded to float once: scale up by (1+u) to keep it an upper bound.
            bound[i] = Bounds.dot(terms, mag[i] * (1 + Bounds.U));
            if (pre != null) {
                bound[i] = Bounds.activated(c.act(), pre[i], bound[i]);
            }
        }
        return bound;
    }

    static String where(ConvSpec s, int i) {
        int c = i % s.outC(), px = i / s.outC();
        int x = px % s.outW(), y = (px / s.outW()) % s.outH(), n = px / (s.outW() * s.outH());
        return "(n=" + n + ", y=" + y + ", x=" + x + ", c=" + c + ")";
    }

    void assertMatchesReference(ConvCase c) {
        float[] in = c.input(), w = c.weights(), b = c.bias();
        float[] expected = reference(c, in, w, b, c.act());
        float[] actual = fast(c, in, w, b);
        Bounds.assertWithin(expected, actual, bound(c, in, w, b), i -> where(c.spec(), i) + " of " + c);
    }

    // ---- properties ----

    @Test
    void matchesReferenceWithinDerivedBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(this::assertMatchesReference);
    }

    /**
     * NaN and infinite inputs propagate exactly as in the reference: the same elements come out NaN,
     * +Inf or -Inf under every activation (the clamp keeps NaN), and the rest stay within the bound.
     */
    @Test
    void nanAndInfinityPropagateAsInTheReference() {
        Gen<Long> poison = Generate.longRange(0, 1L << 40);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), poison).checkAssert((c, p) -> {
            float[] in = c.input(), w = c.weights(), b = c.bias();
            SplittableRandom r = new SplittableRandom(p);
            int bad = 1 + r.nextInt(3);
            for (int i = 0; i < bad; i++) {
                in[r.nextInt(in.length)] = switch (r.nextInt(3)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    default -> Float.NEGATIVE_INFINITY;
                };
            }
            float[] expected = reference(c, in, w, b, c.act());
            float[] actual = fast(c, in, w, b);
            for (int i = 0; i < expected.length; i++) {
                float e = expected[i], a = actual[i];
                if (Float.isNaN(e) || Float.isInfinite(e) || Float.isNaN(a) || Float.isInfinite(a)) {
                    assertEquals(Float.floatToIntBits(e), Float.floatToIntBits(a),
                            "element " + i + " " + where(c.spec(), i) + ": expected " + e + ", actual " + a + " for " + c);
                }
            }
            Bounds.assertWithin(expected, actual, bound(c, in, w, b), i -> where(c.spec(), i) + " of " + c);
        });
    }

    /**
     * The activation a kernel applies is {@link Activation#apply} on what the same layer gives without one, bit for
     * bit (NaN as NaN), on inputs that put every kind of float at the bounds: NaN with either sign bit, +-Inf, +-0.0,
     * subnormals, the bounds and their neighbours, and +-MAX_VALUE, whose products overflow and meet (Inf - Inf is
     * x86's default NaN, sign bit set). Covers the compare-and-blend clamps, the bounds they leave to the exact pass
     * and the gated activations; written for a clamp on the output's bits, not kept (bench/results/zen4/t42), whose
     * lost NaN lanes and wrongly ordered negative bounds it caught in every kernel.
     */
    @Test
    void activationIsApplyOfTheLinearOutputBitForBit() {
        List<Activation> acts = List.of(Activation.RELU, Activation.RELU6, Activation.clamp(0.25f, 4f),
                Activation.clamp(Float.NEGATIVE_INFINITY, 2f), Activation.clamp(0f, Float.MAX_VALUE), Activation.clamp(1f, 1f),
                Activation.clamp(-0.5f, 0.25f), Activation.clamp(-2f, -1f), Activation.clamp(-0f, 6f), Activation.HARDSWISH);
        float[] special = {Float.NaN, Float.intBitsToFloat(0xFFC00001), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 6f, Math.nextUp(6f),
                Math.nextDown(6f), -1f, 0.25f, 4f, Math.nextUp(4f), 2f};
        Gen<Long> seeds = Generate.longRange(0, 1L << 40);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), Generate.pick(acts), seeds).checkAssert((c0, act, p) -> {
            ConvCase c = c0.with(act);
            float[] in = c.input(), w = c.weights(), b = c.bias();
            SplittableRandom r = new SplittableRandom(p);
            for (int i = 0; i < in.length; i++) {
                if (r.nextInt(8) == 0) {
                    in[i] = special[r.nextInt(special.length)];
                }
            }
            float[] linear = run(kernel().prepare(c.spec(), w, b, Activation.NONE), c.batch(), in);
            float[] out = fast(c, in, w, b);
            for (int i = 0; i < out.length; i++) {
                int at = i;
                assertEquals(Float.floatToIntBits(act.apply(linear[i])), Float.floatToIntBits(out[i]),
                        () -> "element " + where(c.spec(), at) + ": linear " + linear[at] + " under " + act + ", " + c);
            }
        });
    }

    @Test
    void scalingInputAndBiasByPowerOfTwoScalesOutputExactly() {
        // Multiplying by 2^j commutes with every rounding (no data here reaches the subnormal or
        // overflow range), so the scaled result must equal the scaled original bit for bit.
        Gen<Float> ks = Generate.pick(java.util.List.of(0.25f, 0.5f, 2f, 8f));
        qt().withExamples(EXAMPLES / 2).forAll(cases(), ks).checkAssert((c0, k) -> {
            ConvCase c = new ConvCase(c0.spec(), c0.batch(), Activation.RELU, Values.UNIFORM, c0.seed());
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] base = fast(c, in, w, b);
            float[] scaled = fast(c, scale(in, k), w, scale(b, k));
            Bounds.assertBitwise(scale(base, k), scaled, "k=" + k + " " + c);
        });
    }

    static float[] scale(float[] a, float k) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * k;
        }
        return r;
    }

    @Test
    void zeroWeightsGiveTheActivatedBias() {
        qt().withExamples(EXAMPLES / 3).forAll(cases()).checkAssert(c -> {
            float[] b = c.bias();
            float[] out = fast(c, c.input(), new float[c.spec().weightLength()], b);
            for (int i = 0; i < out.length; i++) {
                float expected = c.act().apply(b[i % c.spec().outC()]);
                assertEquals(expected, out[i], 0f, () -> "zero weights " + c);
            }
        });
    }

    /**
     * The sign of a zero through every clamp, bit for bit: with inputs of -0.0 and positive weights each
     * pre-activation is exactly its bias, -0.0 or +0.0, so the output must be {@code act.apply(bias)} in its
     * bits (Math.max(-0.0, +0.0) is +0.0). Covers the compare-and-blend clamps and the bounds they cannot take.
     */
    @Test
    void zerosKeepTheSignMathMaxAndMinGiveThem() {
        List<Activation> acts = List.of(Activation.NONE, Activation.RELU, Activation.RELU6, Activation.clamp(-0f, 1f),
                Activation.clamp(-1f, 0f), Activation.clamp(-0f, 0f), Activation.clamp(0f, 0f), Activation.clamp(-0f, -0f));
        qt().withExamples(EXAMPLES / 10).forAll(cases(), Generate.pick(acts)).checkAssert(this::assertZerosKeepTheSign);
    }

    /**
     * c's layer over an input of -0.0 with weights of 0.5 or more and a bias alternating -0.0, +0.0 gives exactly
     * act(bias) at every output: each sum is the bias plus products of -0.0, and -0.0 is the additive identity.
     */
    void assertZerosKeepTheSign(ConvCase c0, Activation act) {
        // Without padding: a padded tap reads a +0.0 where the reference skips it, and -0.0 + +0.0 is +0.0
        // (the one way the kernels' zero rows differ from skipped taps: the sign of an exactly-zero sum).
        ConvSpec s0 = c0.spec();
        ConvSpec s = new ConvSpec(s0.inH() + s0.padTop() + s0.padBottom(), s0.inW() + s0.padLeft() + s0.padRight(), s0.inC(),
                s0.outC(), s0.kH(), s0.kW(), s0.strideH(), s0.strideW(), 0, 0, 0, 0, s0.groups());
        ConvCase c = c0.with(s).with(act);
        float[] in = new float[c.spec().inputLength(c.batch())];
        java.util.Arrays.fill(in, -0f);
        float[] w = Bounds.abs(c.weights());
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.5f;
        }
        float[] b = new float[c.spec().outC()];
        for (int k = 0; k < b.length; k++) {
            b[k] = k % 2 == 0 ? -0f : 0f;
        }
        float[] out = fast(c, in, w, b);
        for (int i = 0; i < out.length; i++) {
            float expected = act.apply(b[i % b.length]);
            int at = i;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[i]),
                    () -> "sign of zero at " + where(c.spec(), at) + " under " + act + ", " + c);
        }
    }

    @Test
    void anySplitOfWorkUnitsIsBitwiseIdenticalToOneRun() {
        Gen<Long> splitSeeds = Generate.longRange(0, 1L << 40);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), splitSeeds).checkAssert((c, splitSeed) -> {
            float[] in = c.input(), w = c.weights(), b = c.bias();
            PreparedConv p = kernel().prepare(c.spec(), w, b, c.act());
            float[] whole = run(p, c.batch(), in);
            float[] again = run(p, c.batch(), in);
            Bounds.assertBitwise(whole, again, "repeated run " + c);
            // Random cut points, run out of order.
            int units = p.workUnits(c.batch());
            SplittableRandom r = new SplittableRandom(splitSeed);
            int cut1 = r.nextInt(units + 1), cut2 = r.nextInt(units + 1);
            int lo = Math.min(cut1, cut2), hi = Math.max(cut1, cut2);
            float[] pieces = new float[whole.length];
            p.run(c.batch(), in, 0, pieces, 0, hi, units);
            p.run(c.batch(), in, 0, pieces, 0, 0, lo);
            p.run(c.batch(), in, 0, pieces, 0, lo, hi);
            Bounds.assertBitwise(whole, pieces, "units split at " + lo + "," + hi + " of " + units + " " + c);
        });
    }

    /** With pixelsPerUnit n > 0, units [lo, hi) write exactly output pixels [lo n, hi n) (all channels) and nothing else. */
    @Test
    void unitsWriteExactlyTheirPixels() {
        Gen<Long> cuts = Generate.longRange(0, 1L << 40);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), cuts).checkAssert((c, seed) -> {
            float[] in = c.input();
            PreparedConv p = kernel().prepare(c.spec(), c.weights(), c.bias(), c.act());
            int ppu = p.pixelsPerUnit(c.batch());
            if (ppu == 0) {
                return;
            }
            float[] whole = run(p, c.batch(), in);
            int units = p.workUnits(c.batch()), cout = c.spec().outC();
            SplittableRandom r = new SplittableRandom(seed);
            int a = r.nextInt(units + 1), b = r.nextInt(units + 1), lo = Math.min(a, b), hi = Math.max(a, b);
            float guard = -777.25f;
            float[] out = new float[whole.length];
            java.util.Arrays.fill(out, guard);
            p.run(c.batch(), in, 0, out, 0, lo, hi);
            long from = Math.min((long) lo * ppu * cout, whole.length), to = Math.min((long) hi * ppu * cout, whole.length);
            for (int i = 0; i < out.length; i++) {
                if (i >= from && i < to) {
                    assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(out[i]), "unit output " + where(c.spec(), i) + " " + c);
                } else {
                    assertEquals(guard, out[i], 0f, "outside units [" + lo + ", " + hi + "): " + where(c.spec(), i) + " " + c);
                }
            }
        });
    }

    /**
     * runWindow on arrays that hold only what the units touch (input rows or pixels they read, NaN around them; the
     * output pixels they write, a guard around them) gives the bits of the whole run, at negative offsets; a window
     * one element short is refused with a message naming the window.
     */
    @Test
    void windowsHoldingOnlyTheTouchedRowsGiveTheBitsOfWholeTensors() {
        Gen<Long> cuts = Generate.longRange(0, 1L << 40);
        qt().withExamples(EXAMPLES / 3).forAll(cases(), cuts).checkAssert((c, seed) -> {
            float[] in = c.input();
            PreparedConv p = kernel().prepare(c.spec(), c.weights(), c.bias(), c.act());
            int ppu = p.pixelsPerUnit(c.batch());
            if (!p.runsWindows() || ppu == 0) {
                return;
            }
            ConvSpec s = c.spec();
            float[] whole = run(p, c.batch(), in);
            int units = p.workUnits(c.batch());
            SplittableRandom r = new SplittableRandom(seed);
            int lo = r.nextInt(units), hi = lo + 1 + r.nextInt(units - lo);
            // What the units read, derived here from the shape: whole input rows for windowed kernels, the units' own
            // pixels for 1x1 ones.
            long inFrom, inTo;
            if (s.kH() == 1 && s.kW() == 1 && s.strideH() == 1) {
                long m = (long) c.batch() * s.inH() * s.inW();
                inFrom = Math.min((long) lo * ppu, m) * s.inC();
                inTo = Math.min((long) hi * ppu, m) * s.inC();
            } else {
                long rowLen = (long) s.inW() * s.inC();
                int n0 = lo / s.outH(), y0 = lo % s.outH(), n1 = (hi - 1) / s.outH(), y1 = (hi - 1) % s.outH();
                int r0 = Math.max(0, Math.min(s.inH(), y0 * s.strideH() - s.padTop()));
                int r1 = Math.min(s.inH(), Math.max(0, y1 * s.strideH() - s.padTop() + s.kH()));
                inFrom = ((long) n0 * s.inH() + r0) * rowLen;
                inTo = Math.max(inFrom, ((long) n1 * s.inH() + r1) * rowLen);
            }
            long outFrom = Math.min((long) lo * ppu * s.outC(), whole.length), outTo = Math.min((long) hi * ppu * s.outC(), whole.length);
            int pad = 1 + r.nextInt(9);
            float[] win = new float[(int) (inTo - inFrom) + 2 * pad];
            java.util.Arrays.fill(win, Float.NaN);
            System.arraycopy(in, (int) inFrom, win, pad, (int) (inTo - inFrom));
            float guard = -555.5f;
            float[] outWin = new float[(int) (outTo - outFrom) + 2 * pad];
            java.util.Arrays.fill(outWin, guard);
            int inOff = (int) (pad - inFrom), outOff = (int) (pad - outFrom);
            p.runWindow(c.batch(), win, inOff, outWin, outOff, lo, hi);
            for (long i = outFrom; i < outTo; i++) {
                assertEquals(Float.floatToRawIntBits(whole[(int) i]), Float.floatToRawIntBits(outWin[(int) (i + outOff)]),
                        "window output " + where(s, (int) i) + ", units [" + lo + ", " + hi + ") " + c);
            }
            for (int i = 0; i < pad; i++) {
                assertEquals(guard, outWin[i], 0f, "guard before the output window");
                assertEquals(guard, outWin[outWin.length - 1 - i], 0f, "guard after the output window");
            }
            if (inTo > inFrom) {
                float[] shortWin = java.util.Arrays.copyOf(win, pad + (int) (inTo - inFrom) - 1);
                assertRejected("input window", () -> p.runWindow(c.batch(), shortWin, inOff, outWin, outOff, lo, hi));
            }
        });
    }

    @Test
    void readsAndWritesOnlyItsRegionsAtOffsetsAndLeavesInputsUntouched() {
        qt().withExamples(EXAMPLES / 3).forAll(cases(), Generate.range(1, 37), Generate.range(1, 37)).checkAssert((c, inPad, outPad) -> {
            float[] in = c.input(), w = c.weights(), b = c.bias();
            float[] inCopy = in.clone(), wCopy = w.clone(), bCopy = b.clone();
            PreparedConv p = kernel().prepare(c.spec(), w, b, c.act());
            float[] expected = run(p, c.batch(), in);

            // Input embedded in a larger array whose surroundings are NaN: reading them would poison the result.
            float[] bigIn = new float[inPad + in.length + inPad];
            java.util.Arrays.fill(bigIn, Float.NaN);
            System.arraycopy(in, 0, bigIn, inPad, in.length);
            float guard = -12345.5f;
            float[] bigOut = new float[outPad + expected.length + outPad];
            java.util.Arrays.fill(bigOut, guard);
            p.run(c.batch(), bigIn, inPad, bigOut, outPad);

            Bounds.assertBitwise(expected, java.util.Arrays.copyOfRange(bigOut, outPad, outPad + expected.length), "output at offset " + c);
            for (int i = 0; i < outPad; i++) {
                assertEquals(guard, bigOut[i], 0f, "guard before output overwritten");
                assertEquals(guard, bigOut[bigOut.length - 1 - i], 0f, "guard after output overwritten");
            }
            assertArrayEquals(inCopy, in, "input modified");
            assertArrayEquals(inCopy, java.util.Arrays.copyOfRange(bigIn, inPad, inPad + in.length), "embedded input modified");
            assertArrayEquals(wCopy, w, "weights modified");
            assertArrayEquals(bCopy, b, "bias modified");
            // The prepared kernel keeps its own copy: changing the caller's weights later changes nothing.
            java.util.Arrays.fill(w, 7f);
            Bounds.assertBitwise(expected, run(p, c.batch(), in), "after caller mutated its weight array " + c);
        });
    }

    // ---- bad arguments ----

    static void assertRejected(String mustMention, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(mustMention), () -> "message \"" + e.getMessage() + "\" should mention " + mustMention);
    }

    @Test
    void rejectsBadArgumentsWithMessagesNamingExpectedAndActual() {
        ConvSpec s = typicalSpec();
        float[] w = new float[s.weightLength()], b = new float[s.outC()];
        PreparedConv p = kernel().prepare(s, w, b, Activation.RELU6);
        int inLen = s.inputLength(2), outLen = s.outputLength(2);
        float[] in = new float[inLen], out = new float[outLen];

        assertRejected(String.valueOf(s.weightLength()), () -> kernel().prepare(s, new float[s.weightLength() - 1], b, Activation.NONE));
        assertRejected(String.valueOf(s.weightLength() - 1), () -> kernel().prepare(s, new float[s.weightLength() - 1], b, Activation.NONE));
        assertRejected(String.valueOf(s.outC() + 1), () -> kernel().prepare(s, w, new float[s.outC() + 1], Activation.NONE));
        assertRejected("null", () -> kernel().prepare(s, null, b, Activation.NONE));
        float[] nanW = w.clone();
        nanW[nanW.length - 1] = Float.NaN;
        assertRejected("finite", () -> kernel().prepare(s, nanW, b, Activation.NONE));

        assertRejected(String.valueOf(inLen), () -> p.run(2, new float[inLen - 1], 0, out, 0));
        assertRejected(String.valueOf(inLen - 1), () -> p.run(2, new float[inLen - 1], 0, out, 0));
        assertRejected(String.valueOf(outLen), () -> p.run(2, in, 0, new float[outLen - 1], 0));
        assertRejected(String.valueOf(inLen), () -> p.run(2, in, 1, out, 0));
        assertRejected("offset", () -> p.run(2, in, -1, out, 0));
        assertRejected("batch", () -> p.run(0, in, 0, out, 0));
        assertRejected("null", () -> p.run(1, null, 0, out, 0));
        assertRejected("work-unit", () -> p.run(2, in, 0, out, 0, 0, p.workUnits(2) + 1));
        assertRejected("work-unit", () -> p.run(2, in, 0, out, 0, 2, 1));
        float[] shared = new float[inLen + outLen];
        assertRejected("overlap", () -> p.run(2, shared, 0, shared, inLen - 1));
        assertRejected("must not be null", () -> kernel().prepare(s, w, b, null));
    }

    @Test
    void rejectsBadShapes() {
        assertRejected("padding", () -> ConvSpec.depthwise3x3(8, 8, 4, 1, 3, 0, 0, 0));
        assertRejected("padding", () -> ConvSpec.depthwise3x3(8, 8, 4, 1, 0, -1, 0, 0));
        assertRejected("input height", () -> ConvSpec.depthwise3x3(0, 8, 4, 1, 1, 1, 1, 1));
        assertRejected("-3", () -> ConvSpec.pointwise(4, -3, 8, 8));
        assertRejected("output channels", () -> ConvSpec.pointwise(4, 4, 8, 0));
        assertRejected("stride", () -> ConvSpec.full(8, 8, 3, 8, 3, 0, 1, 1, 1, 1));
        assertRejected("smaller than", () -> ConvSpec.full(1, 1, 3, 8, 3, 1, 0, 0, 0, 0));
        assertRejected("int range", () -> ConvSpec.pointwise(50000, 50000, 64, 64));
        // Just below the int limit is fine, just above is not.
        ConvSpec.pointwise(1, 2, 1_073_741_823, 1);
        assertRejected("int range", () -> ConvSpec.pointwise(1, 2, 1_073_741_824, 1));
        assertEquals(2_147_483_646, Checks.product("p", 2, 1_073_741_823));
        assertEquals(2_147_395_600, Checks.product("p", 46_340, 46_340));
        assertRejected("int range", () -> Checks.product("p", 46_341, 46_341));
        assertEquals(2_147_483_646, Checks.product("p", 1, 2, 1, 1_073_741_823));
        assertRejected("int range", () -> Checks.product("p", 2, 2, 2, 268_435_456));
        ConvSpec other = ConvSpec.full(8, 8, 4, 8, 5, 1, 2, 2, 2, 2);
        if (!kernel().supports(other)) {
            assertRejected(other.toString(), () -> kernel().prepare(other, new float[other.weightLength()], null, Activation.NONE));
        }
    }
}
