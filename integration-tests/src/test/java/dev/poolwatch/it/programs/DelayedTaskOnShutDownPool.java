package dev.poolwatch.it.programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task on a pool after a delay, through {@code CompletableFuture.delayedExecutor}. With
 * {@code late}, the pool is shut down before the delay ends (before the task is even scheduled): the
 * JDK's delay thread hands the task to the shut-down pool, which refuses it, and the task's future
 * never completes; the program only learns of it from its own timeout. Without, the task runs and
 * the pool is shut down after.
 */
public final class DelayedTaskOnShutDownPool {

    private DelayedTaskOnShutDownPool() {
    }

    public static void main(String[] args) throws Exception {
        boolean late = args.length > 0 && args[0].equals("late");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        if (late) {
            // Before the task is scheduled, so that no delay of this thread lets the delay end first.
            pool.shutdown();
        }
        CompletableFuture<String> task = CompletableFuture.supplyAsync(() -> "ran",
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, pool));
        try {
            // Long enough for a busy machine to run the task; late, it never completes.
            System.out.println("task: " + task.get(late ? 2 : 60, TimeUnit.SECONDS));
        } catch (TimeoutException neverCompleted) {
            System.out.println("task timed out");
        }
        pool.shutdown();
    }
}
