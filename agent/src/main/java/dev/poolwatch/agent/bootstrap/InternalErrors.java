package dev.poolwatch.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the agent's own failures. An error inside woven code is swallowed here and never reaches
 * the program; the count and the first error are reported once, at exit.
 */
public final class InternalErrors {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicReference<Throwable> FIRST = new AtomicReference<>();

    private InternalErrors() {
    }

    public static void record(Throwable error) {
        try {
            COUNT.incrementAndGet();
            FIRST.compareAndSet(null, error);
        } catch (Throwable ignored) {
            // Even counting failed (out of memory): there is nothing safe left to do.
        }
    }

    public static long count() {
        return COUNT.get();
    }

    /** The first error recorded, or {@code null}. */
    public static Throwable first() {
        return FIRST.get();
    }
}
