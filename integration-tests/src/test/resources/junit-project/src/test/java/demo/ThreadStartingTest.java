package demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class ThreadStartingTest {

    @Test
    void leaksFromAThreadItsThreadStarted() throws Exception {
        Thread child = new Thread(() -> {
            Thread grandchild = new Thread(ThreadStartingTest::createsAPoolAndForgetsIt, "grandchild");
            grandchild.start();
            joinQuietly(grandchild);
        }, "child");
        child.start();
        child.join();
    }

    private static void createsAPoolAndForgetsIt() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.execute(() -> { });
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
