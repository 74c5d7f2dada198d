package dev.poolwatch.samples;

import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.ThreadPool;

/** The seed article's second example: {@code terminate()} stops the running task. */
public final class TerminatePool {

    private TerminatePool() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadPool pool = new ThreadPool();
        pool.applyAsync(SeedTask::run);
        TimeUnit.MILLISECONDS.sleep(500);
        pool.terminate();
        pool.join();
        System.out.println("Main all done.");
        SeedTask.printApplicationThreads();
    }
}
