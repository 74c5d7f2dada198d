package dev.poolwatch.it.programs.webapp;

import java.util.List;

import dev.poolwatch.pool.ThreadPool;

/**
 * A web application as {@link dev.poolwatch.it.programs.RedeployWebapp} deploys it, each time in a
 * class loader of its own: it keeps its pool in a {@code static final} field and closes it, as it
 * should, when it is undeployed.
 */
public final class Webapp {

    private static final ThreadPool POOL = new ThreadPool(2);

    private Webapp() {
    }

    /** Serves one request with the pool. */
    public static List<Integer> serve() {
        return POOL.map(x -> x * x, List.of(1, 2, 3));
    }

    /** Closes the pool: shuts it down and waits for its workers to exit. */
    public static void undeploy() {
        POOL.close();
    }
}
