package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    @Test
    void a_scheduled_pool_waiting_for_its_periodic_tasks_is_idle_and_counts_them_apart() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        pools.add(scheduler);
        scheduler.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS);
        scheduler.scheduleWithFixedDelay(() -> { }, 1, 1, TimeUnit.HOURS);
        awaitWorkerParked(scheduler);

        PoolInspector.Activity activity = new PoolInspector().inspect(scheduler);

        assertEquals(2, activity.periodic());
        assertEquals(0, activity.queued());
        assertFalse(activity.busy());
    }

    @Test
    void a_task_scheduled_to_run_once_is_still_queued_work() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        pools.add(scheduler);
        scheduler.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS);
        scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
        awaitWorkerParked(scheduler);

        PoolInspector.Activity activity = new PoolInspector().inspect(scheduler);

        assertEquals(1, activity.periodic());
        assertEquals(1, activity.queued());
        assertTrue(activity.busy());
    }

    /** A worker counts as active while it starts: scheduling starts one. */
    private static void awaitWorkerParked(ScheduledThreadPoolExecutor scheduler) {
        while (scheduler.getActiveCount() > 0) {
            Thread.onSpinWait();
        }
    }
}
