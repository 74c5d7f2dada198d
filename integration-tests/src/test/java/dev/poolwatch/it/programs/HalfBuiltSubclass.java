package dev.poolwatch.it.programs;

import java.lang.ref.WeakReference;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A pool subclass whose constructor throws after the JDK's constructor returned: the program never
 * holds it, it never starts a thread, and the garbage collector takes it. Beside it, a pool that ran
 * a task and was dropped while open, its worker timed out: that one leaked. Both are collected
 * before the program ends, and it waits until the JDK's cleaner thread has nothing left to do.
 */
public final class HalfBuiltSubclass {

    private static WeakReference<Object> halfBuilt;

    private HalfBuiltSubclass() {
    }

    /** A pool whose own constructor fails after {@code super(...)}. */
    static final class MisconfiguredPool extends ThreadPoolExecutor {
        MisconfiguredPool() {
            super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            halfBuilt = new WeakReference<>(this);
            throw new IllegalStateException("pool size not configured");
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            new MisconfiguredPool();
        } catch (IllegalStateException expected) {
            System.out.println("construction failed: " + expected.getMessage());
        }
        WeakReference<Object> dropped = dropAPoolThatRanATask();
        while (halfBuilt.get() != null || dropped.get() != null) {
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        awaitIdleCleanerThread();
        System.out.println("both collected");
    }

    private static WeakReference<Object> dropAPoolThatRanATask() throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        pool.allowCoreThreadTimeOut(true);
        pool.execute(() -> { });
        while (pool.getPoolSize() > 0) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return new WeakReference<>(pool);
    }

    /** Until the JDK's shared cleaner thread waits on its queue twice in a row: the actions it was handed have run. */
    private static void awaitIdleCleanerThread() {
        Thread cleaner = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("Common-Cleaner")).findFirst().orElseThrow();
        int idleInARow = 0;
        while (idleInARow < 2) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            boolean waiting = cleaner.getState() == Thread.State.TIMED_WAITING || cleaner.getState() == Thread.State.WAITING;
            idleInARow = waiting ? idleInARow + 1 : 0;
        }
    }
}
