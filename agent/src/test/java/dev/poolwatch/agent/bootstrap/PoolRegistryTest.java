package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import example.app.RequestHandler;

/** The registry fed directly, as the woven calls feed it. */
class PoolRegistryTest {

    private final PoolRegistry registry = new PoolRegistry(Cleaner.create(), 5);
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService created() {
        ExecutorService pool = RequestHandler.handleRequest(registry::created);
        pools.add(pool);
        return pool;
    }

    private List<Object> openPools() {
        List<Object> open = new ArrayList<>();
        registry.openPools().forEach(entry -> open.add(entry.pool()));
        return open;
    }

    @Test
    void a_pool_is_counted_once_however_many_constructors_report_it() {
        ExecutorService pool = created();
        registry.created(pool);
        registry.created(pool);
        assertEquals(1, registry.poolsCreated());
        assertEquals(List.of(pool), openPools());
    }

    @Test
    void a_record_knows_where_and_by_whom_its_pool_was_created() {
        ExecutorService pool = created();
        PoolRecord record = registry.openPools().get(0).record();
        assertEquals(pool.getClass().getName(), record.poolType());
        assertEquals(Thread.currentThread().getName(), record.creatingThread());
        assertTrue(record.creationSite().frames().get(0).startsWith("example.app.RequestHandler.handleRequest("),
                record.creationSite().frames().toString());
        assertNull(record.shutdownSite());
    }

    @Test
    @SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19; getId() is the same number
    void a_record_names_its_creating_thread_by_id_so_two_threads_of_one_name_are_told_apart() throws Exception {
        ExecutorService mine = created();
        ExecutorService[] theirs = new ExecutorService[1];
        Thread sameName = new Thread(() -> theirs[0] = RequestHandler.handleRequest(registry::created),
                Thread.currentThread().getName());
        sameName.start();
        sameName.join();
        pools.add(theirs[0]);
        PoolRecord mineRecord = recordOf(mine);
        PoolRecord theirRecord = recordOf(theirs[0]);
        assertEquals(mineRecord.creatingThread(), theirRecord.creatingThread());
        assertEquals(Thread.currentThread().getId(), mineRecord.creatingThreadId());
        assertEquals(sameName.getId(), theirRecord.creatingThreadId());
    }

    @Test
    void the_open_pools_after_a_number_are_those_recorded_since_and_never_shut_down() {
        ExecutorService before = created();
        long mark = registry.lastPoolNumber();
        ExecutorService openAfter = created();
        ExecutorService closedAfter = created();
        RequestHandler.shutdown(closedAfter, closed -> registry.shutdown(closed, "shutdown"));
        List<PoolRecord> open = registry.openPoolsAfter(mark);
        assertEquals(List.of(recordOf(openAfter)), open);
        assertTrue(recordOf(before).number() <= mark && open.get(0).number() > mark);
        assertEquals(mark + 2, registry.lastPoolNumber());
    }

    private PoolRecord recordOf(ExecutorService pool) {
        for (PoolRegistry.OpenPool open : registry.openPools()) {
            if (open.pool() == pool) {
                return open.record();
            }
        }
        throw new AssertionError("no open record of " + pool);
    }

    @Test
    void only_pools_created_at_the_sites_it_is_told_to_report_are_reported() {
        PoolRecord record = recordOf(created());
        assertTrue(registry.reports(record), "all, until told otherwise");

        registry.reportOnly(site -> !site.frames().get(0).startsWith("example.app."));

        assertFalse(registry.reports(record));
    }

    @Test
    void a_shut_down_pool_is_no_longer_open_and_remembers_the_first_shutdown() {
        ExecutorService pool = created();
        RequestHandler.shutdown(pool, closed -> registry.shutdown(closed, "shutdown"));
        registry.shutdown(pool, "close");
        assertEquals(List.of(), openPools());
        assertEquals(1, registry.recordCount(), "kept while the pool lives, to name where it was shut down");
    }

    @Test
    void pools_the_agent_creates_for_itself_are_not_recorded_but_noticed() {
        boolean seen = registry.runAsAgent(() -> registry.created(new Object()));
        assertTrue(seen);
        assertEquals(0, registry.poolsCreated());
        assertFalse(registry.runAsAgent(() -> { }));
    }

    @Test
    void a_lifecycle_listener_hears_each_recorded_pool_once_and_never_the_agents_own() {
        List<String> heard = new ArrayList<>();
        registry.onLifecycle(new PoolLifecycleListener() {
            @Override
            public void created(PoolRecord record) {
                heard.add("created " + record.number());
            }

            @Override
            public void shutdown(PoolRecord record, boolean byGarbageCollector) {
                heard.add("shutdown " + record.number() + " by " + record.shutdownMethod() + (byGarbageCollector ? " (gc)" : ""));
            }

            @Override
            public void submittedAfterShutdown(SubmitAfterShutdown submit, PoolRecord record) {
                heard.add("submit " + record.number() + ", " + submit.count() + " so far");
            }
        });
        registry.runAsAgent(() -> registry.created(new Object()));
        ExecutorService pool = created();
        registry.created(pool);
        RequestHandler.shutdown(pool, closed -> registry.shutdown(closed, "shutdown"));
        registry.shutdown(pool, "close");
        for (int i = 0; i < 2; i++) {
            RequestHandler.submit(pool, registry::rejected);
        }
        assertEquals(List.of("created 1", "shutdown 1 by shutdown", "submit 1, 1 so far", "submit 1, 2 so far"), heard);
    }

