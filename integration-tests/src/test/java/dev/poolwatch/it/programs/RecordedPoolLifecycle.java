package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jdk.jfr.FlightRecorder;

/**
 * One pool's whole lifecycle, each step in a method of its own so that a stack names the step:
 * created, shut down, handed a task after that (which is refused); and a second pool left open. Neither
 * pool starts a thread, so main's return ends the JVM. Prints whether Flight Recorder is initialized.
 */
public final class RecordedPoolLifecycle {

    private RecordedPoolLifecycle() {
    }

    public static void main(String[] args) {
        ExecutorService pool = createsThePoolItShutsDown();
        shutsItDown(pool);
        submitsAfterShutdown(pool);
        leavesAPoolOpen();
        System.out.println("flight recorder initialized: " + FlightRecorder.isInitialized());
    }

    private static ExecutorService createsThePoolItShutsDown() {
        return Executors.newFixedThreadPool(1);
    }

    private static void shutsItDown(ExecutorService pool) {
        pool.shutdown();
    }

    private static void submitsAfterShutdown(ExecutorService pool) {
        try {
            pool.execute(() -> System.out.println("never runs"));
        } catch (RejectedExecutionException expected) {
            System.out.println("refused after shutdown");
        }
    }

    private static ExecutorService leavesAPoolOpen() {
        return Executors.newFixedThreadPool(1);
    }
}
