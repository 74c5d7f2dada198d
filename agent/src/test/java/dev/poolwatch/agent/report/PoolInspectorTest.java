package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolwatch.pool.ThreadPool;

/** What a report reads of the pools it lists, and that it reads the JVM's threads once, not once per pool. */
class PoolInspectorTest {

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    /** Counts the snapshots taken, and hands over the JVM's live threads. */
    private static final class CountedSnapshots implements Supplier<Thread[]> {
        int taken;

        @Override
        public Thread[] get() {
            taken++;
            return Thread.getAllStackTraces().keySet().toArray(new Thread[0]);
        }
    }

    @Test
    void one_thread_snapshot_serves_every_pool_of_a_report() throws Exception {
        List<ExecutorService> inspected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ForkJoinPool forkJoin = new ForkJoinPool(1);
            pools.add(forkJoin);
            forkJoin.submit(() -> { }).get();
            inspected.add(forkJoin);
            ThreadPool threadPool = new ThreadPool(2);
            pools.add(threadPool);
            inspected.add(threadPool);
        }
        CountedSnapshots snapshots = new CountedSnapshots();
        PoolInspector inspector = new PoolInspector(snapshots);
        for (ExecutorService pool : inspected) {
            int workers = pool instanceof ForkJoinPool ? 1 : 2;
            assertEquals(workers, inspector.inspect(pool).threads().size(), pool.toString());
        }
        assertEquals(1, snapshots.taken);
    }
}
