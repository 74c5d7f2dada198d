package dev.poolwatch.agent;

import jdk.internal.access.SharedSecrets;

/**
 * Runs the exit report after every application shutdown hook has finished, so that a pool closed in
 * a shutdown hook is not reported.
 *
 * <p>{@code Runtime.addShutdownHook} cannot promise that: application hooks run concurrently, in no
 * order. The JDK runs its own shutdown work in numbered slots, one after another, on the exiting
 * thread: slot 1 runs (and joins) all application hooks, slot 2 deletes files marked
 * {@code deleteOnExit}. The report takes the last slot through {@code JavaLangAccess}, which the
 * agent exports to itself at startup. If a future JDK refuses, it falls back to an application
 * hook and says that pools closed by other hooks may then be reported.
 */
final class ShutdownSlot {

    /** The JDK has ten slots (0-9) and uses 0 to 2. */
    static final int SLOT = 9;

    private ShutdownSlot() {
    }

    static void register(Runnable report, Console console) {
        try {
            SharedSecrets.getJavaLangAccess().registerShutdownHook(SLOT, false, report);
        } catch (RuntimeException | LinkageError | InternalError refused) {
            // InternalError: the slot is taken, by another agent or a second copy of this one.
            Thread hook = new Thread(report, "poolwatch-exit-report");
            hook.setDaemon(true);
            Runtime.getRuntime().addShutdownHook(hook);
            console.println("poolwatch: the exit report runs beside the application's shutdown hooks (" + refused
                    + "); a pool that another shutdown hook closes may be reported");
        }
    }
}
