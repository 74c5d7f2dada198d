package dev.poolwatch.pool;

import java.util.concurrent.TimeoutException;

/**
 * The worker-side store behind a {@link ResultIterator}: items arrive from workers, the iterator
 * takes them out. Implementations are called by one consumer at a time (the iterator serializes).
 */
abstract class ItemResults<R> implements ItemSink<R> {

    /** Waits forever when passed to {@link #take}. */
    static final long NO_TIMEOUT = -1L;

    /** Safe to call from any thread, without the iterator's lock: a debugger or a log line may ask. */
    abstract boolean hasMore();

    /**
     * Takes the next outcome, waiting at most {@code nanos} (or forever for {@link #NO_TIMEOUT}).
     * A failed item is consumed and thrown: its exception wrapped in a
     * {@link java.util.concurrent.CompletionException}, or a cancellation as itself.
     */
    abstract R take(long nanos) throws InterruptedException, TimeoutException;

    @Override
    public boolean wantsMore() {
        return true;
    }
}
