package dev.poolwatch.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of work handed to a {@link ThreadPool}: Python's {@code AsyncResult}, as a
 * {@link Future}.
 *
 * <p>{@link #get()} follows the {@link Future} contract: a failed task surfaces as an
 * {@link ExecutionException} whose cause is the task's exception, a cancelled one (by
 * {@link #cancel(boolean)}, {@link ThreadPool#terminate()}, reclamation, or cancelling what
 * {@link ThreadPool#shutdownNow()} returned) as a {@link java.util.concurrent.CancellationException}.
 * A callback given at submission runs before the result becomes {@linkplain #ready() ready}, so
 * {@code get()} returns after it, as in Python.
 *
 * <p>Holding an {@code AsyncResult} keeps its pool reachable, so a pool is never reclaimed while a
 * caller can still wait for one of its results.
 *
 * @param <T> the type of the result
 */
public interface AsyncResult<T> extends Future<T> {

    /**
     * Waits at most the given time for the result to be ready, and returns quietly whether or not
     * it is: Python's {@code wait(timeout)}.
     *
     * @param timeout how long to wait at most
     * @param unit the unit of {@code timeout}
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void waitFor(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Returns whether the work has completed, normally, exceptionally or by cancellation. Same as
     * {@link #isDone()}.
     *
     * @return {@code true} once the result is settled
     */
    boolean ready();

    /**
     * Returns whether the work completed without an exception.
     *
     * @return {@code true} if the result holds a value, {@code false} if it holds an exception or
     *     was cancelled
     * @throws IllegalStateException if the result is not {@linkplain #ready() ready} yet (Python
     *     raises {@code ValueError})
     */
    boolean successful();

    /**
     * Returns a {@link CompletableFuture} that completes when this result does, with its value or
     * with a {@link java.util.concurrent.CompletionException} wrapping its exception. Completing
     * the returned future does not affect this result.
     *
     * @return a new dependent future
     */
    CompletableFuture<T> toCompletableFuture();

    /**
     * Waits for and returns the result.
     *
     * @return the task's value
     * @throws ExecutionException with the task's exception as its cause, if the task failed
     * @throws java.util.concurrent.CancellationException if the work was cancelled or discarded by
     *     {@link ThreadPool#terminate()}
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    @Override
    T get() throws InterruptedException, ExecutionException;

    /**
     * Waits at most the given time for the result and returns it.
     *
     * @param timeout how long to wait at most
     * @param unit the unit of {@code timeout}
     * @return the task's value
     * @throws TimeoutException if the result is not ready in time
     * @throws ExecutionException with the task's exception as its cause, if the task failed
     * @throws java.util.concurrent.CancellationException if the work was cancelled or discarded
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    @Override
    T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;
}
