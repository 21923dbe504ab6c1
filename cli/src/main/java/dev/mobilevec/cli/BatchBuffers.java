package dev.mobilevec.cli;

import dev.mobilevec.kernels.Checks;

/**
 * The float arrays a command holds for a whole batch (input images, outputs), sized with a clear error instead of an
 * int overflow (a negative array size from {@code batch * length}) or an OutOfMemoryError: the session bounds its own
 * activation buffers by the heap, these arrays grow with --batch on top of them.
 */
final class BatchBuffers {
    private BatchBuffers() {}

    /**
     * {@code batch * perImage} floats, or an IllegalArgumentException naming what, the product and the heap when the
     * array cannot exist: past the int range, larger than the whole heap, or not allocatable after the collector ran
     * (what is in use now counts garbage too, so only the allocation itself can say).
     */
    static float[] floats(String what, int batch, int perImage) {
        int n = Checks.product(what + " (--batch x floats per image)", batch, perImage);
        Runtime rt = Runtime.getRuntime();
        long bytes = 4L * n;
        if (bytes > rt.maxMemory()) {
            throw tooLarge(what, batch, perImage, bytes, rt.maxMemory(), null);
        }
        try {
            return new float[n];
        } catch (OutOfMemoryError e) {
            throw tooLarge(what, batch, perImage, bytes, rt.maxMemory(), e);
        }
    }

    private static IllegalArgumentException tooLarge(String what, int batch, int perImage, long bytes, long heap, Throwable cause) {
        return new IllegalArgumentException(what + " for batch " + batch + " needs " + batch + " x " + perImage + " floats ("
                + (bytes >> 20) + " MB); the heap is " + (heap >> 20) + " MB (-Xmx) and holds the model and session too:"
                + " use a smaller --batch or a larger heap", cause);
    }
}
