package dev.mobilevec.spark;

import dev.mobilevec.network.image.Preprocessing;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a task needs besides the model bytes, resolved on the driver from the transformer's params (so a bad
 * param fails there, before any task starts). Serializable: it travels in the task closure.
 *
 * @param inputIndex position of the image-bytes column in the input rows
 * @param labels class names, or null
 */
record ClassifyConfig(ModelSpec spec, int inputIndex, int resize, int crop, float[] mean, float[] std, long maxPixels,
        int topK, int batchSize, int threads, boolean logits, boolean features, List<String> labels) implements Serializable {

    Preprocessing preprocessing() {
        return new Preprocessing(resize, crop, mean, std);
    }
}
