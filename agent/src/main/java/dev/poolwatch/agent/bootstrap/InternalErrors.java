package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the agent's own failures. An error inside woven code is swallowed here and never reaches
 * the program; the count and the first error are reported once, at exit.
 *
 * <p>The first error is kept as its description only: the error itself would hold the classes of
 * its stack, and so their class loaders, until the JVM exits.
 */
public final class InternalErrors {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicReference<String> FIRST = new AtomicReference<>();

    private InternalErrors() {
    }

    public static void record(Throwable error) {
        try {
            COUNT.incrementAndGet();
            if (FIRST.get() == null) {
                FIRST.compareAndSet(null, describe(error));
            }
        } catch (Throwable ignored) {
            // Even counting failed (out of memory): there is nothing safe left to do.
        }
    }

    /** What {@code error} says of itself; its own {@code toString} is the program's code and may fail too. */
    private static String describe(Throwable error) {
        try {
            return String.valueOf(error);
        } catch (Throwable failedToDescribe) {
            return error.getClass().getName();
        }
    }

    public static long count() {
        return COUNT.get();
    }

    /** The description of the first error recorded ({@code toString()}), or {@code null}. */
    public static String first() {
        return FIRST.get();
    }
}
