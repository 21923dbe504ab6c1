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

    @Test
    void outputChannelsComputedInTwoHalvesConcatenateToTheWhole() {
        qt().withExamples(EXAMPLES / 3).forAll(cases()).checkAssert(c -> {
            ConvSpec s = c.spec();
            if (s.outC() < 2) {
                return;
            }
            int half = s.outC() / 2, rest = s.outC() - half, k = s.inC();
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
}
