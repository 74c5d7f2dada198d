package dev.poolwatch.samples;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands a task to a pool after shutting it down, under the rejection policy named by the argument:
 * {@code abort} (the submitter gets an exception) or {@code discard} (the task silently vanishes).
 */
public final class SubmitAfterShutdown {

    private SubmitAfterShutdown() {
    }

    public static void main(String[] args) {
        RejectedExecutionHandler policy = args.length > 0 && args[0].equals("discard")
                ? new ThreadPoolExecutor.DiscardPolicy() : new ThreadPoolExecutor.AbortPolicy();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), policy);
        pool.execute(() -> System.out.println("first task ran"));
        stop(pool);
        try {
            submitLate(pool);
            System.out.println("late task accepted without complaint");
        } catch (RejectedExecutionException refused) {
            System.out.println("late task refused: " + refused.getClass().getSimpleName());
        }
    }

    private static void stop(ThreadPoolExecutor pool) {
        pool.shutdown();
    }

    private static void submitLate(ThreadPoolExecutor pool) {
        pool.execute(() -> System.out.println("late task ran"));
    }
}
