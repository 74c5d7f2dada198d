package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReclamationTest {

    private static final Duration GC_BOUND = Duration.ofSeconds(30);

    private final LogCapture log = new LogCapture();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void unreferenced_running_pool_is_terminated_and_warned_about_with_its_creation_site() throws Exception {
        List<String> workers = createAndDropRunningPool();
        String pool = workers.get(0).substring(0, workers.get(0).indexOf("-worker-"));

        assertTrue(Gc.collectUntil(() -> !Gc.threadsAlive(workers), GC_BOUND),
                "the workers of the dropped pool should exit once the Cleaner terminates it");
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning(pool + "[").isEmpty(), GC_BOUND));

        LogRecord warning = log.recordsMentioning(pool + "[").get(0);
        assertEquals(Level.WARNING, warning.getLevel());
        assertTrue(warning.getMessage().startsWith("unclosed running pool " + pool + "[RUN"), warning.getMessage());
        StackTraceElement created = warning.getThrown().getStackTrace()[0];
        assertEquals(ReclamationTest.class.getName(), created.getClassName());
        assertEquals("createAndDropRunningPool", created.getMethodName());
        assertTrue(warning.getThrown().getMessage().contains("by thread \"" + Thread.currentThread().getName() + "\""));
    }

    private static List<String> createAndDropRunningPool() {
        ThreadPool pool = new ThreadPool(2);
        assertEquals(6, pool.apply(() -> 2 * 3));
        return pool.workerNames();
    }

    @Test
    void pool_closed_before_it_is_dropped_is_not_warned_about() throws Exception {
        WeakReference<ThreadPool> closed = createCloseAndDrop();
        List<String> sentinel = createAndDropRunningPool();
        String sentinelPool = sentinel.get(0).substring(0, sentinel.get(0).indexOf("-worker-"));

        assertTrue(Gc.collectUntil(
                () -> closed.get() == null && !log.recordsMentioning(sentinelPool + "[").isEmpty(), GC_BOUND));
        assertEquals(1, log.recordsMentioning("unclosed").size(), "only the sentinel pool leaked");
    }

    private static WeakReference<ThreadPool> createCloseAndDrop() {
        ThreadPool pool = new ThreadPool(2);
        pool.close();
        return new WeakReference<>(pool);
    }

    @Test
    void dropped_pool_that_was_shut_down_but_still_working_is_terminated() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        List<String> workers = createShutDownAndDrop(started, interrupted);
        started.await();
        String pool = workers.get(0).substring(0, workers.get(0).indexOf("-worker-"));

        assertTrue(Gc.collectUntil(() -> !Gc.threadsAlive(workers), GC_BOUND));
        assertTrue(interrupted.get(), "the running task is interrupted by the Cleaner's terminate");
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning(pool + "[").isEmpty(), GC_BOUND));
        assertTrue(log.recordsMentioning(pool + "[").get(0).getMessage()
                .startsWith("unclosed closed but still working pool " + pool + "[CLOSE"));
    }

    private static List<String> createShutDownAndDrop(CountDownLatch started, AtomicBoolean interrupted) {
        ThreadPool pool = new ThreadPool(1);
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        pool.shutdown();
        return pool.workerNames();
    }

    @Test
    void a_held_result_keeps_its_pool_alive_until_it_is_dropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AsyncResult<String> result = resultOfDroppedPool(release);
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertFalse(result.ready());
        release.countDown();
        assertEquals("done", result.get(30, TimeUnit.SECONDS), "the pool was not reclaimed while its result was held");
        assertTrue(log.recordsMentioning("unclosed").isEmpty());

        result = null;
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning("unclosed").isEmpty(), GC_BOUND),
                "once the result is dropped too, the pool is reclaimed");
    }

    private static AsyncResult<String> resultOfDroppedPool(CountDownLatch release) {
        ThreadPool pool = new ThreadPool(1);
        return pool.applyAsync(() -> {
            release.await();
            return "done";
        });
    }

    @Test
    void reclaiming_fails_queued_results_with_cancellation() throws Exception {
        CompletableFutureHolder holder = new CompletableFutureHolder();
        queueBehindBlockedWorkerAndDrop(holder);

        assertTrue(Gc.collectUntil(() -> holder.queued.isDone(), GC_BOUND));
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> holder.queued.get());
        assertInstanceOf(CancellationException.class, failure.getCause());
    }

    /** Receives a pool's queued result as a future that does not keep the pool reachable. */
    private static final class CompletableFutureHolder {
        java.util.concurrent.CompletableFuture<Integer> queued;
    }

    private static void queueBehindBlockedWorkerAndDrop(CompletableFutureHolder holder) {
        ThreadPool pool = new ThreadPool(1);
        pool.execute(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.queued = pool.applyAsync(() -> 42).toCompletableFuture();
    }

    @Test
    void without_stack_capture_the_warning_says_how_to_turn_it_on() throws Exception {
        List<String> workers = createWithoutStackAndDrop();
        String pool = workers.get(0).substring(0, workers.get(0).indexOf("-worker-"));

        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning(pool + "[").isEmpty(), GC_BOUND));
        Throwable site = log.recordsMentioning(pool + "[").get(0).getThrown();
        assertEquals(0, site.getStackTrace().length);
        assertTrue(site.getMessage().contains("-Ddev.poolwatch.pool.creationStack=true"), site.getMessage());
    }

    private static List<String> createWithoutStackAndDrop() {
        return ThreadPool.builder().processes(1).captureCreationStack(false).build().workerNames();
    }

    @Test
    void a_view_kept_only_by_a_dropped_plugins_static_field_is_reclaimed_and_the_plugin_loader_collected()
            throws Exception {
        // Threads started here, not by the plug-in: on JDK 17 a thread keeps its creator's stack's class loaders.
        ThreadPoolExecutor host = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        host.prestartAllCoreThreads();
        WeakReference<ClassLoader> loader = startForgetfulPluginAndDropIt(host);

        assertTrue(Gc.collectUntil(() -> loader.get() == null, GC_BOUND),
                "the view's creation site keeps the plug-in's class loader");
        assertTrue(Gc.collectUntil(host::isShutdown, GC_BOUND), "the dropped view is reclaimed");
        String name = ThreadPoolExecutor.class.getName() + "@" + Integer.toHexString(System.identityHashCode(host));
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning(name).isEmpty(), GC_BOUND));
        StackTraceElement created = log.recordsMentioning(name).get(0).getThrown().getStackTrace()[0];
        assertEquals("dev.poolwatch.pool.plugin.ForgetfulPlugin", created.getClassName());
        assertEquals("plugin", created.getClassLoaderName());
    }

    private static WeakReference<ClassLoader> startForgetfulPluginAndDropIt(ExecutorService host) throws Exception {
        ClassLoader plugins = new PluginClassLoader("dev.poolwatch.pool.plugin", ReclamationTest.class.getClassLoader());
        Class.forName("dev.poolwatch.pool.plugin.ForgetfulPlugin", true, plugins)
                .getMethod("start", ExecutorService.class).invoke(null, host);
        return new WeakReference<>(plugins);
    }
}
