package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * The worker-side store behind a {@link ResultIterator}: workers store each item's outcome at its
 * index and settle it a chunk at a time, the iterator takes them out. Implementations are called by
 * one consumer at a time (the iterator serializes).
 */
abstract class ItemResults<R> implements ItemSink<R> {

    /** Waits forever when passed to {@link #take}. */
    static final long NO_TIMEOUT = -1L;

    /**
     * Each item's value, or its {@link Failure}, by index: written by the workers with plain
     * writes, read by the consumer only after the item's chunk is settled, and cleared as it is
     * taken so that results already handed out can be collected.
     */
    final Object[] outcomes;

    ItemResults(int size) {
        outcomes = new Object[size];
    }

    /** An item's exception, kept where its value would be. */
    private record Failure(Throwable cause) {
    }

    @Override
    public final void itemDone(int index, R value) {
        outcomes[index] = value;
    }

    @Override
    public final void itemFailed(int index, Throwable failure) {
        outcomes[index] = new Failure(failure);
    }

    @Override
    public boolean wantsMore() {
        return true;
    }

    /** Safe to call from any thread, without the iterator's lock: a debugger or a log line may ask. */
    abstract boolean hasMore();

    /**
     * Takes the next outcome, waiting at most {@code nanos} (or forever for {@link #NO_TIMEOUT}).
     * A failed item is consumed and thrown: its exception wrapped in a
     * {@link java.util.concurrent.CompletionException}, or a cancellation as itself.
     */
    abstract R take(long nanos) throws InterruptedException, TimeoutException;

    /** Takes the outcome at {@code index}, which must be settled, out of the store. */
    @SuppressWarnings("unchecked")
    final R takeSettled(int index) {
        Object outcome = outcomes[index];
        outcomes[index] = null;
        if (outcome instanceof Failure failure) {
            if (failure.cause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw new CompletionException(failure.cause());
        }
        return (R) outcome;
    }
}
