package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class ClosingTest {

    @Test
    void closesItsPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertEquals(42, pool.submit(() -> 42).get());
        } finally {
            pool.shutdown();
        }
    }
}
