package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.poolwatch.pool.ThreadPool.State;

/** terminate() and shutdownNow() with work queued: what becomes of every pending result. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminateTest {

    @RegisterExtension
    final Pools pools = new Pools();

    private final CountDownLatch blockerStarted = new CountDownLatch(1);
    private final CountDownLatch blockerInterrupted = new CountDownLatch(1);

    /** Occupies the only worker of {@code pool} until it is interrupted, then fails with the interrupt. */
    private AsyncResult<String> blockOnlyWorker(ThreadPool pool) throws InterruptedException {
        AsyncResult<String> blocker = pool.applyAsync(() -> {
            blockerStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                blockerInterrupted.countDown();
                throw e;
            }
            return "never";
        });
        Await.open(blockerStarted);
        return blocker;
    }

    @Test
    void terminate_fails_every_queued_result_with_cancellation_and_calls_their_error_callbacks() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> blocker = blockOnlyWorker(pool);
        AtomicInteger ran = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<String> callbackThreads = new CopyOnWriteArrayList<>();
        List<AsyncResult<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queued.add(pool.applyAsync(ran::incrementAndGet, value -> errors.add(new AssertionError("success " + value)),
                    error -> {
                        errors.add(error);
                        callbackThreads.add(Thread.currentThread().getName());
                    }));
        }
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        ResultIterator<Integer> ordered = pool.imap(x -> ran.incrementAndGet(), items);
        ResultIterator<Integer> unordered = pool.imapUnordered(x -> ran.incrementAndGet(), items, 3);
        AsyncResult<List<Integer>> mapped = pool.mapAsync(x -> ran.incrementAndGet(), items, 2, null, errors::add);

        pool.terminate();

        assertEquals(201, errors.size(), "every error callback has run when terminate() returns");
        assertTrue(errors.stream().allMatch(CancellationException.class::isInstance), errors.toString());
        assertTrue(callbackThreads.stream().allMatch(Thread.currentThread().getName()::equals),
                "error callbacks of discarded tasks run on the terminating thread");
        for (AsyncResult<Integer> result : queued) {
            assertThrows(CancellationException.class, () -> result.get(Await.SECONDS, TimeUnit.SECONDS));
            assertTrue(result.isCancelled());
            assertFalse(result.successful());
        }
        assertThrows(CancellationException.class, () -> mapped.get(Await.SECONDS, TimeUnit.SECONDS));
        for (ResultIterator<Integer> iterator : List.of(ordered, unordered)) {
            int cancelled = 0;
            while (iterator.hasNext()) {
                assertThrows(CancellationException.class, () -> iterator.next(Await.SECONDS, TimeUnit.SECONDS));
                cancelled++;
            }
            assertEquals(items.size(), cancelled);
        }
        ExecutionException interrupted = assertThrows(ExecutionException.class,
                () -> blocker.get(Await.SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, interrupted.getCause());
        pool.join();
        assertEquals(0, ran.get(), "no queued task or item ran");
    }

    @Test
    void terminate_wakes_a_caller_blocked_in_apply_with_cancellation() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                pool.apply(() -> "queued");
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "apply-caller");
        caller.start();
        Await.until(() -> pool.queuedCount() == 1, "the task of apply() is queued");

        pool.terminate();

        caller.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
        assertFalse(caller.isAlive(), "apply() still waits after terminate()");
        assertInstanceOf(CancellationException.class, thrown.get());
    }

    @Test
    void terminate_cancels_a_queued_future_task_given_to_execute() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        FutureTask<String> task = new FutureTask<>(() -> "queued");
        pool.execute(task);

        pool.terminate();

        assertTrue(task.isCancelled());
        assertThrows(CancellationException.class, () -> task.get(Await.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void terminate_during_a_chunk_interrupts_its_item_and_cancels_the_rest_of_the_chunk() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch firstItemRunning = new CountDownLatch(1);
        List<Integer> applied = new CopyOnWriteArrayList<>();

        ResultIterator<Integer> results = pool.imap(item -> {
            applied.add(item);
            if (item == 0) {
                firstItemRunning.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return item;
        }, List.of(0, 1, 2, 3, 4), 5);
        Await.open(firstItemRunning);
        pool.terminate();

        CompletionException first = assertThrows(CompletionException.class, results::next);
        assertInstanceOf(InterruptedException.class, first.getCause().getCause());
        for (int item = 1; item < 5; item++) {
            assertThrows(CancellationException.class, results::next, "item " + item);
        }
        assertFalse(results.hasNext());
        pool.join();
        assertEquals(List.of(0), applied);
    }

    @Test
    void terminate_after_shutdown_discards_the_tasks_shutdown_would_have_run() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        AsyncResult<String> queued = pool.applyAsync(() -> "queued");
        pool.shutdown();

        pool.terminate();

        assertThrows(CancellationException.class, () -> queued.get(Await.SECONDS, TimeUnit.SECONDS));
        Await.open(blockerInterrupted);
        pool.join();
    }

    @Test
    void shutdown_now_returns_the_queued_tasks_that_never_started_in_queue_order() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        List<Runnable> commands = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            Runnable command = ran::incrementAndGet;
            commands.add(command);
            pool.execute(command);
        }

        List<Runnable> neverStarted = pool.shutdownNow();

        assertEquals(3, neverStarted.size());
        for (int i = 0; i < 3; i++) {
            assertSame(commands.get(i), neverStarted.get(i), "execute() hands back the caller's own Runnable");
        }
        assertEquals(State.TERMINATE, pool.state());
        Await.open(blockerInterrupted);
        pool.join();
        assertEquals(0, ran.get());
    }

    @Test
    void shutdown_now_leaves_results_of_returned_tasks_pending_until_the_caller_runs_them() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AsyncResult<String> queued = pool.applyAsync(() -> "run by the caller", null, errors::add);

        List<Runnable> neverStarted = pool.shutdownNow();

        assertEquals(1, neverStarted.size());
        assertFalse(queued.ready(), "shutdownNow() hands tasks back instead of failing them");
        assertEquals(List.of(), errors);
        neverStarted.get(0).run();
        assertEquals("run by the caller", queued.get(Await.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void cancelling_what_shutdown_now_returns_releases_a_caller_blocked_in_map() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        FutureTask<List<Integer>> mapping = new FutureTask<>(() -> pool.map(x -> x * 2, List.of(1, 2, 3), 1));
        startDaemon("map-caller", mapping);
        Await.until(() -> pool.queuedCount() == 3, "the chunks of map() are queued");

        cancelEveryFuture(pool.shutdownNow());

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> mapping.get(Await.SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, thrown.getCause());
    }

    @Test
    void cancelling_what_shutdown_now_returns_releases_a_caller_blocked_in_imap_next() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        ResultIterator<Integer> results = pool.imap(x -> x * 2, List.of(1, 2));
        FutureTask<Integer> first = new FutureTask<>(results::next);
        startDaemon("imap-consumer", first);

        cancelEveryFuture(pool.shutdownNow());

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> first.get(Await.SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, thrown.getCause());
        assertThrows(CancellationException.class, () -> results.next(Await.SECONDS, TimeUnit.SECONDS));
        assertFalse(results.hasNext());
    }

    @Test
    void running_a_map_chunk_that_shutdown_now_returns_computes_its_items() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);
        AsyncResult<List<Integer>> mapped = pool.mapAsync(x -> x * 2, List.of(1, 2, 3), 3, null, null);

        List<Runnable> neverStarted = pool.shutdownNow();

        assertEquals(1, neverStarted.size());
        neverStarted.get(0).run();
        assertEquals(List.of(2, 4, 6), mapped.get(Await.SECONDS, TimeUnit.SECONDS));
    }

    /** The JDK's idiom after {@code shutdownNow()}: cancel every task handed back that is a future. */
    private static void cancelEveryFuture(List<Runnable> neverStarted) {
        for (Runnable task : neverStarted) {
            if (task instanceof Future<?> future) {
                future.cancel(false);
            }
        }
    }

    private static void startDaemon(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Test
    void shutdown_now_with_nothing_queued_returns_an_empty_list_and_interrupts_running_tasks() throws Exception {
        ThreadPool pool = pools.of(1);
        blockOnlyWorker(pool);

        assertEquals(List.of(), pool.shutdownNow());

        Await.open(blockerInterrupted);
        pool.join();
        assertTrue(pool.isTerminated());
    }
}
