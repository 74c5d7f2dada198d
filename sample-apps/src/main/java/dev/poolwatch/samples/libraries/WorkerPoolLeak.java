package dev.poolwatch.samples.libraries;

/** Stops one of its two WorkerPools and forgets the other. */
public final class WorkerPoolLeak {

    private WorkerPoolLeak() {
    }

    public static void main(String[] args) {
        WorkerPool stopped = new WorkerPool("stopped-worker");
        stopped.submit(() -> { });
        stopped.stop();
        WorkerPool forgotten = new WorkerPool("forgotten-worker");
        forgotten.submit(() -> { });
    }
}
