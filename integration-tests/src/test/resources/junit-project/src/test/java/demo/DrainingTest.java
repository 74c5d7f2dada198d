package demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DrainingTest {

    private static final CountDownLatch taskRunning = new CountDownLatch(1);
    private static final CountDownLatch releaseTask = new CountDownLatch(1);

    @Test
    void shutsDownWhileItsTaskStillRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> {
            taskRunning.countDown();
            return releaseTask.await(1, TimeUnit.MINUTES);
        });
        assertTrue(taskRunning.await(1, TimeUnit.MINUTES));
        pool.shutdown();
        assertFalse(pool.isTerminated(), "its worker still runs the task when the test ends");
    }

    @AfterAll
    static void releaseTheTask() {
        releaseTask.countDown();
    }
}
