package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way of handing work to a pool is refused with "Pool not running" once the pool has been stopped. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubmitAfterStopTest {

    @RegisterExtension
    final Pools pools = new Pools();

    /** Counts every task, function or callback that runs: none may, once the pool refused the work. */
    private static final AtomicInteger RAN = new AtomicInteger();

    /** One way of handing work to a pool. */
    @FunctionalInterface
    interface Submission {
        void submitTo(ThreadPool pool) throws Exception;
    }

    /** One way of stopping a pool. */
    @FunctionalInterface
    interface Stop {
        void stop(ThreadPool pool);
    }

    private static final Callable<Integer> TASK = () -> RAN.incrementAndGet();
    private static final List<Integer> ITEMS = List.of(1, 2, 3);

    private static Integer fn(Integer item) {
        RAN.incrementAndGet();
        return item;
    }

    private static void callback(Object any) {
        RAN.incrementAndGet();
    }

    static Stream<Named<Submission>> submissions() {
        return Stream.of(
                Named.of("apply(task)", pool -> pool.apply(TASK)),
                Named.of("applyAsync(task)", pool -> pool.applyAsync(TASK)),
                Named.of("applyAsync(task, callback, errorCallback)",
                        pool -> pool.applyAsync(TASK, SubmitAfterStopTest::callback, SubmitAfterStopTest::callback)),
                Named.of("map(fn, items)", pool -> pool.map(SubmitAfterStopTest::fn, ITEMS)),
                Named.of("map(fn, items, chunksize)", pool -> pool.map(SubmitAfterStopTest::fn, ITEMS, 2)),
                Named.of("map(fn, no items)", pool -> pool.map(SubmitAfterStopTest::fn, List.<Integer>of())),
                Named.of("mapAsync(fn, items)", pool -> pool.mapAsync(SubmitAfterStopTest::fn, ITEMS)),
                Named.of("mapAsync(fn, items, chunksize, callback, errorCallback)",
                        pool -> pool.mapAsync(SubmitAfterStopTest::fn, ITEMS, 2,
                                SubmitAfterStopTest::callback, SubmitAfterStopTest::callback)),
                Named.of("mapAsync(fn, no items)", pool -> pool.mapAsync(SubmitAfterStopTest::fn, List.<Integer>of())),
                Named.of("imap(fn, items)", pool -> pool.imap(SubmitAfterStopTest::fn, ITEMS)),
                Named.of("imap(fn, items, chunksize)", pool -> pool.imap(SubmitAfterStopTest::fn, ITEMS, 2)),
                Named.of("imap(fn, no items)", pool -> pool.imap(SubmitAfterStopTest::fn, List.<Integer>of())),
                Named.of("imapUnordered(fn, items)", pool -> pool.imapUnordered(SubmitAfterStopTest::fn, ITEMS)),
                Named.of("imapUnordered(fn, items, chunksize)",
                        pool -> pool.imapUnordered(SubmitAfterStopTest::fn, ITEMS, 2)),
                Named.of("execute(command)", pool -> pool.execute(RAN::incrementAndGet)),
                Named.of("submit(runnable)", pool -> pool.submit(() -> {
                    RAN.incrementAndGet();
                })),
                Named.of("submit(runnable, result)", pool -> pool.submit(RAN::incrementAndGet, "result")),
                Named.of("submit(callable)", pool -> pool.submit(TASK)),
                Named.of("invokeAll(tasks)", pool -> pool.invokeAll(List.of(TASK, TASK))),
                Named.of("invokeAll(no tasks)", pool -> pool.invokeAll(List.<Callable<Integer>>of())),
                Named.of("invokeAll(tasks, timeout)",
                        pool -> pool.invokeAll(List.of(TASK, TASK), Await.SECONDS, TimeUnit.SECONDS)),
                Named.of("invokeAll(no tasks, timeout)",
                        pool -> pool.invokeAll(List.<Callable<Integer>>of(), Await.SECONDS, TimeUnit.SECONDS)),
                Named.of("invokeAny(tasks)", pool -> pool.invokeAny(List.of(TASK, TASK))),
                Named.of("invokeAny(tasks, timeout)",
                        pool -> pool.invokeAny(List.of(TASK, TASK), Await.SECONDS, TimeUnit.SECONDS)));
    }

    static Stream<Arguments> stopsAndSubmissions() {
        List<Named<Stop>> stops = List.of(
                Named.of("shutdown()", ThreadPool::shutdown),
                Named.of("terminate()", ThreadPool::terminate),
                Named.of("close()", ThreadPool::close));
        return stops.stream().flatMap(stop -> submissions().map(submission -> Arguments.of(stop, submission)));
    }

    @ParameterizedTest(name = "{1} after {0}")
    @MethodSource("stopsAndSubmissions")
    void submission_to_a_stopped_pool_throws_pool_not_running(Stop stop, Submission submission) throws Exception {
        ThreadPool pool = pools.of(2);
        stop.stop(pool);
        RAN.set(0);

        PoolNotRunningException refused = assertThrows(PoolNotRunningException.class, () -> submission.submitTo(pool));

        assertEquals("Pool not running", refused.getMessage());
        pool.join();
        assertEquals(0, RAN.get(), "refused work must never run");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submissions")
    void submission_while_closed_but_still_working_throws_pool_not_running(Submission submission) throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch gate = new CountDownLatch(1);
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
        pool.shutdown();
        RAN.set(0);

        PoolNotRunningException refused = assertThrows(PoolNotRunningException.class, () -> submission.submitTo(pool));

        assertEquals("Pool not running", refused.getMessage());
        assertEquals(0, pool.queuedCount());
        gate.countDown();
        pool.join();
        assertEquals(0, RAN.get(), "refused work must never run");
    }

    @Test
    void refusal_is_a_rejected_execution_exception_for_executor_service_callers() {
        ExecutorService executor = pools.of(1);
        executor.shutdown();

        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
    }
}
