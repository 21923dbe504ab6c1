package dev.mobilevec.spark;

import dev.mobilevec.network.Model;
import dev.mobilevec.network.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sessions kept between tasks of one executor JVM: a task borrows one for its partition and gives it back, so an
 * executor holds as many sessions as it runs tasks at once, not one per partition (a batch-8 MobileNetV2 session's
 * arena is over 100 MB; allocating one per partition measured as a GC cost).
 */
final class SessionPool {
    private record Key(Model model, int batch, int threads) {}

    private static final Map<Key, ConcurrentLinkedQueue<Session>> IDLE = new ConcurrentHashMap<>();

    private SessionPool() {}

    static Session borrow(Model model, int batch, int threads) {
        Session s = IDLE.computeIfAbsent(new Key(model, batch, threads), k -> new ConcurrentLinkedQueue<>()).poll();
        return s != null ? s : model.newSession(batch, threads);
    }

    static void giveBack(Session s) {
        IDLE.computeIfAbsent(new Key(s.model(), s.batch(), s.threads()), k -> new ConcurrentLinkedQueue<>()).offer(s);
    }
}
