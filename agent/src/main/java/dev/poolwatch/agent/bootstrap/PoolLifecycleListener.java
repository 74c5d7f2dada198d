package dev.poolwatch.agent.bootstrap;

/**
 * Hears each pool's lifecycle as the registry records it, on the thread where it happens: a tool
 * that shows pools live (JDK Flight Recorder) rather than at exit. It hears only what the registry
 * records: not the JDK's own pools, not the agent's probe. A listener must return quickly and never
 * throw; it is called from inside the program's pool constructors and shutdowns.
 *
 * <p>An interface here, in the bootstrap runtime, so that the registry can call a listener that
 * lives in the agent's own class loader and uses APIs (the {@code jdk.jfr} module) this package
 * must not load at start-up.
 */
public interface PoolLifecycleListener {

    /** A pool was recorded, on the thread that created it, before its constructor returns. */
    void created(PoolRecord record);

    /**
     * A recorded pool was shut down for the first time, on the thread that shut it down.
     *
     * @param byGarbageCollector whether a finalizer or a {@code Cleaner} shut it down, not the program
     */
    void shutdown(PoolRecord record, boolean byGarbageCollector);

    /**
     * A task was handed to a shut-down pool, on the submitting thread.
     *
     * @param submit the submits from this site so far, this one counted
     * @param record the pool's record, or {@code null} if the agent did not see it created
     */
    void submittedAfterShutdown(SubmitAfterShutdown submit, PoolRecord record);
}
