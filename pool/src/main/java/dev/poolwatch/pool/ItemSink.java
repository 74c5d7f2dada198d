package dev.poolwatch.pool;

/** Where a {@link ChunkJob} delivers each item's outcome, by the item's index in the input. */
interface ItemSink<R> {

    void itemDone(int index, R value);

    void itemFailed(int index, Throwable failure);

    /** Whether outcomes are still wanted; {@code false} once the whole result was cancelled or failed. */
    boolean wantsMore();
}
