package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolPerTestTest {

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(1);
    }

    @AfterEach
    void shutDownPool() {
        pool.shutdown();
    }

    @Test
    void usesThePoolItsSetUpStarted() throws Exception {
        assertEquals(42, pool.submit(() -> 42).get());
    }
}
