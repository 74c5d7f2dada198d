package dev.poolwatch.pool;

import java.util.concurrent.TimeoutException;

/**
 * The results of {@code imap}: handed out in input order, a chunk's as soon as it and the chunks
 * before it are settled.
 */
final class OrderedResults<R> extends ItemResults<R> {

    private final int chunksize;
    /** A slot a chunk, filled when the chunk is settled. */
    private final SettledSlots settledChunks;
    /** The items before this index are settled, as the consumer has seen; read and written only by it. */
    private int settledUpTo;
    /** Written by the one consumer; volatile so that {@link #hasMore()} can be read without its lock. */
    private volatile int cursor;

    OrderedResults(int size, int chunksize) {
        super(size);
        this.chunksize = chunksize;
        settledChunks = new SettledSlots((size + chunksize - 1) / chunksize);
    }

    @Override
    public void chunkSettled(int firstIndex, int count) {
        // Filling the slot publishes the chunk's plain writes to the consumer that sees it filled.
        settledChunks.fill(firstIndex / chunksize, 0);
    }

    @Override
    boolean hasMore() {
        return cursor < outcomes.length;
    }

    @Override
    R take(long nanos) throws InterruptedException, TimeoutException {
        int index = cursor;
        if (index == settledUpTo) {
            settledChunks.await(index / chunksize, nanos);
            settledUpTo = Math.min(outcomes.length, index + chunksize);
        }
        try {
            return takeSettled(index);
        } finally {
            cursor = index + 1;
        }
    }
}
