package dev.poolwatch.samples;

import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.AsyncResult;
import dev.poolwatch.pool.ThreadPool;

/**
 * The seed article's fourth example, Python's {@code with ThreadPool() as pool:}. Leaving the block
 * calls {@code close()}, which waits for the work instead of terminating it as Python does.
 */
public final class TryWithResources {

    private TryWithResources() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ThreadPool pool = new ThreadPool()) {
            AsyncResult<Void> result = pool.applyAsync(SeedTask::run);
            result.waitFor(1, TimeUnit.MINUTES);
        }
        System.out.println("Main all done.");
        SeedTask.printApplicationThreads();
    }
}
