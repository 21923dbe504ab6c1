package dev.mobilevec.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that run one job at a time together with the calling thread,
 * allocation-free. Between the layers of an inference workers spin briefly (a layer ends in tens of
 * microseconds, far less than a park/unpark round trip costs); once idle for longer than
 * {@link #SPIN_NANOS} they park, so an idle session burns no CPU.
 */
final class WorkerPool implements AutoCloseable {

    /** A job split into {@code parts} pieces; piece {@code part} runs on one thread. */
    interface Job {
        void run(int part, int parts);
    }

    static final long SPIN_NANOS = 100_000;

    private final int parts;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Job job;
    private volatile long epoch;
    private volatile Thread waiter;
    private volatile boolean closed;
    private volatile Throwable failure;

    WorkerPool(int threads, String name) {
        this.parts = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            Thread t = new Thread(() -> loop(part), name + "-worker-" + part);
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    int parts() {
        return parts;
    }

    long[] threadIds() {
        long[] ids = new long[workers.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = workers[i].threadId();
        }
        return ids;
    }

    void execute(Job j) {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        if (parts == 1) {
            j.run(0, 1);
            return;
        }
        job = j;
        failure = null;
        waiter = Thread.currentThread();
        remaining.set(parts - 1);
        epoch = epoch + 1; // publishes job, failure and waiter (single writer)
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            j.run(0, parts);
        } catch (Throwable t) {
            own = t;
        }
        long start = System.nanoTime();
        while (remaining.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void loop(int part) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (epoch == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (epoch == seen) {
                return; // closed, and no job left to finish
            }
            // A job published before close() still runs, so its caller is never left waiting.
            seen = epoch;
            try {
                job.run(part, parts);
            } catch (Throwable t) {
                failure = t;
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /** Stops the workers and waits for them to end. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
