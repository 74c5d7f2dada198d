package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The worker-side end of a result: settled exactly once, by a value, an exception or a
 * cancellation, after running the matching callback.
 *
 * <p>Callbacks run before the future completes, so a caller of {@code get()} sees their effects,
 * as in Python where the callback runs before the result's event is set. Settling is decided by
 * one compare-and-set, so a cancellation racing a completion never runs both callbacks. Once
 * settled, the future completes whatever the callback or the report of its failure throws.
 *
 * <p>Nothing here may reference a {@link ThreadPool}: completions are reachable from the queue and
 * from running workers, and a reference would keep an abandoned pool reachable forever.
 */
abstract class Completion<T> {

    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Consumer<? super T> onSuccess;
    private final Consumer<? super Throwable> onError;
    private final AtomicBoolean settled = new AtomicBoolean();

    Completion(Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        this.onSuccess = onSuccess;
        this.onError = onError;
    }

    final boolean succeed(T value) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        try {
            Callbacks.run(onSuccess, value);
        } finally {
            future.complete(value);
        }
        return true;
    }

    final boolean fail(Throwable failure) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        try {
            Callbacks.run(onError, failure);
        } finally {
            future.completeExceptionally(failure);
        }
        return true;
    }

    final boolean isSettled() {
        return settled.get();
    }

    /** Cancels the work; a {@link CancellationException} result is what {@code isCancelled} reads. */
    boolean cancel(boolean mayInterruptIfRunning) {
        return fail(new CancellationException("cancelled"));
    }
}
