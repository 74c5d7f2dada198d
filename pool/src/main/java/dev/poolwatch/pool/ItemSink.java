package dev.poolwatch.pool;

/**
 * Where a {@link ChunkJob} delivers each item's outcome, by the item's index in the input, and then
 * says once that its whole chunk is settled.
 *
 * <p>Values are stored with plain writes and handed on a chunk at a time: a hand-off (an atomic
 * count, a wake-up of a waiting consumer) costs far more than a trivial item, so one per item would
 * cost {@code map} and {@code imap} most of their time at large chunk sizes.
 */
interface ItemSink<R> {

    /** Stores one item's value; it may be handed on only once its chunk is settled. */
    void itemDone(int index, R value);

    /** Stores one item's failure; a sink that fails as a whole ({@code map}) may act on it at once. */
    void itemFailed(int index, Throwable failure);

    /**
     * Every item from {@code firstIndex}, {@code count} of them, has its outcome stored. Called once
     * per chunk, unless the chunk stopped because {@link #wantsMore()} turned {@code false}.
     */
    void chunkSettled(int firstIndex, int count);

    /** Whether outcomes are still wanted; {@code false} once the whole result was cancelled or failed. */
    boolean wantsMore();
}
