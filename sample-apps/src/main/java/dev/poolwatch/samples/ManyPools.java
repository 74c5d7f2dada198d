package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Creates and closes many pools (100,000 by default), then prints the used heap before and after,
 * each measured after garbage collection: what watching them costs must not pile up.
 */
public final class ManyPools {

    private ManyPools() {
    }

    public static void main(String[] args) throws Exception {
        int pools = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long before = usedHeapAfterGc();
        for (int i = 0; i < pools; i++) {
            ExecutorService pool = Executors.newFixedThreadPool(1);
            pool.shutdown();
        }
        long after = usedHeapAfterGc();
        System.out.println("pools " + pools);
        System.out.println("heapBefore " + before);
        System.out.println("heapAfter " + after);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
