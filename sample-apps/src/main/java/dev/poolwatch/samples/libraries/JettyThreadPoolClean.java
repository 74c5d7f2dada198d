package dev.poolwatch.samples.libraries;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Starts a Jetty QueuedThreadPool, runs a task, and stops it. */
public final class JettyThreadPoolClean {

    private JettyThreadPoolClean() {
    }

    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 1);
        pool.start();
        pool.execute(() -> { });
        pool.stop();
    }
}
