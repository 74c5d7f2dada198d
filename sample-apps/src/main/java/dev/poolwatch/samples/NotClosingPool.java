package dev.poolwatch.samples;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.ThreadPool;

/**
 * The seed article's third example: a pool that is never closed. Its workers are daemon threads,
 * so they do not keep the JVM alive; once nothing references the pool, its Cleaner terminates it
 * and logs a warning naming the line that created it.
 */
public final class NotClosingPool {

    private NotClosingPool() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> workers = startWorkAndForgetThePool();
        TimeUnit.MILLISECONDS.sleep(500);
        System.out.println("Main all done.");
        SeedTask.printApplicationThreads();

        System.out.println("Dropping the last reference to the pool and running the garbage collector...");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (workersAlive(workers) && System.nanoTime() < deadline) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        SeedTask.printApplicationThreads();
    }

    private static List<String> startWorkAndForgetThePool() {
        ThreadPool pool = new ThreadPool();
        // Longer than the article's second, so that the collector finds the task still running
        // however long a busy machine makes it wait: the Cleaner's terminate interrupts it.
        pool.applyAsync(() -> SeedTask.runFor(10));
        return pool.workerNames();
    }

    private static boolean workersAlive(List<String> names) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> names.contains(t.getName()));
    }
}
