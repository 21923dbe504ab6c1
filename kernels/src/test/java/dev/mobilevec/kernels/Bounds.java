package dev.mobilevec.kernels;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Derived error bounds. A fast kernel sums the bias and K products in float, one rounding per FMA
 * (unit roundoff u = 2^-24), so |fast - exact| <= K*u/(1-K*u) * sum|terms| (Higham, Accuracy and
 * Stability, 3.1); the reference sums in double and rounds once, adding u*|exact|. With c = 2 the
 * bound 2*(K+1)*u*sum|terms| covers both with room for the (1-Ku)^-1 factor. Where products fall
 * below the normal range each rounding may also lose up to 2^-150 absolutely, hence the
 * 2*(K+1)*2^-149 term.
 */
final class Bounds {
    static final double U = Math.scalb(1.0, -24);
    static final double SUBNORMAL = Math.scalb(1.0, -149);
    static final double C = 2;

    private Bounds() {}

    static double dot(int terms, double sumAbs) {
        return C * terms * (U * sumAbs + SUBNORMAL);
    }

    static float[] abs(float[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.abs(a[i]);
        }
        return r;
    }

    /** Compares element by element; {@code bound[i]} is the allowed absolute error, {@code where} names index i. */
    static void assertWithin(float[] expected, float[] actual, double[] bound, java.util.function.IntFunction<String> where) {
        if (expected.length != actual.length) {
            fail("length: expected " + expected.length + ", actual " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i], a = actual[i];
            if (Float.isNaN(e) && Float.isNaN(a)) {
                continue;
            }
            double err = Math.abs((double) e - a);
            if (!(err <= bound[i]) && !(e == a)) {
                fail("element " + i + " " + where.apply(i) + ": expected " + e + ", actual " + a
                        + ", |error| " + err + " > bound " + bound[i]);
            }
        }
    }

    static void assertBitwise(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length expected " + expected.length + ", actual " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": element " + i + " expected " + expected[i] + " (bits " + Integer.toHexString(Float.floatToRawIntBits(expected[i]))
                        + "), actual " + actual[i] + " (bits " + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + ")");
            }
        }
    }

    /**
     * The bound after a gated activation f, given the reference pre-activation {@code pre} (a float)
     * and a bound {@code b} on the fast kernel's pre-activation error. Evaluated in float, f is
     * within 3u|x| of its exact value: for HARDSWISH, fl(x*a) and fl(. + beta) each err by u relative,
     * which moves g = clamp(ax + beta, 0, 1) by at most u(|ax| + |ax + beta|) <= u(|ax| + 1) once
     * clamped, and the final product adds u|x g|; with |ax| <= 1 + |beta| on the ramp that stays under
     * (3 + |beta|)u|x| + u for the parameters used here. HARDSIGMOID is the same without the product.
     * Then |f_fast - f_ref| <= Lip(f) * b + err(pre) + err(pre + b), and a 2^-149 per rounding for
     * subnormal results.
     */
    static double activated(Activation act, float pre, double b) {
        double x = Math.abs((double) pre), xb = x + b;
        double per = 4 + Math.abs((double) act.beta());
        return act.lipschitz() * b + per * U * (x + xb) + 2 * U + 6 * SUBNORMAL;
    }
}
