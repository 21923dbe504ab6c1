package dev.mobilevec.kernels;

import java.util.SplittableRandom;

/** Test data: deterministic arrays from a seed, mixing ordinary, zero, negative, large and tiny values. */
enum Values {
    /** Uniform in [-1, 1]. */
    UNIFORM,
    /** Mostly uniform, with zeros, large (up to 1e4) and tiny (down to 1e-20) magnitudes of both signs. */
    MIXED;

    float[] array(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = next(r);
        }
        return a;
    }

    float next(SplittableRandom r) {
        float u = (float) (r.nextDouble() * 2 - 1);
        if (this == UNIFORM) {
            return u;
        }
        int pick = r.nextInt(20);
        return switch (pick) {
            case 0, 1 -> 0f;
            case 2 -> (float) (Math.signum(u) * Math.pow(10, 2 + 2 * r.nextDouble()));
            case 3 -> (float) (Math.signum(u) * Math.pow(10, -20 + 15 * r.nextDouble()));
            default -> u;
        };
    }
}
