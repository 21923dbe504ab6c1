package dev.mobilevec.kernels;

/** Argument checks shared by all kernels. They run once per call, never inside a loop. */
public final class Checks {
    private Checks() {}

    public static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
        return value;
    }

    /** a*b as an int, or a clear error when the product does not fit (checked before anything is allocated). */
    public static int product(String what, long a, long b) {
        return product(what, a, b, 1, 1);
    }

    public static int product(String what, long a, long b, long c) {
        return product(what, a, b, c, 1);
    }

    /** Allocation-free (no varargs), so kernels can call it on every run. */
    public static int product(String what, long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException(what + ": negative factor in " + a + " x " + b + " x " + c + " x " + d);
        }
        long p = a;
        if (b != 0 && p > Integer.MAX_VALUE / b) {
            throw tooLarge(what, a, b, c, d);
        }
        p *= b;
        if (c != 0 && p > Integer.MAX_VALUE / c) {
            throw tooLarge(what, a, b, c, d);
        }
        p *= c;
        if (d != 0 && p > Integer.MAX_VALUE / d) {
            throw tooLarge(what, a, b, c, d);
        }
        p *= d;
        if (p > Integer.MAX_VALUE) {
            throw tooLarge(what, a, b, c, d);
        }
        return (int) p;
    }

    private static IllegalArgumentException tooLarge(String what, long a, long b, long c, long d) {
        return new IllegalArgumentException(what + " exceeds the int range of Java arrays: " + a + " x " + b
                + (c != 1 ? " x " + c : "") + (d != 1 ? " x " + d : "") + " is more than " + Integer.MAX_VALUE);
    }

    /** Checks that array[offset, offset+length) exists. */
    public static void region(String what, float[] array, int offset, int length) {
        if (array == null || offset < 0 || (long) offset + length > array.length) {
            throw regionError(what, array, offset, length);
        }
    }

    /** The message for a failed {@link #region} check; kept apart so the check itself builds no strings. */
    public static IllegalArgumentException regionError(String what, float[] array, long offset, long length) {
        if (array == null) {
            return new IllegalArgumentException(what + " must not be null (expected " + length + " floats)");
        }
        if (offset < 0) {
            return new IllegalArgumentException(what + " offset must be >= 0, got " + offset);
        }
        return new IllegalArgumentException(what + " needs " + length + " floats from offset " + offset
                + " (up to index " + (offset + length) + "), but the array has length " + array.length);
    }

    public static void exactLength(String what, float[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(what + " must not be null (expected " + expected + " floats)");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(what + " must have " + expected + " floats, got " + array.length);
        }
    }

    /** Weights must be finite so that padding, which kernels may treat as zero inputs, contributes exactly nothing. */
    public static void finite(String what, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; weights and biases must be finite");
            }
        }
    }

    public static void units(int from, int to, int total) {
        if (from < 0 || to > total || from > to) {
            throw new IllegalArgumentException("work-unit range [" + from + ", " + to + ") is outside [0, " + total + ")");
        }
    }
}
