package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The results of {@code imapUnordered}: handed out in the order they complete. */
final class UnorderedResults<R> extends ItemResults<R> {

    private static final Object NO_VALUE = new Object();

    /** One item's outcome: a value, or a failure when {@code failure} is set. */
    private record Outcome(Object value, Throwable failure) {
    }

    private final LinkedBlockingQueue<Outcome> completed = new LinkedBlockingQueue<>();
    private final int size;
    /** Written by the one consumer; volatile so that {@link #hasMore()} can be read without its lock. */
    private volatile int taken;

    UnorderedResults(int size) {
        this.size = size;
    }

    @Override
    public void itemDone(int index, R value) {
        completed.add(new Outcome(value, null));
    }

    @Override
    public void itemFailed(int index, Throwable failure) {
        completed.add(new Outcome(NO_VALUE, failure));
    }

    @Override
    boolean hasMore() {
        return taken < size;
    }

    @Override
    @SuppressWarnings("unchecked")
    R take(long nanos) throws InterruptedException, TimeoutException {
        Outcome next = nanos == NO_TIMEOUT ? completed.take() : completed.poll(nanos, TimeUnit.NANOSECONDS);
        if (next == null) {
            throw new TimeoutException("No result within the timeout");
        }
        taken++;
        if (next.failure() instanceof CancellationException cancelled) {
            throw cancelled;
        }
        if (next.failure() != null) {
            throw new CompletionException(next.failure());
        }
        return (R) next.value();
    }
}
