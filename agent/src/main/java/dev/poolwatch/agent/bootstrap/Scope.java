package dev.poolwatch.agent.bootstrap;

/**
 * Whose code a thread runs: a test runner's listener enters a scope on the thread that runs a test,
 * and every thread constructed from then on, by that thread or by the threads it constructed, inherits
 * it. A pool's record keeps the scope of the thread that created it.
 *
 * @param id the number {@link PoolQueries#newScope()} gave, unique in the JVM
 * @param inheritedByPoolWorker whether the scope reached the thread through a pool starting a worker:
 *     such a thread may later run tasks that others submit to the pool
 */
record Scope(long id, boolean inheritedByPoolWorker) {

    Scope inheritedBy(boolean poolWorker) {
        return poolWorker && !inheritedByPoolWorker ? new Scope(id, true) : this;
    }
}
