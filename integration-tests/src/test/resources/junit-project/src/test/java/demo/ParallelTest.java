package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Two tests that create their pools at the same moment on two threads; only one leaves its pool open. */
@EnabledIfSystemProperty(named = "junit.jupiter.execution.parallel.enabled", matches = "true")
@Execution(ExecutionMode.CONCURRENT)
class ParallelTest {

    private static final CyclicBarrier bothRunning = new CyclicBarrier(2);

    @Test
    void leaksWhileAnotherTestRuns() throws Exception {
        bothRunning.await(1, TimeUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        assertEquals(1, pool.submit(() -> 1).get());
        bothRunning.await(1, TimeUnit.MINUTES);
    }

    @Test
    void closesWhileAnotherTestLeaks() throws Exception {
        bothRunning.await(1, TimeUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            assertEquals(2, pool.submit(() -> 2).get());
            bothRunning.await(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdown();
        }
    }
}
