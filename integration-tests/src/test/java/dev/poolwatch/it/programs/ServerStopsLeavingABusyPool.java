package dev.poolwatch.it.programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server's shape: main starts a non-daemon thread (the server) and returns; the server runs for a
 * second, leaves a pool whose task waits for ever, and stops. From then on only the pool's thread
 * keeps the JVM alive.
 */
public final class ServerStopsLeavingABusyPool {

    private ServerStopsLeavingABusyPool() {
    }

    public static void main(String[] args) {
        Thread server = new Thread(ServerStopsLeavingABusyPool::serve, "server");
        server.start();
    }

    private static void serve() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch never = new CountDownLatch(1);
        pool.execute(() -> awaitForever(never));
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        System.out.println("server stopped");
    }

    private static void awaitForever(CountDownLatch never) {
        try {
            never.await();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
