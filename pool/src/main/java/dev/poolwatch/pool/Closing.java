package dev.poolwatch.pool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The {@code ExecutorService.close()} contract of JDK 19+, for executors that must honour it on 17. */
final class Closing {

    private Closing() {
    }

    /**
     * Shuts {@code executor} down and waits for it to terminate. An interrupt while waiting runs
     * {@code onInterrupt} once (the JDK runs {@code shutdownNow()}), the wait goes on, and the
     * interrupt is restored on return.
     */
    static void shutdownAndAwait(ExecutorService executor, Runnable onInterrupt) {
        if (executor.isTerminated()) {
            return;
        }
        executor.shutdown();
        boolean interrupted = false;
        boolean terminated = false;
        while (!terminated) {
            try {
                terminated = executor.awaitTermination(1L, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    onInterrupt.run();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
