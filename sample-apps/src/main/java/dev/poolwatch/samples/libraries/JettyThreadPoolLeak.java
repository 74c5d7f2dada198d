package dev.poolwatch.samples.libraries;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Starts a Jetty QueuedThreadPool, runs a task, and never stops it; its threads are not daemons. */
public final class JettyThreadPoolLeak {

    private JettyThreadPoolLeak() {
    }

    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 1);
        pool.start();
        pool.execute(() -> { });
        System.exit(0);
    }
}
