package dev.poolwatch.agent.instrument;

/** What a woven call tells the registry, and where in the method it goes. */
enum Hook {
    /** {@code PoolEvents.created(this)} before every return of a constructor. */
    CREATED,
    /** {@code PoolEvents.shutdown(this, methodName)} at method entry. */
    SHUTDOWN,
    /** {@code PoolEvents.rejected(this)} at method entry. */
    REJECTED,
    /** {@code PoolEvents.exiting(status)} at the entry of the static {@code Shutdown.exit(int)}. */
    EXITING
}