    @Test
    void a_rejection_before_shutdown_is_saturation_not_a_submit_after_shutdown() {
        ExecutorService pool = created();
        RequestHandler.submit(pool, registry::rejected);
        assertEquals(List.of(), registry.submitsAfterShutdown());
    }

    @Test
    void submits_after_shutdown_are_grouped_by_site_with_the_shutdown_site_and_what_the_handler_did() {
        ExecutorService pool = created();
        RequestHandler.shutdown(pool, closed -> registry.shutdown(closed, "shutdown"));
        ((ThreadPoolExecutor) pool).setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        for (int i = 0; i < 3; i++) {
            RequestHandler.submit(pool, registry::rejected);
        }
        List<SubmitAfterShutdown> submits = registry.submitsAfterShutdown();
        assertEquals(1, submits.size());
        SubmitAfterShutdown submit = submits.get(0);
        assertEquals(3, submit.count());
        assertEquals(Boolean.FALSE, submit.rejected());
        assertEquals("shutdown", submit.shutdownMethod());
        assertTrue(submit.shutdownSite().frames().get(0).startsWith("example.app.RequestHandler.shutdown("),
                submit.shutdownSite().frames().toString());
    }

    @Test
    void a_custom_rejection_handler_leaves_the_outcome_unknown_and_abort_policy_rejects() {
        ThreadPoolExecutor custom = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                (task, executor) -> { });
        pools.add(custom);
        ThreadPoolExecutor abort = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pools.add(abort);
        List<ThreadPoolExecutor> both = List.of(custom, abort);
        for (int i = 0; i < both.size(); i++) {
            ThreadPoolExecutor pool = both.get(i);
            registry.created(pool);
            pool.shutdown();
            registry.shutdown(pool, "shutdown");
            RequestHandler.submitFromDepth(pool, i, registry::rejected);
        }
        List<Boolean> outcomes = new ArrayList<>();
        registry.submitsAfterShutdown().forEach(submit -> outcomes.add(submit.rejected()));
        assertTrue(outcomes.contains(null) && outcomes.contains(Boolean.TRUE), outcomes.toString());
    }

    @Test
    void one_thrown_rejection_is_counted_once_however_many_woven_methods_it_leaves() {
        ExecutorService pool = created();
        pool.shutdown();
        registry.shutdown(pool, "shutdown");
        RejectedExecutionException thrown = new RejectedExecutionException();
        registry.rejectedThrowing(pool, thrown);
        registry.rejectedThrowing(pool, thrown);
        registry.rejectedThrowing(pool, new RejectedExecutionException());
        assertEquals(2, registry.submitsAfterShutdown().get(0).count());
    }

    @Test
    void one_thrown_rejection_per_thread_is_counted_once_while_another_thread_rejects_meanwhile() throws Exception {
        ExecutorService pool = created();
        pool.shutdown();
        registry.shutdown(pool, "shutdown");
        RejectedExecutionException onMain = new RejectedExecutionException();
        registry.rejectedThrowing(pool, onMain);
        Thread other = new Thread(() -> registry.rejectedThrowing(pool, new RejectedExecutionException()));
        other.start();
        other.join();
        registry.rejectedThrowing(pool, onMain);
        int counted = 0;
        for (SubmitAfterShutdown submit : registry.submitsAfterShutdown()) {
            counted += submit.count();
        }
        assertEquals(2, counted, "one exception on each thread");
    }

    @Test
    void sites_beyond_the_limit_are_counted_as_dropped_once_per_site() {
        PoolRegistry deepSites = new PoolRegistry(Cleaner.create(), 1000);
        ExecutorService pool = created();
        pool.shutdown();
        for (int depth = 0; depth < PoolRegistry.MAX_SITES; depth++) {
            RequestHandler.submitFromDepth(pool, depth, deepSites::rejected);
        }
        ExecutorService otherType = new ScheduledThreadPoolExecutor(1);
        pools.add(otherType);
        otherType.shutdown();
        for (int time = 0; time < 2; time++) {
            for (int depth = 0; depth < 5; depth++) {
                RequestHandler.submitFromDepth(otherType, depth, deepSites::rejected);
            }
        }
        assertEquals(PoolRegistry.MAX_SITES, deepSites.submitsAfterShutdown().size());
        assertEquals(5, deepSites.droppedSites(), "five sites, each submitted from twice");
    }
}
