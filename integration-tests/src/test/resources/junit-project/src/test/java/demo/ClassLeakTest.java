package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassLeakTest {

    private static ExecutorService shared;

    @BeforeAll
    static void startSharedPool() {
        shared = Executors.newSingleThreadExecutor();
    }

    @Test
    void usesTheSharedPool() throws Exception {
        assertEquals(42, shared.submit(() -> 42).get());
    }
}
