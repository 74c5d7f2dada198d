package dev.poolwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.agent.instrument.PoolTransformer;

/**
 * A short-lived daemon thread that takes the agent's slow first steps beside the program's start-up
 * rather than before it. It first weaves {@code ThreadPoolExecutor}, the pool class programs load
 * first, ahead of its loading (on a multi-core machine, in parallel with the rest of premain); then
 * it runs the one task {@link Agent} hands it, if any, and ends.
 */
final class StartupThread implements Runnable {

    private static final String FIRST_POOL_CLASS = "java/util/concurrent/ThreadPoolExecutor";

    private final PoolTransformer transformer;

    private final LinkedBlockingQueue<Runnable> task = new LinkedBlockingQueue<>();

    private StartupThread(PoolTransformer transformer) {
        this.transformer = transformer;
    }

    static StartupThread start(PoolTransformer transformer) {
        StartupThread startup = new StartupThread(transformer);
        Thread thread = new Thread(startup, "poolwatch-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    /** Runs {@code work} on this thread once its head start is done. */
    void then(Runnable work) {
        task.add(work);
    }

    /** Ends the thread after its head start: there is nothing more for it to do. */
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
        weaveFirstPoolClassAhead();
        try {
            Runnable work = task.poll(1, TimeUnit.MINUTES);
            if (work != null) {
                work.run();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void weaveFirstPoolClassAhead() {
        // Read from java.base's module directly: a class loader would go through jrt: URLs, slower.
        try (InputStream in = Object.class.getModule().getResourceAsStream(FIRST_POOL_CLASS + ".class")) {
            if (in != null) {
                transformer.weaveAhead(FIRST_POOL_CLASS, in.readAllBytes());
            }
        } catch (IOException | RuntimeException unreadable) {
            // Only a head start: the class is woven when it loads.
        }
    }
}
