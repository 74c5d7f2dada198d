package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pool through the plain {@link ExecutorService} interface: execute, submit, invokeAll, invokeAny. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExecutorServiceTest {

    @RegisterExtension
    final Pools pools = new Pools();

    private final CountDownLatch gate = new CountDownLatch(1);

    /** A task that blocks until the test opens {@link #gate} or it is interrupted. */
    private final Callable<String> blocked = () -> {
        gate.await();
        return "released";
    };

    @Test
    void execute_runs_the_command_on_a_worker() throws Exception {
        ExecutorService executor = pools.of(1);
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);

        executor.execute(() -> {
            ranOn.set(Thread.currentThread().getName());
            ran.countDown();
        });

        Await.open(ran);
        assertEquals(((ThreadPool) executor).workerNames().get(0), ranOn.get());
    }

    @Test
    void submit_callable_returns_its_value() throws Exception {
        ExecutorService executor = pools.of(1);

        assertEquals(7, executor.submit(() -> 7).get());
    }

    @Test
    void submit_runnable_returns_null_and_submit_runnable_with_result_returns_the_result() throws Exception {
        ExecutorService executor = pools.of(1);
        AtomicInteger runs = new AtomicInteger();

        Future<?> plain = executor.submit(() -> {
            runs.incrementAndGet();
        });
        Future<String> withResult = executor.submit(runs::incrementAndGet, "result");

        assertNull(plain.get());
        assertEquals("result", withResult.get());
        assertEquals(2, runs.get());
    }

    @Test
    void submitted_runnable_that_throws_fails_its_future() {
        ExecutorService executor = pools.of(1);
        IllegalStateException failure = new IllegalStateException("runnable failed");

        Future<?> future = executor.submit(() -> {
            throw failure;
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, future::get);
        assertSame(failure, thrown.getCause());
    }

    @Test
    void invoke_all_returns_every_future_done_in_task_order() throws Exception {
        ExecutorService executor = pools.of(2);
        IllegalStateException failure = new IllegalStateException("second task failed");
        List<Callable<String>> tasks = List.of(() -> "first", () -> {
            throw failure;
        }, () -> "third");

        List<Future<String>> futures = executor.invokeAll(tasks);

        assertEquals(3, futures.size());
        assertTrue(futures.stream().allMatch(Future::isDone));
        assertEquals("first", futures.get(0).get());
        assertSame(failure, assertThrows(ExecutionException.class, futures.get(1)::get).getCause());
        assertEquals("third", futures.get(2).get());
    }

    @Test
    void invoke_all_of_no_tasks_returns_an_empty_list() throws Exception {
        ExecutorService executor = pools.of(1);

        assertEquals(List.of(), executor.invokeAll(List.<Callable<String>>of()));
    }

    @Test
    void invoke_all_with_a_timeout_cancels_and_interrupts_the_tasks_not_done_in_time() throws Exception {
        ExecutorService executor = pools.of(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Callable<String> neverDone = () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "never";
        };

        // One worker runs the tasks in order: the first is done long before the second blocks.
        List<Future<String>> futures = executor.invokeAll(List.of(() -> "quick", neverDone), 2, TimeUnit.SECONDS);

        assertEquals("quick", futures.get(0).get());
        assertTrue(futures.get(1).isCancelled());
        Await.open(interrupted);
    }

    @Test
    void invoke_any_returns_the_value_of_a_task_that_succeeded() throws Exception {
        ExecutorService executor = pools.of(2);
        List<Callable<String>> tasks = List.of(() -> {
            throw new IllegalStateException("failed");
        }, () -> "succeeded");

        assertEquals("succeeded", executor.invokeAny(tasks));
    }

    @Test
    void invoke_any_throws_execution_exception_when_every_task_fails() {
        ExecutorService executor = pools.of(2);
        List<Callable<String>> tasks = List.of(() -> {
            throw new IllegalStateException("first failed");
        }, () -> {
            throw new IllegalStateException("second failed");
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> executor.invokeAny(tasks));

        assertInstanceOf(IllegalStateException.class, thrown.getCause());
    }

    @Test
    void invoke_any_with_a_timeout_throws_timeout_exception_when_no_task_finishes() throws Exception {
        ExecutorService executor = pools.of(2);

        assertThrows(TimeoutException.class,
                () -> executor.invokeAny(List.of(blocked, blocked), 10, TimeUnit.MILLISECONDS));

        assertEquals("late", executor.submit(() -> "late").get(Await.SECONDS, TimeUnit.SECONDS),
                "the timed-out tasks were interrupted and the pool serves new ones");
    }
}
