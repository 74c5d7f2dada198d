package dev.poolwatch.pool;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Collects the outcomes of a {@code map}: the list of results in input order once every item is
 * done, or the first exception raised by any item, as Python's {@code MapResult} does.
 */
final class Batch<R> extends Completion<List<R>> implements ItemSink<R> {

    private final Object[] values;
    private final AtomicInteger remaining;

    Batch(int size, Consumer<? super List<R>> onSuccess, Consumer<? super Throwable> onError) {
        super(onSuccess, onError);
        this.values = new Object[size];
        this.remaining = new AtomicInteger(size);
        if (size == 0) {
            succeed(Collections.emptyList());
        }
    }

    @Override
    public void itemDone(int index, R value) {
        values[index] = value;
    }

    @Override
    public void itemFailed(int index, Throwable failure) {
        fail(failure);
    }

    /** One count a chunk, not an item: the workers would otherwise contend for it on every item. */
    @Override
    public void chunkSettled(int firstIndex, int count) {
        // The update that reaches zero happens after every chunk's plain writes to values.
        if (remaining.addAndGet(-count) == 0) {
            succeed(valuesAsList());
        }
    }

    @Override
    public boolean wantsMore() {
        return !isSettled();
    }

    @SuppressWarnings("unchecked")
    private List<R> valuesAsList() {
        return Collections.unmodifiableList((List<R>) Arrays.asList(values));
    }
}
