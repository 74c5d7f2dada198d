package dev.poolwatch.it.programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A watchdog thread, not a shutdown hook, calls {@code System.exit} while the program's shutdown
 * hook runs; the hook closes one of two pools. The JDK blocks the second call and finishes the
 * first exit: the hook ends, the JVM exits.
 */
public final class ExitDuringHooksFromAnotherThread {

    private ExitDuringHooksFromAnotherThread() {
    }

    public static void main(String[] args) {
        ExecutorService leaked = Executors.newCachedThreadPool();
        ExecutorService closedByHook = Executors.newCachedThreadPool();
        CountDownLatch hookRunning = new CountDownLatch(1);
        CountDownLatch watchdogExiting = new CountDownLatch(1);
        Thread watchdog = new Thread(() -> {
            awaitQuietly(hookRunning);
            watchdogExiting.countDown();
            System.exit(0);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hookRunning.countDown();
            awaitQuietly(watchdogExiting);
            closedByHook.shutdown();
        }, "closing-hook"));
        System.out.println("leaked " + leaked.getClass().getSimpleName());
        System.exit(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
