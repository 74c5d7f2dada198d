package dev.poolwatch.pool;

import java.lang.ref.Cleaner;

/**
 * The library's one {@link Cleaner}, and the warning it logs for every pool it reclaims.
 *
 * <p>Its thread is a daemon, so it never keeps the JVM alive. It runs as long as the JVM and has
 * no context class loader, as the JDK's own cleaner threads: otherwise it would keep the loader of
 * whichever thread first touched this class, a webapp's that was undeployed long ago.
 */
final class Reclamation {

    static final System.Logger LOG = System.getLogger("dev.poolwatch.pool");

    static final Cleaner CLEANER = Cleaner.create(Reclamation::cleanerThread);

    private Reclamation() {
    }

    /**
     * Made in a privileged block: on JDK 17 (not on 25) a new thread keeps the access control
     * context of the code that creates it, with the protection domain, and so the class loader, of
     * every class on the stack, and the first pool may well be created by a webapp's class.
     */
    @SuppressWarnings("removal") // AccessController: deprecated for removal, and still needed on 17
    private static Thread cleanerThread(Runnable cleaning) {
        return java.security.AccessController.doPrivileged((java.security.PrivilegedAction<Thread>) () -> {
            Thread thread = new Thread(null, cleaning, "poolwatch-pool-cleaner", 0, false);
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
    }

    /**
     * Logged before the pool is stopped, not after: stopping it may let the JVM exit, and the
     * warning must not be lost with it.
     */
    static void warnReclaiming(String pool, String stateAtReclaim, CreationSite site) {
        LOG.log(System.Logger.Level.WARNING,
                "unclosed " + stateAtReclaim + " pool " + pool + " became unreachable; its Cleaner terminates it."
                        + " Call close() (or use try-with-resources) when done with it. Created at:",
                site.toThrowable());
    }
}
