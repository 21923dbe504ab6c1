package dev.mobilevec.network.image;

import dev.mobilevec.network.internal.Json;
import java.util.List;

/**
 * The JSON line of one classified file, shared by {@code ./mobilevec classify --json} and the Spark job so the two
 * print the same fields the same way: {@code {"file", "top": [{"index", "label", "score"}]}} or
 * {@code {"file", "error"}}. Scores are printed with {@link Float#toString(float)}, which reads back to the same bits.
 */
public final class ClassificationJson {
    private ClassificationJson() {}

    public static String line(String file, List<ImageClassifier.Prediction> top) {
        StringBuilder sb = new StringBuilder("{\"file\": ").append(Json.quote(file)).append(", \"top\": [");
        for (int i = 0; i < top.size(); i++) {
            ImageClassifier.Prediction x = top.get(i);
            sb.append(i == 0 ? "" : ", ").append("{\"index\": ").append(x.index()).append(", \"label\": ")
                    .append(x.label() == null ? "null" : Json.quote(x.label())).append(", \"score\": ").append(x.score()).append('}');
        }
        return sb.append("]}").toString();
    }

    public static String errorLine(String file, String error) {
        return "{\"file\": " + Json.quote(file) + ", \"error\": " + Json.quote(error) + "}";
    }
}
