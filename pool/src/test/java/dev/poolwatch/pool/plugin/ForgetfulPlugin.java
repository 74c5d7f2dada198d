package dev.poolwatch.pool.plugin;

import java.util.concurrent.ExecutorService;

import dev.poolwatch.pool.LeakGuard;

/**
 * A plug-in, loaded by a class loader of its own, that guards the executor its host hands it and
 * keeps the view in a static field, never closing it.
 */
public final class ForgetfulPlugin {

    private static ExecutorService executor;

    private ForgetfulPlugin() {
    }

    public static void start(ExecutorService hostExecutor) {
        executor = LeakGuard.wrap(hostExecutor);
    }
}
