package dev.poolwatch.benchmarks.agent;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The program {@link HeapAfterClosedPools} runs: prints the heap in use, after full collections,
 * before and after creating and shutting down {@code pools} pools that start no thread, as two
 * numbers of bytes on one line.
 */
public final class ClosedPoolsHeap {

    /** Pools made before the baseline, so that classes, compiled code and the agent's site for them are in it. */
    static final int WARM_UP_POOLS = 10_000;
    /** Readings this close count as settled: the agent drops a record on a cleaner thread, after a collection. */
    private static final long SETTLED_BYTES = 16 * 1024;
    private static final int MAX_COLLECTIONS = 30;

    private ClosedPoolsHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        int pools = Integer.parseInt(args[0]);
        createAndShutDown(WARM_UP_POOLS);
        long baseline = settledHeapInUse();
        createAndShutDown(pools);
        long after = settledHeapInUse();
        System.out.println(baseline + " " + after);
    }

    private static void createAndShutDown(int pools) {
        for (int i = 0; i < pools; i++) {
            new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>()).shutdown();
        }
    }

    /** Collects until two readings in a row differ by less than {@link #SETTLED_BYTES}. */
    private static long settledHeapInUse() throws InterruptedException {
        long previous = -1;
        for (int collection = 0; collection < MAX_COLLECTIONS; collection++) {
            System.gc();
            Thread.sleep(50); // the cleaner thread's turn
            Runtime runtime = Runtime.getRuntime();
            long inUse = runtime.totalMemory() - runtime.freeMemory();
            if (previous >= 0 && Math.abs(inUse - previous) < SETTLED_BYTES) {
                return inUse;
            }
            previous = inUse;
        }
        return previous;
    }
}
