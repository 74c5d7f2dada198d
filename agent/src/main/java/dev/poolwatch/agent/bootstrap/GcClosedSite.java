package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pools created at one site that were shut down only by the garbage collector (a finalizer or a
 * {@code Cleaner}), or collected while still open: one representative record and a count.
 */
public final class GcClosedSite {

    private final PoolRecord first;
    private final boolean collectedOpen;
    private final AtomicInteger count = new AtomicInteger();

    GcClosedSite(PoolRecord first, boolean collectedOpen) {
        this.first = first;
        this.collectedOpen = collectedOpen;
    }

    public PoolRecord first() {
        return first;
    }

    /** {@code true} if the pools were collected without any shutdown; {@code false} if a finalizer or Cleaner shut them down. */
    public boolean collectedOpen() {
        return collectedOpen;
    }

    public int count() {
        return count.get();
    }

    void add() {
        count.incrementAndGet();
    }
}
