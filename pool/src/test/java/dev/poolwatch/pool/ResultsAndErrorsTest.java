package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What apply, applyAsync, map and mapAsync return and throw, and when their callbacks run. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultsAndErrorsTest {

    @RegisterExtension
    final Pools pools = new Pools();

    private final CountDownLatch gate = new CountDownLatch(1);

    /** A task that returns {@code value} once the test opens {@link #gate}. */
    private <T> Callable<T> gated(T value) {
        return () -> {
            gate.await();
            return value;
        };
    }

    // ---------------------------------------------------------------- apply

    @Test
    void apply_returns_the_task_value() {
        ThreadPool pool = pools.of(2);

        assertEquals(42, pool.apply(() -> 6 * 7));
    }

    @Test
    void apply_throws_completion_exception_caused_by_the_task_exception() {
        ThreadPool pool = pools.of(2);
        IOException failure = new IOException("disk gone");

        CompletionException thrown = assertThrows(CompletionException.class, () -> pool.apply(() -> {
            throw failure;
        }));

        assertSame(failure, thrown.getCause());
    }

    @Test
    void apply_interrupted_while_waiting_throws_completion_exception_and_keeps_the_interrupt() {
        ThreadPool pool = pools.of(1);

        Thread.currentThread().interrupt();
        CompletionException thrown = assertThrows(CompletionException.class, () -> pool.apply(gated("late")));

        assertTrue(Thread.interrupted(), "the caller's interrupt status is restored");
        assertInstanceOf(InterruptedException.class, thrown.getCause());
    }

    // ---------------------------------------------------------------- applyAsync and AsyncResult

    @Test
    void apply_async_get_returns_the_value() throws Exception {
        ThreadPool pool = pools.of(2);

        assertEquals("done", pool.applyAsync(() -> "done").get());
    }

    @Test
    void apply_async_get_throws_execution_exception_caused_by_the_task_exception() {
        ThreadPool pool = pools.of(2);
        IllegalArgumentException failure = new IllegalArgumentException("bad input");

        AsyncResult<Object> result = pool.applyAsync(() -> {
            throw failure;
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, result::get);
        assertSame(failure, thrown.getCause());
        ExecutionException timed = assertThrows(ExecutionException.class, () -> result.get(Await.SECONDS, TimeUnit.SECONDS));
        assertSame(failure, timed.getCause());
    }

    @Test
    void get_with_timeout_throws_timeout_exception_while_the_task_runs() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> result = pool.applyAsync(gated("late"));

        assertThrows(TimeoutException.class, () -> result.get(10, TimeUnit.MILLISECONDS));

        gate.countDown();
        assertEquals("late", result.get(Await.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void wait_for_returns_quietly_on_timeout_and_when_the_task_failed() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> pending = pool.applyAsync(gated("late"));

        pending.waitFor(10, TimeUnit.MILLISECONDS);
        assertFalse(pending.ready());

        gate.countDown();
        pending.waitFor(Await.SECONDS, TimeUnit.SECONDS);
        assertTrue(pending.ready());
        AsyncResult<Object> failed = pool.applyAsync(() -> {
            throw new IllegalStateException("failed");
        });
        failed.waitFor(Await.SECONDS, TimeUnit.SECONDS);
        assertTrue(failed.ready());
    }

    @Test
    void ready_is_false_until_the_task_completes() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> result = pool.applyAsync(gated("done"));

        assertFalse(result.ready());
        assertFalse(result.isDone());
        gate.countDown();
        result.get();

        assertTrue(result.ready());
        assertTrue(result.isDone());
    }

    @Test
    void successful_throws_illegal_state_before_the_result_is_ready() {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> result = pool.applyAsync(gated("done"));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, result::successful);

        assertTrue(thrown.getMessage().contains("not ready"), thrown.getMessage());
    }

    @Test
    void successful_is_false_after_a_failure_and_true_after_a_success() throws Exception {
        ThreadPool pool = pools.of(2);
        AsyncResult<Object> failed = pool.applyAsync(() -> {
            throw new IllegalStateException("failed");
        });
        AsyncResult<String> succeeded = pool.applyAsync(() -> "ok");

        failed.waitFor(Await.SECONDS, TimeUnit.SECONDS);
        succeeded.waitFor(Await.SECONDS, TimeUnit.SECONDS);

        assertFalse(failed.successful());
        assertTrue(succeeded.successful());
    }

    @Test
    void to_completable_future_completes_with_the_value_or_the_failure() throws Exception {
        ThreadPool pool = pools.of(2);
        IllegalStateException failure = new IllegalStateException("failed");

        CompletableFuture<String> value = pool.applyAsync(() -> "ok").toCompletableFuture();
        CompletableFuture<Object> failed = pool.applyAsync(() -> {
            throw failure;
        }).toCompletableFuture();

        assertEquals("ok", value.get(Await.SECONDS, TimeUnit.SECONDS));
        CompletionException thrown = assertThrows(CompletionException.class, failed::join);
        assertSame(failure, thrown.getCause());
    }

    @Test
    void completing_the_completable_future_leaves_the_result_alone() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> result = pool.applyAsync(gated("from the task"));

        result.toCompletableFuture().complete("from outside");

        assertFalse(result.ready());
        gate.countDown();
        assertEquals("from the task", result.get());
    }

    @Test
    void callback_gets_the_value_on_a_worker_before_the_result_is_ready() throws Exception {
        ThreadPool pool = pools.of(1);
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch leaveCallback = new CountDownLatch(1);

        AsyncResult<String> result = pool.applyAsync(() -> "value", value -> {
            seen.set(value);
            thread.set(Thread.currentThread().getName());
            inCallback.countDown();
            try {
                leaveCallback.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, failure -> seen.set("error callback called"));

        Await.open(inCallback);
        assertFalse(result.ready(), "the result is ready only after its callback returned");
        leaveCallback.countDown();
        assertEquals("value", result.get());
        assertEquals("value", seen.get());
        assertEquals(pool.workerNames().get(0), thread.get());
    }

    @Test
    void error_callback_gets_the_task_exception_and_the_callback_is_not_called() throws Exception {
        ThreadPool pool = pools.of(1);
        IllegalStateException failure = new IllegalStateException("failed");
        List<Object> calls = new CopyOnWriteArrayList<>();

        AsyncResult<Object> result = pool.applyAsync(() -> {
            throw failure;
        }, value -> calls.add("callback " + value), calls::add);
        result.waitFor(Await.SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of(failure), calls);
        assertFalse(result.successful());
    }

    // ---------------------------------------------------------------- map and mapAsync

    @Test
    void map_returns_results_in_input_order_even_when_later_items_complete_first() {
        ThreadPool pool = pools.of(2);
        CountDownLatch laterChunkDone = new CountDownLatch(1);

        // Chunks [0, 1] and [2, 3]: item 0 waits until item 3 runs, so item 2 completes before item 0.
        List<String> results = pool.map(item -> {
            if (item == 0) {
                try {
                    laterChunkDone.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else if (item == 3) {
                laterChunkDone.countDown();
            }
            return "r" + item;
        }, List.of(0, 1, 2, 3), 2);

        assertEquals(List.of("r0", "r1", "r2", "r3"), results);
    }

    @Test
    void map_with_a_chunksize_returns_every_result_in_order() {
        ThreadPool pool = pools.of(3);
        List<Integer> items = IntStream.rangeClosed(1, 100).boxed().collect(Collectors.toList());

        List<Integer> squares = pool.map(x -> x * x, items, 7);

        assertEquals(items.stream().map(x -> x * x).collect(Collectors.toList()), squares);
        assertEquals(squares, pool.map(x -> x * x, items));
    }

    @Test
    void map_splits_items_into_chunks_of_the_given_size_or_python_default() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.open(started);
        List<Integer> items = IntStream.range(0, 100).boxed().collect(Collectors.toList());

        AsyncResult<List<Integer>> byDefault = pool.mapAsync(x -> x, items);
        int defaultJobs = pool.queuedCount();
        AsyncResult<List<Integer>> byTens = pool.mapAsync(x -> x, items, 10, null, null);
        int tenJobs = pool.queuedCount() - defaultJobs;

        assertEquals(4, defaultJobs, "Python's default: ceil(100 / (4 * 1 worker)) = 25 items a chunk");
        assertEquals(10, tenJobs);
        gate.countDown();
        assertEquals(items, byDefault.get());
        assertEquals(items, byTens.get());
    }

    @Test
    void map_of_no_items_returns_an_empty_list() {
        ThreadPool pool = pools.of(1);

        assertEquals(List.of(), pool.map(x -> x, List.<Integer>of()));
    }

    @Test
    void map_returns_an_unmodifiable_list() {
        ThreadPool pool = pools.of(1);

        List<Integer> results = pool.map(x -> x, List.of(1, 2));

        assertThrows(UnsupportedOperationException.class, () -> results.add(3));
    }

    @Test
    void map_passes_null_items_to_the_function_from_a_collection_or_any_iterable() {
        ThreadPool pool = pools.of(2);
        List<Integer> withNull = Arrays.asList(1, null, 3);
        Iterable<Integer> notACollection = withNull::iterator;

        assertEquals(List.of("1", "null", "3"), pool.map(x -> "" + x, withNull));
        assertEquals(List.of("1", "null", "3"), pool.map(x -> "" + x, notACollection));
    }

    @Test
    void map_async_callback_gets_the_whole_list() throws Exception {
        ThreadPool pool = pools.of(2);
        AtomicReference<List<Integer>> seen = new AtomicReference<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();

        AsyncResult<List<Integer>> result = pool.mapAsync(x -> x * 10, List.of(1, 2, 3), 1, seen::set, errors::add);

        assertEquals(List.of(10, 20, 30), result.get());
        assertEquals(List.of(10, 20, 30), seen.get());
        assertEquals(List.of(), errors);
    }

    @Test
    void task_exception_in_map_fails_the_whole_map_with_that_exception() {
        ThreadPool pool = pools.of(2);
        IllegalArgumentException failure = new IllegalArgumentException("item 2");

        CompletionException thrown = assertThrows(CompletionException.class, () -> pool.map(x -> {
            if (x == 2) {
                throw failure;
            }
            return x;
        }, List.of(1, 2, 3)));

        assertSame(failure, thrown.getCause());
    }

    @Test
    void map_async_failure_reaches_get_and_the_error_callback_once() {
        ThreadPool pool = pools.of(2);
        IllegalArgumentException failure = new IllegalArgumentException("item 2");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<List<Integer>> values = new CopyOnWriteArrayList<>();

        AsyncResult<List<Integer>> result = pool.mapAsync(x -> {
            if (x == 2) {
                throw failure;
            }
            return x;
        }, List.of(1, 2, 3), 1, values::add, errors::add);

        ExecutionException thrown = assertThrows(ExecutionException.class, result::get);
        assertSame(failure, thrown.getCause());
        assertEquals(List.of(failure), errors);
        assertEquals(List.of(), values);
        assertFalse(result.successful());
    }

    @Test
    void map_skips_the_items_not_yet_started_once_an_item_failed() throws Exception {
        ThreadPool pool = pools.of(1);
        List<Integer> applied = new CopyOnWriteArrayList<>();

        assertThrows(CompletionException.class, () -> pool.map(x -> {
            applied.add(x);
            if (x == 1) {
                throw new IllegalArgumentException("item 1");
            }
            return x;
        }, List.of(0, 1, 2, 3, 4), 2));
        pool.shutdown();
        pool.join();

        assertEquals(List.of(0, 1), applied, "one worker: items 2 to 4 were not started when item 1 failed");
    }

    @Test
    void map_reads_any_iterable_on_the_calling_thread() {
        ThreadPool pool = pools.of(2);
        List<String> readers = new CopyOnWriteArrayList<>();
        Iterable<Integer> items = () -> IntStream.range(0, 5).peek(i -> readers.add(Thread.currentThread().getName()))
                .iterator();

        assertEquals(List.of(0, 2, 4, 6, 8), pool.map(x -> 2 * x, items));
        assertEquals(5, readers.size());
        assertTrue(readers.stream().allMatch(Thread.currentThread().getName()::equals), readers.toString());
    }

    @Test
    void a_result_completes_even_when_reporting_its_failed_callback_fails() throws Exception {
        ThreadPool pool = pools.of(1);
        Logger logger = Logger.getLogger("dev.poolwatch.pool");
        Handler broken = new Handler() {
            @Override
            public void publish(LogRecord record) {
                throw new Error("the log is broken");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(broken);
        try {
            AsyncResult<String> result = pool.applyAsync(() -> "value", value -> {
                throw new IllegalStateException("callback failed");
            }, null);

            assertEquals("value", result.get(Await.SECONDS, TimeUnit.SECONDS));
        } finally {
            logger.removeHandler(broken);
        }
    }
}
