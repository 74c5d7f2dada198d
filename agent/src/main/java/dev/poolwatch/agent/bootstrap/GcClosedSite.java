package dev.poolwatch.agent.bootstrap;

/**
 * Pools created at one site that were shut down only by the garbage collector (a finalizer or a
 * {@code Cleaner}), or collected while still open: one representative record and a count.
 */
public final class GcClosedSite {

    private final PoolRecord first;
    private final boolean collectedOpen;
    private int count;
    private long lastCreatedAtMillis;

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

    public synchronized int count() {
        return count;
    }

    /** When the latest of the pools was created. */
    public synchronized long lastCreatedAtMillis() {
        return lastCreatedAtMillis;
    }

    synchronized void add(PoolRecord record) {
        count++;
        lastCreatedAtMillis = Math.max(lastCreatedAtMillis, record.createdAtMillis());
    }
}
