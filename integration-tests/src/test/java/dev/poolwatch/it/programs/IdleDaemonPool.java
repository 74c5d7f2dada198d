package dev.poolwatch.it.programs;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Leaves one fixed pool open and idle, its one worker a daemon thread named {@code leaky-worker}:
 * a leak whose report is the same on every run, and a JVM that exits when main returns.
 */
public final class IdleDaemonPool {

    private IdleDaemonPool() {
    }

    public static void main(String[] args) throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1, task -> {
            Thread worker = new Thread(task, "leaky-worker");
            worker.setDaemon(true);
            return worker;
        });
        System.out.println("answer " + pool.submit(() -> 6 * 7).get());
        // get() returns as the task's result is set; the worker counts as active until it is back for more.
        while (pool.getActiveCount() > 0) {
            Thread.onSpinWait();
        }
    }
}
