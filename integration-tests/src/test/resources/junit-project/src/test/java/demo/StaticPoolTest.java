package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class StaticPoolTest {

    private static final ExecutorService FOR_ALL_TESTS = Executors.newFixedThreadPool(1);

    @Test
    void usesThePoolOfItsClass() throws Exception {
        assertEquals(42, FOR_ALL_TESTS.submit(() -> 42).get());
    }
}
