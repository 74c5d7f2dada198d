package dev.poolwatch.pool;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The caller's {@link ResultIterator}: serializes consumers and, like {@link Handle}, holds the
 * pool so that it stays reachable while results can still be read.
 */
final class ImapIterator<R> implements ResultIterator<R> {

    private final ItemResults<R> results;
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // held only to keep the pool reachable
    private final Object pool;

    ImapIterator(ItemResults<R> results, Object pool) {
        this.results = results;
        this.pool = pool;
    }

    /** Without the lock, which the results allow: called for every item, it would cost as much as the hand-off. */
    @Override
    public boolean hasNext() {
        return results.hasMore();
    }

    @Override
    public synchronized R next() {
        requireMore();
        try {
            return results.take(ItemResults.NO_TIMEOUT);
        } catch (TimeoutException impossible) {
            throw new AssertionError("an untimed wait timed out", impossible);
        } catch (InterruptedException interrupted) {
            throw Waiting.interrupted(interrupted);
        }
    }

    @Override
    public synchronized R next(long timeout, TimeUnit unit) throws TimeoutException {
        requireMore();
        try {
            return results.take(Math.max(0L, unit.toNanos(timeout)));
        } catch (InterruptedException interrupted) {
            throw Waiting.interrupted(interrupted);
        }
    }

    private void requireMore() {
        if (!results.hasMore()) {
            throw new NoSuchElementException("Every result has been returned");
        }
    }

    /** Never takes the iterator's lock, so it answers while another thread waits in {@code next()}. */
    @Override
    public String toString() {
        return "ResultIterator[" + (results.hasMore() ? "more results" : "exhausted") + "]";
    }
}
