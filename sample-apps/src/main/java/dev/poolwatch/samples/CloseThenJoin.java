package dev.poolwatch.samples;

import dev.poolwatch.pool.ThreadPool;

/** The seed article's first example: {@code close()} then {@code join()} lets the task finish. */
public final class CloseThenJoin {

    private CloseThenJoin() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadPool pool = new ThreadPool();
        pool.applyAsync(SeedTask::run);
        pool.shutdown();
        pool.join();
        System.out.println("Main all done.");
        SeedTask.printApplicationThreads();
    }
}
