package dev.poolwatch.agent.bootstrap;

/**
 * How the JVM is exiting: the status passed to {@code java.lang.Shutdown.exit} (by
 * {@code System.exit}, {@code Runtime.exit} or a termination signal), and what to do when an exit
 * starts while shutdown hooks already run.
 *
 * <p>An exit called while shutdown hooks already run blocks forever (the JDK's documented
 * behaviour); if a hook made it, the JVM never reaches the agent's exit report. The action given to
 * {@link #onExitDuringShutdown} runs on such a call's thread to tell the two cases apart.
 */
public final class JvmExit {

    /** Never started nor registered: asking to remove it reveals whether shutdown is in progress. */
    private static final Thread NEVER_REGISTERED = new Thread("poolwatch-shutdown-probe");

    /**
     * Each exiting thread's own status: when two threads call {@code System.exit} at once, the one
     * that takes the JDK's shutdown lock first decides the status, and it is also the thread that
     * runs the shutdown slots, the exit report's among them.
     */
    private static final ThreadLocal<Integer> STATUS_OF_THIS_THREAD = new ThreadLocal<>();

    private static volatile Integer firstStatus;
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
        STATUS_OF_THIS_THREAD.set(requested);
        synchronized (JvmExit.class) {
            if (firstStatus == null) {
                firstStatus = requested;
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

    /**
     * The status the JVM exits with, asked on the thread that runs the shutdown slots: that thread's
     * own exit call, or, asked elsewhere, the first exit call's; {@code null} if the JVM exits
     * because its last non-daemon thread ended.
     */
    public static Integer status() {
        Integer own = STATUS_OF_THIS_THREAD.get();
        return own != null ? own : firstStatus;
    }

    public static void onExitDuringShutdown(Runnable action) {
        onExitDuringShutdown = action;
    }
}
