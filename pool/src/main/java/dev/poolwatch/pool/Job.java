package dev.poolwatch.pool;

import java.util.concurrent.CancellationException;

/** A unit of work in a pool's queue. */
interface Job extends Runnable {

    /**
     * Called instead of {@link #run()} when {@link ThreadPool#terminate()} discards the job from the
     * queue: every result waiting on it must fail with {@code reason}, so nobody waits forever.
     */
    void abandon(CancellationException reason);
}
