package dev.poolwatch.it.programs;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/** Runs the garbage collector while a thread waits, to learn whether what it waits on survives. */
final class WhileWaiting {

    private static final int COLLECTIONS = 20;

    private WhileWaiting() {
    }

    /**
     * Once {@code waiter} waits, collects up to 20 times, and returns whether the object
     * {@code watched} refers to then (it is read only when the waiter waits) survived every time.
     */
    static boolean survivesCollections(Thread waiter, Supplier<WeakReference<?>> watched) {
        while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        WeakReference<?> reference = watched.get();
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            if (reference.get() == null) {
                return false;
            }
        }
        return true;
    }
}
