package dev.poolwatch.agent.instrument;

/** What a woven call tells the registry, and where in the method it goes. */
enum Hook {
    /** {@code PoolEvents.created(this)} before every return of a constructor. */
    CREATED,
    /** {@code PoolEvents.shutdown(this, methodName)} at method entry. */
    SHUTDOWN,
    /** {@code PoolEvents.rejected(this)} at method entry. */
    REJECTED,
    /** {@code PoolEvents.startingWorker(this)} at the entry of the method that starts a worker thread. */
    STARTING_WORKER,
    /**
     * {@code PoolEvents.rejectedThrowing(this, exception)} in a handler around the whole method that
     * catches {@code RejectedExecutionException} and rethrows it: for pools that reject by throwing
     * from deep inside, this costs nothing until a task is rejected.
     */
    REJECTED_THROWING,
    /** {@code PoolEvents.exiting(status)} at the entry of the static {@code Shutdown.exit(int)}. */
    EXITING,
    /**
     * {@code PoolEvents.platformMBeanServer(server)} before every return of the static
     * {@code ManagementFactory.getPlatformMBeanServer()}, with the server it returns.
     */
    PLATFORM_MBEAN_SERVER;

    /** Whether the hooked method is static: no pool, no {@code this}. */
    boolean onStaticMethod() {
        return this == EXITING || this == PLATFORM_MBEAN_SERVER;
    }
}
