package dev.poolwatch.samples.libraries;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A program's own pool, not an ExecutorService: one worker thread that takes tasks until
 * {@link #stop()}. The agent knows it only from a kinds file.
 */
public final class WorkerPool {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean stopped;

    public WorkerPool(String name) {
        worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    public void submit(Runnable task) {
        tasks.add(task);
    }

    public void stop() {
        stopped = true;
        worker.interrupt();
    }

    private void work() {
        while (!stopped) {
            try {
                tasks.take().run();
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }
}
