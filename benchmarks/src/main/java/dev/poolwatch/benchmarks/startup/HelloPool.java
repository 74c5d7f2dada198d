package dev.poolwatch.benchmarks.startup;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The program whose start-up is timed: a hello world that creates, uses and closes one fixed pool. */
public final class HelloPool {

    private HelloPool() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> greeting = pool.submit(() -> "hello from " + Thread.currentThread().getName());
        System.out.println(greeting.get());
        pool.shutdown();
    }
}
