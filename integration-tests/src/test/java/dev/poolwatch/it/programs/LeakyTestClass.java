package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A test class whose test leaves a pool open, run by {@code org.junit.platform.poolwatchfixture.ReflectiveRunner}. */
public final class LeakyTestClass {

    /** Held, so the pool is still open at exit rather than left to the garbage collector. */
    private static ExecutorService leaked;

    private LeakyTestClass() {
    }

    public static void leavesAPoolOpen() {
        leaked = Executors.newSingleThreadExecutor();
    }
}
