package dev.poolwatch.pool;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Gives any {@link ExecutorService} the protection {@link ThreadPool} has built in: if the guarded
 * view becomes unreachable while the executor is still not shut down, a {@link java.lang.ref.Cleaner}
 * calls {@link ExecutorService#shutdownNow()} on it, cancels every task that returns that is a
 * {@link java.util.concurrent.Future} (so no {@code get()} on a result of the view waits forever),
 * and logs one {@code WARNING} through {@code System.getLogger("dev.poolwatch.pool")} with the
 * stack that called {@link #wrap}.
 *
 * <pre>{@code
 * ExecutorService io = LeakGuard.wrap(Executors.newFixedThreadPool(8));
 * }</pre>
 *
 * <p>Once the view has seen the executor terminated ({@code close()}, or {@code awaitTermination}
 * or {@code isTerminated()} returning {@code true}), the Cleaner no longer holds the executor, nor
 * what it references (a thread factory, and its class loader).
 *
 * <p>Use the returned view everywhere and drop the original: the executor's own threads keep the
 * original reachable forever, so only the view can tell that the program has let go of it. Futures
 * returned by the view come from the executor and do not keep the view reachable.
 */
public final class LeakGuard {

    private LeakGuard() {
    }

    /**
     * Returns a view of {@code executor} that shuts it down and warns if the view is dropped while
     * the executor is still open. Every method delegates to {@code executor}; {@code close()} shuts
     * down and waits, as {@code ExecutorService.close()} does on JDK 19+ (interrupted, it calls
     * {@code shutdownNow()} and cancels the futures that returns). A view passed in again is
     * returned as it is.
     *
     * @param executor the executor to guard
     * @return the guarded view, which also is an {@link AutoCloseable}
     * @throws NullPointerException if {@code executor} is {@code null}
     */
    public static ExecutorService wrap(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        if (executor instanceof GuardedExecutorService) {
            return executor;
        }
        return new GuardedExecutorService(executor, CreationSite.CAPTURE_BY_DEFAULT);
    }
}
