package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker threads: daemon status, names, the initializer, and surviving what tasks and callbacks throw. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerThreadsTest {

    private static final Pattern DEFAULT_NAME = Pattern.compile("ThreadPool-(\\d+)-worker-(\\d+)");

    @RegisterExtension
    final Pools pools = new Pools();

    private final LogCapture log = new LogCapture();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** Runs {@code task} once on every worker of {@code pool} at the same time, and returns each result. */
    private static <T> List<T> onEveryWorker(ThreadPool pool, Callable<T> task) throws Exception {
        CountDownLatch allRunning = new CountDownLatch(pool.processes());
        List<AsyncResult<T>> results = new ArrayList<>();
        for (int i = 0; i < pool.processes(); i++) {
            results.add(pool.applyAsync(() -> {
                allRunning.countDown();
                allRunning.await();
                return task.call();
            }));
        }
        List<T> values = new ArrayList<>();
        for (AsyncResult<T> result : results) {
            values.add(result.get(Await.SECONDS, TimeUnit.SECONDS));
        }
        return values;
    }

    @Test
    void workers_are_daemon_threads_by_default() throws Exception {
        ThreadPool pool = pools.of(2);

        assertEquals(List.of(true, true), onEveryWorker(pool, () -> Thread.currentThread().isDaemon()));
    }

    @Test
    void builder_daemon_false_gives_non_daemon_workers() throws Exception {
        ThreadPool pool = pools.add(ThreadPool.builder().processes(2).daemon(false).build());

        assertEquals(List.of(false, false), onEveryWorker(pool, () -> Thread.currentThread().isDaemon()));
    }

    @Test
    void workers_are_named_thread_pool_pool_id_worker_n() throws Exception {
        ThreadPool pool = pools.of(3);
        ThreadPool other = pools.of(1);

        List<String> names = pool.workerNames();
        Matcher first = DEFAULT_NAME.matcher(names.get(0));
        assertTrue(first.matches(), names.get(0));
        String id = first.group(1);
        assertEquals(List.of("ThreadPool-" + id + "-worker-1", "ThreadPool-" + id + "-worker-2",
                "ThreadPool-" + id + "-worker-3"), names);
        assertEquals(new HashSet<>(names), new HashSet<>(onEveryWorker(pool, () -> Thread.currentThread().getName())));
        Matcher otherName = DEFAULT_NAME.matcher(other.workerNames().get(0));
        assertTrue(otherName.matches());
        assertNotEquals(id, otherName.group(1), "each pool has its own id");
        assertTrue(pool.toString().startsWith("ThreadPool-" + id + "[RUN"), pool.toString());
    }

    @Test
    void thread_name_prefix_replaces_thread_pool_in_worker_names() throws Exception {
        ThreadPool pool = pools.add(ThreadPool.builder().processes(2).threadNamePrefix("io").build());

        List<String> names = pool.workerNames();
        Matcher first = Pattern.compile("io-(\\d+)-worker-1").matcher(names.get(0));
        assertTrue(first.matches(), names.get(0));
        String id = first.group(1);
        assertEquals("io-" + id + "-worker-2", names.get(1));
        assertEquals(Set.copyOf(names), Set.copyOf(onEveryWorker(pool, () -> Thread.currentThread().getName())));
        assertTrue(pool.toString().startsWith("ThreadPool[io-" + id + "][RUN"), pool.toString());
    }

    @Test
    void default_pool_has_one_worker_per_available_processor() {
        ThreadPool pool = pools.add(new ThreadPool());

        assertEquals(Runtime.getRuntime().availableProcessors(), pool.processes());
        assertEquals(pool.processes(), pool.workerNames().size());
    }

    @Test
    void initializer_runs_once_on_each_worker_before_its_tasks() throws Exception {
        ThreadLocal<String> initializedFor = new ThreadLocal<>();
        List<String> initializedThreads = new CopyOnWriteArrayList<>();
        ThreadPool pool = pools.add(ThreadPool.builder().processes(3).initializer(() -> {
            initializedFor.set(Thread.currentThread().getName());
            initializedThreads.add(Thread.currentThread().getName());
        }).build());

        List<String> seenByTasks = onEveryWorker(pool, initializedFor::get);
        for (int i = 0; i < 20; i++) {
            seenByTasks.add(pool.apply(initializedFor::get));
        }
        pool.shutdown();
        pool.join();

        assertEquals(Set.copyOf(pool.workerNames()), Set.copyOf(seenByTasks.subList(0, 3)));
        assertFalse(seenByTasks.contains(null), "a task ran before its worker's initializer");
        assertEquals(3, initializedThreads.size(), "once per worker: " + initializedThreads);
        assertEquals(Set.copyOf(pool.workerNames()), Set.copyOf(initializedThreads));
    }

    @Test
    void initializer_that_throws_is_logged_once_per_worker_and_the_workers_serve_tasks_anyway() throws Exception {
        IllegalStateException failure = new IllegalStateException("no connection");
        ThreadPool pool = pools.add(ThreadPool.builder().processes(2).initializer(() -> {
            throw failure;
        }).build());

        assertEquals(List.of("served", "served"), onEveryWorker(pool, () -> "served"));

        String name = pool.toString().substring(0, pool.toString().indexOf('['));
        List<LogRecord> records = log.recordsMentioning("The initializer of " + name + " threw");
        assertEquals(2, records.size());
        Set<String> workersNamed = new HashSet<>();
        for (LogRecord record : records) {
            assertEquals(Level.SEVERE, record.getLevel());
            assertSame(failure, record.getThrown());
            pool.workerNames().stream().filter(record.getMessage()::contains).forEach(workersNamed::add);
        }
        assertEquals(Set.copyOf(pool.workerNames()), workersNamed, "each record names its worker");
    }

    @Test
    void exception_from_an_executed_command_goes_to_the_uncaught_exception_handler_and_the_worker_survives()
            throws Exception {
        ThreadPool pool = pools.of(1);
        IllegalStateException failure = new IllegalStateException("command failed");
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        AtomicReference<Throwable> handled = new AtomicReference<>();
        CountDownLatch handlerCalled = new CountDownLatch(1);

        pool.execute(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, thrown) -> {
                handledOn.set(thread);
                handled.set(thrown);
                handlerCalled.countDown();
            });
            throw failure;
        });

        Await.open(handlerCalled);
        assertSame(failure, handled.get());
        assertEquals(pool.workerNames().get(0), handledOn.get().getName());
        assertEquals(pool.workerNames().get(0), pool.apply(() -> Thread.currentThread().getName()),
                "the same worker serves the next task");
    }

    @Test
    void a_worker_killed_by_an_error_escaping_a_job_is_replaced_and_the_pool_keeps_its_worker_count()
            throws Exception {
        ThreadPool pool = pools.of(2);
        Error escaping = new Error("escaped the job's own handling");
        AtomicReference<Throwable> reported = new AtomicReference<>();
        AtomicReference<Thread> killed = new AtomicReference<>();

        pool.execute(new Job() {
            @Override
            public void run() {
                killed.set(Thread.currentThread());
                Thread.currentThread().setUncaughtExceptionHandler((thread, thrown) -> reported.set(thrown));
                throw escaping;
            }

            @Override
            public void abandon(CancellationException reason) {
            }

            @Override
            public Runnable handedBack() {
                return this;
            }
        });

        Await.until(() -> killed.get() != null && !killed.get().isAlive(), "the worker dies");
        assertSame(escaping, reported.get(), "the error reaches the dying worker's handler");
        assertEquals(List.of(true, true), onEveryWorker(pool, () -> Thread.currentThread().isAlive()),
                "two tasks run at once again");
        assertEquals(3, pool.workerNames().size(), pool.workerNames().toString());
        assertTrue(pool.toString().contains("workers=2/2"), pool.toString());
    }

    @Test
    void a_worker_that_fails_to_start_stops_those_started_and_start_throws() throws Exception {
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread");
        List<Thread> started = new CopyOnWriteArrayList<>();
        AtomicInteger made = new AtomicInteger();
        ThreadFactory thirdFailsToStart = work -> {
            if (made.incrementAndGet() == 3) {
                return new Thread(work) {
                    @Override
                    public void start() {
                        throw noThread;
                    }
                };
            }
            Thread worker = new Thread(work);
            worker.setDaemon(true);
            started.add(worker);
            return worker;
        };
        PoolCore core = new PoolCore("half-started", 4, null, thirdFailsToStart);

        assertSame(noThread, assertThrows(OutOfMemoryError.class, () -> core.start(() -> { })));

        assertTrue(core.awaitTermination(Await.SECONDS, TimeUnit.SECONDS), "join() would wait forever");
        assertEquals(2, started.size());
        for (Thread worker : started) {
            worker.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
            assertFalse(worker.isAlive(), worker + " still runs");
        }
    }

    @Test
    void uncaught_exception_handler_that_throws_does_not_kill_the_worker() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch handlerCalled = new CountDownLatch(1);

        pool.execute(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, thrown) -> {
                handlerCalled.countDown();
                throw new IllegalStateException("handler failed too");
            });
            throw new IllegalStateException("command failed");
        });

        Await.open(handlerCalled);
        assertEquals(pool.workerNames().get(0), pool.apply(() -> Thread.currentThread().getName()));
    }

    @Test
    void callback_that_throws_is_logged_once_and_loses_no_result() throws Exception {
        ThreadPool pool = pools.of(1);
        IllegalStateException callbackFailure = new IllegalStateException("callback failed");

        AsyncResult<String> first = pool.applyAsync(() -> "first", value -> {
            throw callbackFailure;
        }, null);
        AsyncResult<String> second = pool.applyAsync(() -> "second");

        assertEquals("first", first.get(Await.SECONDS, TimeUnit.SECONDS));
        assertTrue(first.successful());
        assertEquals("second", second.get(Await.SECONDS, TimeUnit.SECONDS));
        assertEquals(pool.workerNames().get(0), pool.apply(() -> Thread.currentThread().getName()));
        List<LogRecord> records = log.recordsMentioning("callback threw");
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertSame(callbackFailure, records.get(0).getThrown());
    }

    @Test
    void error_callback_that_throws_is_logged_once_and_keeps_the_task_exception() throws Exception {
        ThreadPool pool = pools.of(1);
        IllegalArgumentException taskFailure = new IllegalArgumentException("task failed");
        IllegalStateException callbackFailure = new IllegalStateException("error callback failed");

        AsyncResult<Object> failed = pool.applyAsync(() -> {
            throw taskFailure;
        }, null, error -> {
            throw callbackFailure;
        });

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> failed.get(Await.SECONDS, TimeUnit.SECONDS));
        assertSame(taskFailure, thrown.getCause());
        assertEquals(3, pool.apply(() -> 1 + 2));
        List<LogRecord> records = log.recordsMentioning("callback threw");
        assertEquals(1, records.size());
        assertSame(callbackFailure, records.get(0).getThrown());
    }

    @Test
    void map_async_callback_that_throws_is_logged_once_and_keeps_the_list() throws Exception {
        ThreadPool pool = pools.of(2);
        IllegalStateException callbackFailure = new IllegalStateException("callback failed");

        AsyncResult<List<Integer>> mapped = pool.mapAsync(x -> x + 1, List.of(1, 2, 3), 1, list -> {
            throw callbackFailure;
        }, null);

        assertEquals(List.of(2, 3, 4), mapped.get(Await.SECONDS, TimeUnit.SECONDS));
        List<LogRecord> records = log.recordsMentioning("callback threw");
        assertEquals(1, records.size());
        assertSame(callbackFailure, records.get(0).getThrown());
    }
}
