package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads call {@code System.exit} at once, and the one that called second decides the status.
 * The JDK exits with the status of the thread that takes {@code java.lang.Shutdown}'s lock first; this
 * program holds that lock in {@code main} while another thread calls {@code System.exit(0)}, then
 * calls {@code System.exit(7)} itself, so 0 is asked first and 7 wins.
 */
public final class TwoExitsAtOnce {

    private TwoExitsAtOnce() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService leaked = Executors.newCachedThreadPool();
        System.out.println("leaked " + leaked.getClass().getSimpleName());
        Class<?> shutdown = Class.forName("java.lang.Shutdown");
        synchronized (shutdown) {
            Thread first = new Thread(() -> System.exit(0), "exits-with-0");
            first.start();
            while (first.getState() != Thread.State.BLOCKED) {
                LockSupport.parkNanos(1_000_000);
            }
            System.exit(7);
        }
    }
}
