package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A pool closed by the application's own shutdown hook, as servers often do: not a leak. */
public final class ClosedInShutdownHook {

    private ClosedInShutdownHook() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "close-pool-hook"));
        System.out.println("result " + pool.submit(() -> 21 * 2).get());
        System.exit(0);
    }
}
