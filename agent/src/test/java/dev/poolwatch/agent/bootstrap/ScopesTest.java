package dev.poolwatch.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import example.app.RequestHandler;

/** A thread's scope reaches the pools it creates, and the threads it constructs, but not the threads before it. */
class ScopesTest {

    private final PoolRegistry registry = new PoolRegistry(Cleaner.create(), 5);
    private final List<ExecutorService> pools = new ArrayList<>();
    private Object outside;

    @AfterEach
    void leaveAndClose() {
        PoolQueries.leaveScope(outside);
        pools.forEach(ExecutorService::shutdownNow);
    }

    private PoolRecord createdHere() {
        ExecutorService pool = RequestHandler.handleRequest(registry::created);
        synchronized (pools) {
            pools.add(pool);
        }
        for (PoolRegistry.OpenPool open : registry.openPools()) {
            if (open.pool() == pool) {
                return open.record();
            }
        }
        throw new AssertionError("no record of " + pool);
    }

    private static <T> T onNewThread(java.util.concurrent.Callable<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();
        return result.get();
    }

    @Test
    void scopes_are_unique_and_never_zero() {
        long first = PoolQueries.newScope();
        long second = PoolQueries.newScope();
        assertNotEquals(0, first);
        assertNotEquals(first, second);
    }

    @Test
    void a_pool_created_in_a_scope_records_it_and_one_created_after_leaving_does_not() {
        long scope = PoolQueries.newScope();
        outside = PoolQueries.enterScope(scope);
        PoolRecord inside = createdHere();
        PoolQueries.leaveScope(outside);

        assertEquals(scope, inside.scope());
        assertFalse(inside.scopeInheritedByPoolWorker());
        assertEquals(0, createdHere().scope());
    }

    @Test
    void threads_constructed_in_a_scope_carry_it_transitively_and_are_not_pool_workers() throws Exception {
        long scope = PoolQueries.newScope();
        outside = PoolQueries.enterScope(scope);

        PoolRecord grandchild = onNewThread(() -> onNewThread(this::createdHere));

        assertEquals(scope, grandchild.scope());
        assertFalse(grandchild.scopeInheritedByPoolWorker());
    }

    @Test
    void a_thread_constructed_before_the_scope_was_entered_does_not_carry_it() throws Exception {
        ExecutorService earlier = Executors.newSingleThreadExecutor();
        pools.add(earlier);
        earlier.submit(() -> { }).get(); // its worker is constructed now, outside every scope
        outside = PoolQueries.enterScope(PoolQueries.newScope());

        assertEquals(0, earlier.submit(this::createdHere).get().scope());
    }

    @Test
    void a_worker_a_pool_starts_in_a_scope_carries_it_marked_as_a_pool_worker() throws Exception {
        long scope = PoolQueries.newScope();
        outside = PoolQueries.enterScope(scope);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        pools.add(executor);
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        pools.add(forkJoin);

        PoolRecord onExecutorWorker = executor.submit(this::createdHere).get();
        PoolRecord onForkJoinWorker = forkJoin.submit(this::createdHere).get();
        PoolRecord onThreadOfWorker = executor.submit(() -> onNewThread(this::createdHere)).get();

        for (PoolRecord record : List.of(onExecutorWorker, onForkJoinWorker, onThreadOfWorker)) {
            assertEquals(scope, record.scope());
            assertTrue(record.scopeInheritedByPoolWorker(), "created on a thread of a pool's worker");
        }
    }

    @Test
    void a_thread_that_left_every_scope_hands_none_down() throws Exception {
        outside = PoolQueries.enterScope(PoolQueries.newScope());
        PoolQueries.leaveScope(null);
        assertEquals(0, createdHere().scope()); // asking stores "no scope" in the thread
        long errorsBefore = InternalErrors.count();

        assertEquals(0, onNewThread(this::createdHere).scope());
        assertEquals(errorsBefore, InternalErrors.count(), "no error while the thread was constructed");
    }

    @Test
    void leaving_gives_back_the_scope_a_thread_had_before() {
        long outer = PoolQueries.newScope();
        outside = PoolQueries.enterScope(outer);
        Object inOuter = PoolQueries.enterScope(PoolQueries.newScope());
        PoolQueries.leaveScope(inOuter);

        assertEquals(outer, createdHere().scope());
        PoolQueries.leaveScope("not a scope"); // ignored
        assertEquals(outer, createdHere().scope());
    }
}
