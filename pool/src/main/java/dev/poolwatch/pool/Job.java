package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;

/** A unit of work in a pool's queue. */
interface Job extends Runnable {

    /**
     * Called instead of {@link #run()} when {@link ThreadPool#terminate()} discards the job from the
     * queue: every result waiting on it must fail with {@code reason}, so nobody waits forever.
     */
    void abandon(CancellationException reason);

    /**
     * What {@link ThreadPool#shutdownNow()} hands back for this job, which never started: running
     * it does the job; cancelling it, where it is a {@link java.util.concurrent.Future}, completes
     * every result waiting on the job with a cancellation. Only a caller's own {@code Runnable}
     * comes back as it was given, and nothing of the pool's waits on it.
     */
    Runnable handedBack();
}
