package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps a pool in a static field from its static initializer on, never shut down, as libraries do.
 * The tests load it from a directory, from a jar of its own, or from the jar the program runs from.
 */
public final class PoolHoldingClass {

    static final ExecutorService POOL = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "held-for-life");
        thread.setDaemon(true);
        return thread;
    });

    private PoolHoldingClass() {
    }
}
