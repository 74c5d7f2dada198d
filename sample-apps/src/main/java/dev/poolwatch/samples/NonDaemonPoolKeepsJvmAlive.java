package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaves a fixed pool open: its worker is not a daemon thread, so the JVM never exits on its own
 * once main returns.
 */
public final class NonDaemonPoolKeepsJvmAlive {

    private NonDaemonPoolKeepsJvmAlive() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> 1).get();
        System.out.println("main returns; the pool's thread keeps the JVM alive");
    }
}
