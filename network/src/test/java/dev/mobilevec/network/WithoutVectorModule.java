package dev.mobilevec.network;

import dev.mobilevec.kernels.ConvSpec;
import dev.mobilevec.kernels.PointwiseGemm;
import dev.mobilevec.kernels.VectorApiUnavailableError;
import java.util.Arrays;

/**
 * Run by {@link VectorModuleTest} in a JVM started WITHOUT {@code --add-modules jdk.incubator.vector}.
 * {@code reference}: prints the REFERENCE network's output bits. {@code fast}: prints what each way
 * into the fast kernels throws.
 */
public final class WithoutVectorModule {
    static final MobileNetV1 ARCH = new MobileNetV1(0.25, 40, 36, 10, Padding.SYMMETRIC);

    static float[] referenceOutput() {
        Model m = Model.create(ARCH, SeededWeights.generate(ARCH, 7), Backend.REFERENCE);
        float[] out = new float[m.outputLength()];
        try (Session s = m.newSession(1, 2)) {
            s.run(NetworkEquivalenceTest.image(ARCH.inputLength(), 3), out);
        }
        return out;
    }

    static String bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return Arrays.toString(b);
    }

    public static void main(String[] args) {
        if (args[0].equals("reference")) {
            System.out.println("reference " + bits(referenceOutput()));
            return;
        }
        // Through the network API: the same clear error on every call.
        for (int i = 0; i < 2; i++) {
            try {
                Model.create(ARCH, SeededWeights.generate(ARCH, 7), Backend.FAST);
                System.out.println("network: no error");
            } catch (VectorApiUnavailableError e) {
                System.out.println("network: " + e.getMessage().replace('\n', '|'));
            }
        }
        // Straight to a kernel class: its static initializer reaches Lanes, whose guard throws the same error.
        try {
            PointwiseGemm.INSTANCE.prepare(ConvSpec.pointwise(1, 1, 4, 4), new float[16], null, dev.mobilevec.kernels.Activation.NONE);
            System.out.println("kernel: no error");
        } catch (Throwable e) {
            System.out.println("kernel: " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', '|'));
        }
    }
}
