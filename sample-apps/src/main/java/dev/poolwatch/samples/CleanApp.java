package dev.poolwatch.samples;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.ThreadPool;

/** Creates one pool of each kind and closes every one of them: nothing to report. */
public final class CleanApp {

    private CleanApp() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService fixed = Executors.newFixedThreadPool(2);
        fixed.submit(() -> 1).get();
        fixed.shutdown();

        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
        scheduled.schedule(() -> 2, 1, TimeUnit.MILLISECONDS).get();
        scheduled.shutdownNow();

        ForkJoinPool forkJoin = new ForkJoinPool(2);
        forkJoin.submit(() -> 3).get();
        forkJoin.shutdown();

        try (ThreadPool pool = new ThreadPool(2)) {
            System.out.println("squares " + pool.map(x -> x * x, List.of(1, 2, 3)));
        }
        fixed.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("all closed");
    }
}
