package dev.poolwatch.pool;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The results of {@link ThreadPool#imap} or {@link ThreadPool#imapUnordered}, handed out as they
 * become available: Python's {@code IMapIterator}.
 *
 * <p>{@link #next()} blocks until the next result is ready. When the function failed for an item,
 * {@code next()} throws a {@link java.util.concurrent.CompletionException} whose cause is that
 * exception, and the iteration may go on with the following items. An item discarded by
 * {@link ThreadPool#terminate()}, or cancelled after {@link ThreadPool#shutdownNow()}, throws a
 * {@link java.util.concurrent.CancellationException}: no {@code next()} waits forever. If
 * the waiting thread is interrupted, its interrupt status is restored and {@code next()} throws a
 * {@code CompletionException} caused by an {@link InterruptedException}; the item is not consumed.
 *
 * <p>Holding the iterator keeps its pool reachable.
 *
 * @param <R> the type of the results
 */
public interface ResultIterator<R> extends Iterator<R> {

    /**
     * Waits at most the given time for the next result: Python's {@code next(timeout)}.
     *
     * @param timeout how long to wait at most
     * @param unit the unit of {@code timeout}
     * @return the next result
     * @throws TimeoutException if no result is ready in time; the item is not consumed, so a later
     *     call returns it
     * @throws java.util.NoSuchElementException if every result has been returned
     * @throws java.util.concurrent.CompletionException with the function's exception as cause, if
     *     it failed for this item
     */
    R next(long timeout, TimeUnit unit) throws TimeoutException;
}
