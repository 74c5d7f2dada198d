package dev.poolwatch.pool;

import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown when work is handed to a {@link ThreadPool} after {@link ThreadPool#shutdown()},
 * {@link ThreadPool#terminate()} or {@link ThreadPool#close()}.
 *
 * <p>The message is {@code "Pool not running"}, the words Python's {@code ThreadPool} uses for the
 * same mistake. It is a {@link RejectedExecutionException}, so code written against
 * {@link java.util.concurrent.ExecutorService} handles it as it handles any rejection.
 */
public class PoolNotRunningException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message {@code "Pool not running"}. */
    public PoolNotRunningException() {
        super("Pool not running");
    }
}
