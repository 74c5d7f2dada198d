package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The results of {@code imap}: handed out in input order, each as soon as it and those before it are done. */
final class OrderedResults<R> extends ItemResults<R> {

    private final CompletableFuture<R>[] slots;
    /** Written by the one consumer; volatile so that {@link #hasMore()} can be read without its lock. */
    private volatile int cursor;

    @SuppressWarnings("unchecked")
    OrderedResults(int size) {
        slots = new CompletableFuture[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new CompletableFuture<>();
        }
    }

    @Override
    public void itemDone(int index, R value) {
        slots[index].complete(value);
    }

    @Override
    public void itemFailed(int index, Throwable failure) {
        slots[index].completeExceptionally(failure);
    }

    @Override
    boolean hasMore() {
        return cursor < slots.length;
    }

    @Override
    R take(long nanos) throws InterruptedException, TimeoutException {
        CompletableFuture<R> slot = slots[cursor];
        try {
            R value = nanos == NO_TIMEOUT ? slot.get() : slot.get(nanos, TimeUnit.NANOSECONDS);
            consume();
            return value;
        } catch (ExecutionException failed) {
            consume();
            throw Waiting.asCompletionException(failed);
        } catch (CancellationException cancelled) {
            consume();
            throw cancelled;
        }
    }

    private void consume() {
        slots[cursor++] = null;
    }
}
