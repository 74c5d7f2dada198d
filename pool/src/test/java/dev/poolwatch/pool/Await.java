package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for tests: every wait ends, in a failure if need be, so a broken pool fails a test
 * instead of hanging the build. No test asserts how long anything takes.
 */
final class Await {

    /** The bound on every wait, far above anything a passing test needs. */
    static final long SECONDS = 30;

    /** The bound on a whole test, for {@code @Timeout}: above {@link #SECONDS}, so a failed wait reports itself. */
    static final long TEST_SECONDS = 2 * SECONDS;

    private Await() {
    }

    /** Waits for {@code latch} to open, failing the test if it stays closed. */
    static void open(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(SECONDS, TimeUnit.SECONDS), "the latch was not released within " + SECONDS + " s");
    }

    /** Polls {@code condition} until it holds, failing the test if it does not within the bound. */
    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + SECONDS + " s: " + what);
            }
            Thread.sleep(1);
        }
    }

    /**
     * Starts a daemon thread that runs {@code action} once {@code waiter} is parked, waiting: the
     * way to act only after a call has started to wait, without guessing with a sleep. After the
     * bound the action runs anyway, so nothing is left blocked; a test that needed the wait then
     * fails on its own assertions.
     */
    static Thread whenParked(Thread waiter, Runnable action) {
        Thread helper = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            while (!isParked(waiter) && waiter.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    break;
                }
            }
            action.run();
        }, "test-when-parked");
        helper.setDaemon(true);
        helper.start();
        return helper;
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
