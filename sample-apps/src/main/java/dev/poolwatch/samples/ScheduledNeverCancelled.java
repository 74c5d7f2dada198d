package dev.poolwatch.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A repeating task on a scheduled pool that nobody cancels or shuts down. */
public final class ScheduledNeverCancelled {

    private ScheduledNeverCancelled() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch ticked = new CountDownLatch(2);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(ticked::countDown, 0, 10, TimeUnit.MILLISECONDS);
        ticked.await();
        System.out.println("ticking");
        System.exit(0); // the ticker's thread would keep the JVM alive
    }
}
