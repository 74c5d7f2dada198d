package dev.poolwatch.it.programs;

import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import javax.poolwatch.fixture.LegacyScheduler;

/**
 * Leaves open three pools that the program creates by way of JDK code or a JDK-like package name:
 * one made by a method reference that a {@code ThreadLocal} calls, one made by a library in a
 * {@code javax.} package, and the pool of an {@code AsynchronousChannelGroup}, which the JDK builds
 * for the program (its timer, a second pool, with it).
 */
public final class PoolsMadeThroughTheJdk {

    private PoolsMadeThroughTheJdk() {
    }

    public static void main(String[] args) throws Exception {
        ThreadLocal<ExecutorService> perThread = ThreadLocal.withInitial(Executors::newSingleThreadExecutor);
        ExecutorService fromThreadLocal = perThread.get();
        ExecutorService fromLibrary = LegacyScheduler.start();
        AsynchronousChannelGroup group = AsynchronousChannelGroup.withFixedThreadPool(1, new DaemonThreads());
        System.out.println("open: " + !fromThreadLocal.isShutdown() + " " + !fromLibrary.isShutdown() + " "
                + !group.isShutdown());
    }

    /** The group's threads run for as long as it is open: daemons, so that the JVM can exit. */
    private static final class DaemonThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "channel-group");
            thread.setDaemon(true);
            return thread;
        }
    }
}
