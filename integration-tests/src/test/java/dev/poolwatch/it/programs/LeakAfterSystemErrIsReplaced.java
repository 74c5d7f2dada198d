package dev.poolwatch.it.programs;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaks a pool, then points {@code System.err} at nothing, as a test runner does once it stops
 * reading a forked JVM's output.
 */
public final class LeakAfterSystemErrIsReplaced {

    private LeakAfterSystemErrIsReplaced() {
    }

    public static void main(String[] args) {
        ExecutorService leaked = Executors.newCachedThreadPool();
        System.out.println("leaked " + leaked.getClass().getSimpleName());
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true));
    }
}
