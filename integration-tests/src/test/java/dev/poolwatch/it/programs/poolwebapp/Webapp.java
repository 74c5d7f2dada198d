package dev.poolwatch.it.programs.poolwebapp;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.poolwatch.pool.LeakGuard;
import dev.poolwatch.pool.ThreadPool;

/**
 * A web application as {@link dev.poolwatch.it.programs.RedeployWebapp} deploys it, each time in a
 * class loader of its own: it keeps its pools in {@code static final} fields, a {@link ThreadPool}
 * and a JDK pool with a thread factory of its own behind a {@link LeakGuard} view, and closes them,
 * as it should, when it is undeployed.
 */
public final class Webapp {

    private static final ThreadPool POOL = new ThreadPool(2);
    private static final ExecutorService IO = LeakGuard.wrap(Executors.newFixedThreadPool(1, Webapp::ioThread));

    private Webapp() {
    }

    private static Thread ioThread(Runnable work) {
        Thread thread = new Thread(work, "webapp-io");
        thread.setDaemon(true);
        return thread;
    }

    /** Serves one request with both pools. */
    public static List<Integer> serve() throws ExecutionException, InterruptedException {
        List<Integer> squares = POOL.map(x -> x * x, List.of(1, 2));
        return List.of(squares.get(0), squares.get(1), IO.submit(() -> 9).get());
    }

    /** Closes the pools: each shuts down and waits for its workers to exit. */
    public static void undeploy() throws Exception {
        POOL.close();
        ((AutoCloseable) IO).close();
    }
}
