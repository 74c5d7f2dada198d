package dev.poolwatch.junit;

import java.util.List;

/**
 * An open pool as the agent recorded it, copied out of the agent's record so that only
 * {@link AgentPools} links against the agent's classes.
 *
 * @param number the pool's place in the order the agent recorded pools, unique in the JVM
 * @param poolType the pool's class
 * @param creationSite where it was created, the first application frame first; empty for a test runner's pool
 * @param creatingThread the name of the thread that created it, then
 * @param scope the scope ({@link PoolSource#enterScope}) of the thread that created it, 0 for none
 * @param scopeInheritedByPoolWorker whether that thread had its scope as a worker a pool started: it
 *     may have run a task another scope submitted to that pool
 * @param poolKind the library kind of the pool ({@code netty}), or {@code null} for the JDK's pools
 */
record PoolSeen(long number, String poolType, List<String> creationSite, String creatingThread, long scope,
        boolean scopeInheritedByPoolWorker, String poolKind) {

    private static final String STATIC_INITIALIZER = ".<clinit>(";

    /** Whether the program created it: a test runner's pool has no frame of the program's. */
    boolean createdByTheProgram() {
        return !creationSite.isEmpty();
    }

    /**
     * Whether a static initializer created it, as far as its site shows: such a pool belongs to its
     * class for the JVM's life, whichever test first touched the class.
     */
    boolean createdByStaticInitializer() {
        for (String frame : creationSite) {
            if (frame.contains(STATIC_INITIALIZER)) {
                return true;
            }
        }
        return false;
    }
}
