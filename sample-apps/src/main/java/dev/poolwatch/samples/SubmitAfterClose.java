package dev.poolwatch.samples;

import dev.poolwatch.pool.PoolNotRunningException;
import dev.poolwatch.pool.ThreadPool;

/** The seed article's fifth example: work handed to a closed pool is refused with "Pool not running". */
public final class SubmitAfterClose {

    private SubmitAfterClose() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadPool pool = new ThreadPool();
        pool.applyAsync(SeedTask::run);
        pool.shutdown();
        try {
            pool.applyAsync(SeedTask::run);
        } catch (PoolNotRunningException refused) {
            System.out.println(refused);
        }
        pool.join();
        System.out.println("Main all done.");
    }
}
