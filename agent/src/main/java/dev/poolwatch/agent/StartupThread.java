package dev.poolwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.instrument.PoolTransformer;

/**
 * A short-lived daemon thread that takes the agent's slow first steps beside the program's start-up
 * rather than before it. It first weaves a throwaway copy of {@code ThreadPoolExecutor}'s class file,
 * so the weaver's classes are loaded and verified by the time the program loads its first pool
 * class (on a multi-core machine, in parallel with the rest of premain); then it runs the one task
 * {@link Agent} hands it, if any, and ends.
 */
final class StartupThread implements Runnable {

    private static final String WARM_UP_CLASS = "java/util/concurrent/ThreadPoolExecutor";

    private final LinkedBlockingQueue<Runnable> task = new LinkedBlockingQueue<>();

    private StartupThread() {
    }

    static StartupThread start() {
        StartupThread startup = new StartupThread();
        Thread thread = new Thread(startup, "poolwatch-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    /** Runs {@code work} on this thread once the warm-up is done. */
    void then(Runnable work) {
        task.add(work);
    }

    /** Ends the thread after its warm-up: there is nothing more for it to do. */
    void endAfterWarmUp() {
        task.add(NOTHING);
    }

    private static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {
            // the thread ends after running it
        }
    };

    @Override
    public void run() {
        warmUpWeaver();
        try {
            Runnable work = task.poll(1, TimeUnit.MINUTES);
            if (work != null) {
                work.run();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warmUpWeaver() {
        // Read from java.base's module directly: a class loader would go through jrt: URLs, slower.
        try (InputStream in = Object.class.getModule().getResourceAsStream(WARM_UP_CLASS + ".class")) {
            if (in != null) {
                new PoolTransformer().transform(null, WARM_UP_CLASS, null, null, in.readAllBytes());
            }
        } catch (IOException | RuntimeException unreadable) {
            // Only a warm-up: the real weaving will load what it needs.
        }
    }
}
