package dev.poolwatch.agent.bootstrap;

/**
 * What the agent knows of one pool: where and by whom it was created, and once shut down, where.
 * The stacks are {@link Throwable}s: capturing one is cheap, and its frames are decoded only if a
 * report needs them.
 */
public final class PoolRecord {

    private final String poolType;
    private final Throwable creationSite;
    private final String creatingThread;
    private final long createdAtMillis;
    private volatile Throwable shutdownSite;
    private volatile String shutdownMethod;

    PoolRecord(String poolType, Throwable creationSite, String creatingThread, long createdAtMillis) {
        this.poolType = poolType;
        this.creationSite = creationSite;
        this.creatingThread = creatingThread;
        this.createdAtMillis = createdAtMillis;
    }

    public String poolType() {
        return poolType;
    }

    public Throwable creationSite() {
        return creationSite;
    }

    public String creatingThread() {
        return creatingThread;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** Where the pool was first shut down, or {@code null} while it is open. */
    public Throwable shutdownSite() {
        return shutdownSite;
    }

    /** The method that first shut the pool down ({@code shutdown}, {@code close}, ...), or {@code null}. */
    public String shutdownMethod() {
        return shutdownMethod;
    }

    /** Records the first shutdown only; returns whether this call was it. */
    synchronized boolean markShutdown(Throwable site, String method) {
        if (shutdownSite != null) {
            return false;
        }
        shutdownMethod = method;
        shutdownSite = site;
        return true;
    }
}
