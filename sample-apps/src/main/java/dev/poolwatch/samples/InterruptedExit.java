package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaks a pool and exits from a thread whose interrupt flag is set. File channels close when an
 * interrupted thread uses them, so a careless exit report would be cut short.
 */
public final class InterruptedExit {

    private InterruptedExit() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService leaked = Executors.newFixedThreadPool(1);
        leaked.submit(() -> 1).get();
        Thread.currentThread().interrupt();
        System.out.println("exiting with the interrupt flag set");
        System.exit(0);
    }
}
