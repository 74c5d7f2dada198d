package dev.poolwatch.it.programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Runs until stopped, with two pools created before any agent: one whose worker is at work in
 * {@link #waitForever}, and one whose thread factory wraps each worker in a task of its own, which
 * hides the pool from its threads. Prints {@code ready} once both workers run.
 */
public final class PoolsAtWorkBeforeAttach {

    private PoolsAtWorkBeforeAttach() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService atWork = Executors.newFixedThreadPool(2);
        atWork.execute(() -> waitForever(started));
        ThreadFactory wrapping = worker -> new Thread(() -> {
            worker.run();
        }, "wrapped-worker");
        ExecutorService hidden = Executors.newSingleThreadExecutor(wrapping);
        hidden.execute(started::countDown);
        started.await();
        System.out.println("ready");
    }

    private static void waitForever(CountDownLatch started) {
        started.countDown();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
