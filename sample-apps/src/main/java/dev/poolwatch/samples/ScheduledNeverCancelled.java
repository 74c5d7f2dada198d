package dev.poolwatch.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A repeating task on a scheduled pool that nobody cancels or shuts down. */
public final class ScheduledNeverCancelled {

    private ScheduledNeverCancelled() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch ticked = new CountDownLatch(1);
        ScheduledThreadPoolExecutor ticker = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
        ticker.scheduleAtFixedRate(ticked::countDown, 0, 1, TimeUnit.HOURS);
        ticked.await();
        // Exits between two runs, as a service would: the task waits in the queue for its next one.
        while (ticker.getActiveCount() > 0) {
            Thread.onSpinWait();
        }
        System.out.println("ticking");
        System.exit(0); // the ticker's thread would keep the JVM alive
    }
}
