package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class LeakyTest {

    @Test
    void leaksItsPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        assertEquals(42, pool.submit(() -> 42).get());
    }
}
