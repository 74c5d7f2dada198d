package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.poolwatch.agent.report.Leak;
import dev.poolwatch.agent.report.LeakKind;
import dev.poolwatch.agent.report.PoolInspector;
import dev.poolwatch.agent.report.Report;
import dev.poolwatch.agent.report.ReportBuilder;
import dev.poolwatch.agent.report.SiteFilter;
import example.app.RequestHandler;

/** What the registry holds, turned into a report: grouping by site, kinds, and pools the GC took. */
class RegistryReportTest {

    private final PoolRegistry registry = new PoolRegistry(Cleaner.create(), 2);
    private final ReportBuilder builder = new ReportBuilder(new SiteFilter(List.of(), List.of()), new PoolInspector(), "test");
    private final List<ExecutorService> pools = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closePools() {
        release.countDown();
        pools.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void pools_created_per_request_at_one_site_are_one_leak_with_a_count() throws InterruptedException {
        for (int request = 0; request < 3; request++) {
            ExecutorService pool = RequestHandler.handleRequest(registry::created);
            pools.add(pool);
            ((ThreadPoolExecutor) pool).prestartCoreThread();
        }
        awaitIdleWorkers();
        Report report = builder.build(registry);
        assertEquals(1, report.leaks().size(), report.leaks().toString());
        Leak leak = report.leaks().get(0);
        assertEquals(LeakKind.OPEN_IDLE, leak.kind());
        assertEquals(3, leak.count());
        assertEquals(3, leak.threads().size(), leak.threads().toString());
        assertTrue(leak.creationSite().get(0).startsWith("example.app.RequestHandler.handleRequest(RequestHandler.java:"),
                leak.creationSite().toString());
        assertEquals(2, leak.creationSite().size(), "the first application frame and the test method: the runner's frames end it");
    }

    /** A worker counts as active from its start until it first waits for a task. */
    private void awaitIdleWorkers() throws InterruptedException {
        for (int attempt = 0; attempt < 500; attempt++) {
            if (pools.stream().allMatch(pool -> ((ThreadPoolExecutor) pool).getActiveCount() == 0)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @Test
    void a_pool_running_a_task_at_exit_is_busy_and_listed_first() throws Exception {
        pools.add(RequestHandler.handleRequest(registry::created));
        ExecutorService busy = RequestHandler.handleRequest(registry::created);
        pools.add(busy);
        CountDownLatch started = new CountDownLatch(1);
        busy.submit(() -> {
            started.countDown();
            release.await();
            return null;
        });
        busy.submit(() -> { });
        started.await();
        Report report = builder.build(registry);
        Leak first = report.leaks().get(0);
        assertEquals(LeakKind.OPEN_BUSY, first.kind());
        assertEquals(1, first.active());
        assertEquals(1, first.queued());
        assertEquals(LeakKind.OPEN_IDLE, report.leaks().get(1).kind());
    }

    @Test
    void a_shut_down_pool_is_not_a_leak() {
        ExecutorService pool = RequestHandler.handleRequest(registry::created);
        RequestHandler.shutdown(pool, closed -> registry.shutdown(closed, "shutdown"));
        Report report = builder.build(registry);
        assertEquals(List.of(), report.leaks());
        assertEquals(1, report.poolsCreated());
    }

    @Test
    void a_pool_collected_while_open_after_starting_a_worker_is_closed_by_gc_and_its_record_is_dropped()
            throws Exception {
        createAndDropAnIdlePool(true);
        awaitNoRecords();
        Report report = builder.build(registry);
        assertEquals(1, report.leaks().size(), report.leaks().toString());
        assertEquals(LeakKind.CLOSED_BY_GC, report.leaks().get(0).kind());
        assertEquals(1, report.leaks().get(0).count());
    }

    @Test
    void a_pool_collected_open_that_never_started_a_worker_held_nothing_and_is_not_reported() throws Exception {
        createAndDropAnIdlePool(false);
        awaitNoRecords();
        Report report = builder.build(registry);
        assertEquals(List.of(), report.leaks());
        assertEquals(1, report.poolsCreated());
    }

    private void awaitNoRecords() throws InterruptedException {
        for (int attempt = 0; attempt < 100 && registry.recordCount() > 0; attempt++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertEquals(0, registry.recordCount());
    }

    /**
     * No core threads and never used: nothing keeps it reachable once this method returns. Whether it
     * went to start a worker is told to the registry by hand, as the woven {@code addWorker} would.
     */
    private void createAndDropAnIdlePool(boolean startedWorker) {
        RequestHandler.createdBy(() -> new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>()),
                pool -> {
                    registry.created(pool);
                    if (startedWorker) {
                        registry.startingWorker(pool);
                    }
                });
    }
}
