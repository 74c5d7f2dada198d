package dev.poolwatch.agent.bootstrap;

/**
 * Pools created at one site that were shut down only by the garbage collector (a finalizer or a
 * {@code Cleaner}), or collected while still open: one representative record and a count.
 */
public final class GcClosedSite {

    private final PoolRecord first;
    private int count;
    private long lastCreatedAtMillis;

    GcClosedSite(PoolRecord first) {
        this.first = first;
    }

    public PoolRecord first() {
        return first;
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
