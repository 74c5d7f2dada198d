package dev.poolwatch.agent.bootstrap;

/**
 * How the JVM is exiting: the status passed to {@code java.lang.Shutdown.exit} (by
 * {@code System.exit}, {@code Runtime.exit} or a termination signal), and what to do when an exit
 * starts while shutdown hooks already run.
 *
 * <p>A shutdown hook that calls {@code System.exit} blocks forever (the JDK's documented
 * behaviour), so the JVM never reaches the agent's exit report. The agent then reports at that
 * moment instead, and says why.
 */
public final class JvmExit {

    /** Never started nor registered: asking to remove it reveals whether shutdown is in progress. */
    private static final Thread NEVER_REGISTERED = new Thread("poolwatch-shutdown-probe");

    private static volatile Integer status;
    private static volatile Runnable onExitDuringShutdown;

    private JvmExit() {
    }

    static void exiting(int requested) {
        if (shutdownInProgress()) {
            Runnable action = onExitDuringShutdown;
            if (action != null) {
                action.run();
            }
            return;
        }
        synchronized (JvmExit.class) {
            if (status == null) {
                status = requested;
            }
        }
    }

    /** Whether application shutdown hooks have started: then no hook can be added or removed. */
    public static boolean shutdownInProgress() {
        try {
            Runtime.getRuntime().removeShutdownHook(NEVER_REGISTERED);
            return false;
        } catch (IllegalStateException inProgress) {
            return true;
        }
    }

    /** The status of the first exit call, or {@code null} if the JVM exits because its last non-daemon thread ended. */
    public static Integer status() {
        return status;
    }

    public static void onExitDuringShutdown(Runnable action) {
        onExitDuringShutdown = action;
    }
}
