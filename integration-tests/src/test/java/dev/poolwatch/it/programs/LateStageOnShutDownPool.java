package dev.poolwatch.it.programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Chains a stage onto a pool with {@code thenApplyAsync}, while the stage before it still runs on
 * the JDK's own threads. With {@code late}, the pool is shut down before that stage completes: the
 * JDK's thread that completes it hands the next stage to the shut-down pool, which refuses it, and
 * the stage fails. Without, the chain completes first and the pool is shut down after. Prints what
 * the stage ended with.
 */
public final class LateStageOnShutDownPool {

    private LateStageOnShutDownPool() {
    }

    public static void main(String[] args) throws Exception {
        boolean late = args.length > 0 && args[0].equals("late");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch firstStageMayEnd = new CountDownLatch(1);
        CompletableFuture<Integer> stage = CompletableFuture.supplyAsync(() -> waitFor(firstStageMayEnd))
                .thenApplyAsync(answer -> answer + 1, pool);
        if (late) {
            pool.shutdown();
        }
        firstStageMayEnd.countDown();
        try {
            System.out.println("stage: " + stage.join());
        } catch (CompletionException failed) {
            System.out.println("stage failed: " + failed.getCause().getClass().getName());
        }
        pool.shutdown();
    }

    private static int waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 41;
    }
}
