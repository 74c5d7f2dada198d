package dev.poolwatch.pool;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Slots that workers fill once each with a non-negative value, and the one consumer that waits for
 * a slot to be filled: the hand-off behind {@code imap} and {@code imapUnordered}.
 *
 * <p>Filling a slot is a volatile write and a volatile read, and an unpark only when the consumer
 * is parked for that very slot, where a {@code CompletableFuture} a slot would cost an object each
 * and a {@code LinkedBlockingQueue} two locks a slot: at one item a chunk the hand-off is most of
 * the cost of an item, and waking the consumer for a slot it does not wait for would cost a
 * context switch each. The filler writes the slot, then reads {@link #awaited}; the consumer
 * writes {@code awaited}, then reads the slot; both volatile, so at least one of them sees the
 * other's write, and a consumer never parks past a slot filled for it.
 */
final class SettledSlots {

    private static final int NONE = -1;

    /** Each slot's value plus one: zero is a slot not filled yet. */
    private final AtomicIntegerArray slots;
    /** The thread waiting in {@link #await}: written before {@link #awaited}, which publishes it. */
    private Thread consumer;
    /** The slot the consumer is parked for, or {@link #NONE}. */
    private volatile int awaited = NONE;

    SettledSlots(int size) {
        slots = new AtomicIntegerArray(size);
    }

    /** Fills {@code slot} with {@code value}, and wakes the consumer if it waits for it. Each slot is filled once. */
    void fill(int slot, int value) {
        slots.set(slot, value + 1);
        if (awaited == slot) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Returns the value of {@code slot}, waiting at most {@code nanos} for it to be filled, or
     * forever if {@code nanos} is {@link ItemResults#NO_TIMEOUT}. A value already there is returned
     * even to an interrupted thread, as a completed future's is.
     *
     * @throws InterruptedException if the thread is interrupted while the slot is empty; the
     *     interrupt status is cleared
     * @throws TimeoutException if the slot is still empty after {@code nanos}
     */
    int await(int slot, long nanos) throws InterruptedException, TimeoutException {
        int filled = slots.get(slot);
        if (filled != 0) {
            return filled - 1;
        }
        long deadline = nanos == ItemResults.NO_TIMEOUT ? 0L : System.nanoTime() + nanos;
        consumer = Thread.currentThread();
        awaited = slot;
        try {
            while ((filled = slots.get(slot)) == 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (nanos == ItemResults.NO_TIMEOUT) {
                    LockSupport.park(this);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        throw new TimeoutException("No result within the timeout");
                    }
                    LockSupport.parkNanos(this, remaining);
                }
            }
            return filled - 1;
        } finally {
            awaited = NONE;
        }
    }
}
