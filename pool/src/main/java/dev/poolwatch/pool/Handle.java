package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The caller's view of a {@link Completion}. It holds the pool strongly, which the worker-side
 * completion must never do: a caller that can still wait for a result keeps the pool alive, while
 * a pool whose results nobody holds can be reclaimed.
 */
final class Handle<T> implements AsyncResult<T> {

    private final Completion<T> completion;
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held only to keep the pool reachable
    private final Object pool;

    Handle(Completion<T> completion, Object pool) {
        this.completion = completion;
        this.pool = pool;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return completion.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return completion.future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return completion.future.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return completion.future.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return completion.future.get(timeout, unit);
    }

    @Override
    public void waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            completion.future.get(timeout, unit);
        } catch (ExecutionException | CancellationException | TimeoutException settledOrNotYet) {
            // Python's wait() reports nothing: the caller asks ready() or get() next.
        }
    }

    @Override
    public boolean ready() {
        return isDone();
    }

    @Override
    public boolean successful() {
        if (!isDone()) {
            throw new IllegalStateException("Result is not ready: call successful() after ready() is true");
        }
        return !completion.future.isCompletedExceptionally();
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return completion.future.copy();
    }

    @Override
    public String toString() {
        CompletableFuture<T> future = completion.future;
        String state = !future.isDone() ? "pending"
                : future.isCancelled() ? "cancelled"
                : future.isCompletedExceptionally() ? "failed" : "successful";
        return "AsyncResult[" + state + "]";
    }
}
