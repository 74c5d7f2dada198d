package dev.poolwatch.pool;

import java.lang.ref.Cleaner;

/**
 * The library's one {@link Cleaner}, and the warning it logs for every pool it reclaims.
 *
 * <p>Its thread is a daemon, so it never keeps the JVM alive.
 */
final class Reclamation {

    static final System.Logger LOG = System.getLogger("dev.poolwatch.pool");

    static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(null, runnable, "poolwatch-pool-cleaner", 0, false);
        thread.setDaemon(true);
        return thread;
    });

    private Reclamation() {
    }

    /**
     * Logged before the pool is stopped, not after: stopping it may let the JVM exit, and the
     * warning must not be lost with it.
     */
    static void warnReclaiming(String pool, String stateAtReclaim, CreationSite site) {
        LOG.log(System.Logger.Level.WARNING,
                "unclosed " + stateAtReclaim + " pool " + pool + " became unreachable; its Cleaner terminates it."
                        + " Call close() (or use try-with-resources) when done with it. Created at:",
                site.trimmed());
    }
}
