package dev.poolwatch.samples.libraries;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Starts a Jetty QueuedThreadPool, runs a task, and never stops it; its threads are not daemons. With
 * {@code busy} as the first argument, the task is still running when the program exits.
 */
public final class JettyThreadPoolLeak {

    private JettyThreadPoolLeak() {
    }

    public static void main(String[] args) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(4, 1);
        pool.start();
        boolean busy = args.length > 0 && args[0].equals("busy");
        CountDownLatch running = new CountDownLatch(1);
        pool.execute(() -> {
            running.countDown();
            if (busy) {
                waitForever();
            }
        });
        running.await();
        if (!busy) {
            // Jetty counts the thread busy until its task has returned: exit once it is idle again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pool.getBusyThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        System.exit(0);
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
