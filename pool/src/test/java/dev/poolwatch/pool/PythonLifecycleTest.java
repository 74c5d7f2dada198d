package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.poolwatch.pool.ThreadPool.State;

/** The lifecycle of Python's ThreadPool: close/join, terminate, the context manager, and the states between. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PythonLifecycleTest {

    @RegisterExtension
    final Pools pools = new Pools();

    @Test
    void shutdown_then_join_waits_for_queued_and_running_tasks() throws Exception {
        ThreadPool pool = pools.of(2);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<AsyncResult<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.applyAsync(() -> {
                bothRunning.countDown();
                gate.await();
                return "ran";
            }));
        }
        Await.open(bothRunning);
        for (int i = 0; i < 4; i++) {
            results.add(pool.applyAsync(() -> "ran"));
        }

        pool.shutdown();
        assertEquals(4, pool.queuedCount(), "shutdown() keeps the queued tasks");
        Await.whenParked(Thread.currentThread(), gate::countDown);
        pool.join();

        assertTrue(pool.isTerminated());
        for (AsyncResult<String> result : results) {
            assertTrue(result.ready(), "join() returned before a task finished");
            assertEquals("ran", result.get());
        }
    }

    @Test
    void terminate_interrupts_running_tasks_and_join_returns() throws Exception {
        ThreadPool pool = pools.of(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger interrupted = new AtomicInteger();
        List<AsyncResult<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.applyAsync(() -> {
                bothRunning.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
                return "never";
            }));
        }
        Await.open(bothRunning);

        pool.terminate();
        pool.join();

        assertEquals(2, interrupted.get());
        for (AsyncResult<String> result : results) {
            ExecutionException failure = assertThrows(ExecutionException.class, result::get);
            assertInstanceOf(InterruptedException.class, failure.getCause());
        }
    }

    @Test
    void try_with_resources_waits_for_queued_and_running_tasks() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        ThreadPool closed;
        try (ThreadPool pool = pools.of(1)) {
            closed = pool;
            results.add(pool.applyAsync(() -> {
                started.countDown();
                gate.await();
                return 0;
            }));
            for (int i = 1; i <= 3; i++) {
                int value = i;
                results.add(pool.applyAsync(() -> value));
            }
            Await.open(started);
            Await.whenParked(Thread.currentThread(), gate::countDown);
        }

        assertTrue(closed.isTerminated(), "close() returned before the workers exited");
        assertEquals(State.CLOSE, closed.state(), "close() never throws queued work away");
        for (int i = 0; i < results.size(); i++) {
            assertTrue(results.get(i).ready(), "close() returned before task " + i + " finished");
            assertEquals(i, results.get(i).get());
        }
    }

    @Test
    void shutdown_moves_the_state_from_run_to_close_and_join_leaves_it_there() throws Exception {
        ThreadPool pool = pools.of(2);
        assertEquals(State.RUN, pool.state());

        pool.shutdown();
        assertEquals(State.CLOSE, pool.state());
        pool.shutdown();
        assertEquals(State.CLOSE, pool.state(), "a second shutdown() changes nothing");
        pool.join();
        assertEquals(State.CLOSE, pool.state());
    }

    @Test
    void close_moves_the_state_from_run_to_close() {
        ThreadPool pool = pools.of(2);

        pool.close();

        assertEquals(State.CLOSE, pool.state());
        assertTrue(pool.isTerminated());
        pool.close();
        assertEquals(State.CLOSE, pool.state(), "a second close() changes nothing");
    }

    @Test
    void terminate_moves_the_state_from_run_to_terminate() throws Exception {
        ThreadPool pool = pools.of(2);

        pool.terminate();

        assertEquals(State.TERMINATE, pool.state());
        pool.join();
        assertTrue(pool.isTerminated());
    }

    @Test
    void terminate_after_shutdown_moves_the_state_from_close_to_terminate() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.open(started);

        pool.shutdown();
        assertEquals(State.CLOSE, pool.state());
        pool.terminate();
        assertEquals(State.TERMINATE, pool.state());
        pool.join();
        assertTrue(pool.isTerminated());
    }

    @Test
    void the_state_never_moves_back_from_terminate() throws Exception {
        ThreadPool pool = pools.of(2);
        pool.terminate();

        pool.shutdown();
        assertEquals(State.TERMINATE, pool.state());
        pool.close();
        assertEquals(State.TERMINATE, pool.state());
        pool.terminate();
        assertEquals(State.TERMINATE, pool.state());
        assertTrue(pool.isTerminated());
    }

    @Test
    void join_before_shutdown_throws_pool_is_still_running() {
        ThreadPool pool = pools.of(1);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, pool::join);

        assertTrue(thrown.getMessage().startsWith("Pool is still running"), thrown.getMessage());
        assertEquals(State.RUN, pool.state(), "a refused join() leaves the pool running");
        assertEquals(4, pool.apply(() -> 2 + 2));
    }

    @Test
    void join_from_a_worker_throws_instead_of_waiting_for_itself() throws Exception {
        ThreadPool pool = pools.of(2);

        AsyncResult<Void> joinedInside = pool.applyAsync(() -> {
            pool.shutdown();
            pool.join();
            return null;
        });

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> joinedInside.get(Await.SECONDS, TimeUnit.SECONDS));
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(refused.getMessage().contains("would wait for itself"), refused.getMessage());
        pool.join();
    }

    @Test
    void close_from_a_worker_shuts_down_without_waiting_for_itself() throws Exception {
        ThreadPool pool = pools.of(2);

        AsyncResult<State> closedInside = pool.applyAsync(() -> {
            pool.close();
            return pool.state();
        });

        assertEquals(State.CLOSE, closedInside.get(Await.SECONDS, TimeUnit.SECONDS));
        assertTrue(pool.awaitTermination(Await.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void close_interrupted_while_waiting_terminates_the_pool_and_restores_the_interrupt() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        Await.open(started);
        AsyncResult<String> queued = pool.applyAsync(() -> "never started");

        Thread.currentThread().interrupt();
        pool.close();

        assertTrue(Thread.interrupted(), "close() restores the caller's interrupt");
        assertThrows(CancellationException.class, () -> queued.get(Await.SECONDS, TimeUnit.SECONDS),
                "a queued task's result fails instead of waiting forever");
        assertEquals(0, interrupted.getCount(), "the running task was interrupted");
        assertEquals(State.TERMINATE, pool.state());
        assertTrue(pool.isTerminated());
    }

    @Test
    void await_termination_is_false_until_the_pool_is_shut_down_and_its_tasks_are_done() throws Exception {
        ThreadPool pool = pools.of(1);
        assertFalse(pool.awaitTermination(10, TimeUnit.MILLISECONDS), "a running pool never terminates");
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        pool.shutdown();
        assertFalse(pool.awaitTermination(10, TimeUnit.MILLISECONDS), "a task is still running");
        gate.countDown();

        assertTrue(pool.awaitTermination(Await.SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void is_shutdown_and_is_terminated_follow_the_lifecycle() throws Exception {
        ThreadPool pool = pools.of(1);
        assertFalse(pool.isShutdown());
        assertFalse(pool.isTerminated());
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        pool.shutdown();
        assertTrue(pool.isShutdown());
        assertFalse(pool.isTerminated(), "a task is still running");
        gate.countDown();
        pool.join();

        assertTrue(pool.isShutdown());
        assertTrue(pool.isTerminated());
    }

    @Test
    void to_string_shows_the_state_and_counts() throws Exception {
        ThreadPool pool = pools.of(1);
        String name = pool.workerNames().get(0).substring(0, pool.workerNames().get(0).indexOf("-worker-"));
        assertEquals(name + "[RUN, workers=1/1, active=0, queued=0, completed=0]", pool.toString());
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
        pool.execute(() -> { });
        Await.open(started);

        assertEquals(name + "[RUN, workers=1/1, active=1, queued=1, completed=0]", pool.toString());
        pool.shutdown();
        gate.countDown();
        pool.join();
        assertEquals(name + "[CLOSE, workers=0/1, active=0, queued=0, completed=2]", pool.toString());
    }
}
