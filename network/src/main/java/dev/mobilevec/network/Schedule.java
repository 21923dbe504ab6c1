package dev.mobilevec.network;

/**
 * How a {@link Session} spreads a batch over its threads. Both give the same bits: no kernel's result
 * depends on the thread count, on how work units are split, or on the other images of a batch.
 */
public enum Schedule {
    /**
     * Every layer's work is split over all threads, one layer after another, with the whole batch in one
     * arena. The only choice for batch 1, and what {@code layerNanos} timing uses.
     */
    LAYER_PARALLEL,
    /**
     * Each thread runs whole images through every layer in its own batch-1 arena, so an image's
     * tensors stay in its core's caches and threads never wait for each other between layers.
     * With B images on T threads, the first T * floor(B / T) images are spread evenly this way and the
     * last B mod T run layer-parallel, so no thread idles. The deepest layers, whose weights outweigh the
     * batch's tensors, then run once over the whole batch, layer-parallel (the batched tail: each weight
     * read once per batch instead of once per image; {@code Session.batchedTail}).
     */
    IMAGE_PARALLEL,
    /** IMAGE_PARALLEL when batch >= threads and batch > 1, else LAYER_PARALLEL (the measurements behind it are in README). */
    AUTO;

    /** The schedule AUTO stands for, for this batch and thread count. */
    public Schedule resolve(int batch, int threads) {
        if (this != AUTO) {
            return this;
        }
        return batch > 1 && batch >= threads ? IMAGE_PARALLEL : LAYER_PARALLEL;
    }
}
