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

    /** a*b*... as an int, or a clear error when the product does not fit (before anything is allocated). */
    public static int product(String what, long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException(what + ": negative factor " + f);
            }
            if (f != 0 && p > Integer.MAX_VALUE / f) {
                throw new IllegalArgumentException(what + " exceeds the int range of Java arrays: "
                        + java.util.Arrays.toString(factors) + " multiply to more than " + Integer.MAX_VALUE);
            }
            p *= f;
        }
        return (int) p;
    }

    /** Checks that array[offset, offset+length) exists. */
    public static void region(String what, float[] array, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException(what + " must not be null (expected " + length + " floats)");
        }
        if (offset < 0) {
            throw new IllegalArgumentException(what + " offset must be >= 0, got " + offset);
        }
        if ((long) offset + length > array.length) {
            throw new IllegalArgumentException(what + " needs " + length + " floats from offset " + offset
                    + " (up to index " + ((long) offset + length) + "), but the array has length " + array.length);
        }
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
