package dev.poolwatch.agent;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Tells whether the JVM's shutdown is waiting for a thread to end, which makes that thread one of
 * the program's shutdown hooks: the JDK starts every hook, then joins them one after another, and
 * a join waits on the hook's {@code Thread} object.
 *
 * <p>Used only in the rare case of {@code System.exit} called while the JVM already exits, so it
 * may load {@code java.lang.management}.
 */
final class ShutdownHooks {

    private static final String RUNS_HOOKS = "java.lang.ApplicationShutdownHooks";

    private ShutdownHooks() {
    }

    /** Whether the JDK's shutdown sequence is now joining {@code thread} as a shutdown hook. */
    static boolean isAwaited(Thread thread) {
        int identity = System.identityHashCode(thread);
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            LockInfo awaited = info.getLockInfo();
            if (awaited != null && awaited.getIdentityHashCode() == identity && runsHooks(info.getStackTrace())) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsHooks(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(RUNS_HOOKS)) {
                return true;
            }
        }
        return false;
    }
}
