package dev.poolwatch.pool;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a pool's workers, named {@code <prefix>-worker-<n>} and numbered from 1 in the order they
 * are made, replacements included. Workers inherit no inheritable thread-locals: a worker outlives
 * the request that happened to create its pool.
 */
final class WorkerThreads implements ThreadFactory {

    private final String namePrefix;
    private final boolean daemon;
    private final AtomicInteger made = new AtomicInteger();

    WorkerThreads(String namePrefix, boolean daemon) {
        this.namePrefix = namePrefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread worker = new Thread(null, work, namePrefix + "-worker-" + made.incrementAndGet(), 0, false);
        worker.setDaemon(daemon);
        return worker;
    }
}
