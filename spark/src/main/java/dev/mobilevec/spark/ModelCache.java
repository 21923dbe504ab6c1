package dev.mobilevec.spark;

import dev.mobilevec.network.Model;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One immutable {@link Model} per JVM and model content: executors run many tasks, at once and one after another,
 * and they all share the packed weights (a Model is thread-safe; sessions are per task). Keyed by the SHA-256 of the
 * file's bytes, so a changed file under the same name is a different model, and the same file under two names is one.
 */
final class ModelCache {
    private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

    private ModelCache() {}

    /** The cached model, or one built from {@code bytes} (fetched only on a miss: reading a broadcast can cost a transfer). */
    static Model get(ModelSpec spec, Supplier<byte[]> bytes) {
        return MODELS.computeIfAbsent(spec.cacheKey(), k -> {
            byte[] b = bytes.get();
            String actual = sha256(b);
            if (!actual.equals(spec.sha256())) {
                throw new IllegalStateException("model bytes for " + spec.name() + " have SHA-256 " + actual + ", expected " + spec.sha256());
            }
            return spec.build(b);
        });
    }

    static int size() {
        return MODELS.size();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
