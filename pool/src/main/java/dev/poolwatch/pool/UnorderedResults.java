package dev.poolwatch.pool;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The results of {@code imapUnordered}: handed out a chunk at a time in the order the chunks are
 * settled, each chunk's items in input order.
 */
final class UnorderedResults<R> extends ItemResults<R> {

    private final int chunksize;
    /** How many chunks are settled so far: each settling chunk takes the next slot of {@link #settledOrder}. */
    private final AtomicInteger settledCount = new AtomicInteger();
    /** The first index of each chunk, in the order the chunks were settled. */
    private final SettledSlots settledOrder;
    /** The chunks handed out or being handed out, and the next item and end of the current one; the consumer's alone. */
    private int chunksTaken;
    private int next;
    private int end;
    /** Written by the one consumer; volatile so that {@link #hasMore()} can be read without its lock. */
    private volatile int taken;

    UnorderedResults(int size, int chunksize) {
        super(size);
        this.chunksize = chunksize;
        settledOrder = new SettledSlots((size + chunksize - 1) / chunksize);
    }

    @Override
    public void chunkSettled(int firstIndex, int count) {
        // Filling the slot publishes the chunk's plain writes to the consumer that sees it filled.
        settledOrder.fill(settledCount.getAndIncrement(), firstIndex);
    }

    @Override
    boolean hasMore() {
        return taken < outcomes.length;
    }

    @Override
    R take(long nanos) throws InterruptedException, TimeoutException {
        if (next == end) {
            next = settledOrder.await(chunksTaken, nanos);
            end = Math.min(outcomes.length, next + chunksize);
            chunksTaken++;
        }
        taken++;
        return takeSettled(next++);
    }
}
