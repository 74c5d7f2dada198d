package dev.poolwatch.samples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** JDK 21+: a virtual-thread-per-task executor left open with a task still running. */
public final class VirtualThreadExecutorLeak {

    private VirtualThreadExecutorLeak() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor();
        perTask.submit(() -> {
            started.countDown();
            new CountDownLatch(1).await();
            return null;
        });
        started.await();
        System.out.println("virtual thread running");
    }
}
