package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaves a pool open, as a server might, and keeps a non-daemon thread of its own (the server's)
 * running for two seconds after main returns, then exits: the JVM is not kept alive by the pool alone.
 */
public final class PoolBesideAServerThread {

    private PoolBesideAServerThread() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> 1).get();
        Thread server = new Thread(() -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        }, "server");
        server.start();
    }
}
