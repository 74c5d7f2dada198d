package dev.poolwatch.pool;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Drives the garbage collector until a condition holds, with a bound so a failing test never hangs. */
final class Gc {

    private Gc() {
    }

    static boolean collectUntil(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            System.gc();
            Thread.sleep(20);
        }
        return true;
    }

    static boolean threadsAlive(Iterable<String> names) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            for (String name : names) {
                if (thread.getName().equals(name) && thread.isAlive()) {
                    return true;
                }
            }
        }
        return false;
    }
}
