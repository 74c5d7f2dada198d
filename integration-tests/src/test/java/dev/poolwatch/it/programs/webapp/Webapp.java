package dev.poolwatch.it.programs.webapp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A web application as a container sees it: loaded by a class loader of its own, it keeps a pool
 * in a static field and shuts it down properly when it is undeployed. On the way out it also hands
 * a task to its closed pool, and makes the agent fail once (through {@link FailingPool}): each
 * leaves evidence in the agent that must not keep this class loader alive.
 */
public final class Webapp {

    private static ExecutorService pool;

    private Webapp() {
    }

    public static String deploy() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        return pool.submit(() -> "served").get();
    }

    public static void undeploy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pool did not terminate");
        }
        try {
            pool.execute(() -> { });
        } catch (RejectedExecutionException expected) {
            // a late task, refused: the agent records where it came from
        }
        FailingPool failing = new FailingPool();
        failing.shutdown();
        try {
            failing.execute(() -> { });
        } catch (RejectedExecutionException expected) {
            // the agent's rejection hook fails on this pool: an internal error thrown from this loader's class
        }
    }
}
