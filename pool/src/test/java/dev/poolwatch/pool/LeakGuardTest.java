package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakGuardTest {

    private static final Duration GC_BOUND = Duration.ofSeconds(30);

    private final LogCapture log = new LogCapture();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void dropped_view_shuts_the_executor_down_and_warns_with_the_wrap_site() throws Exception {
        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        useGuardedViewAndDropIt(executor);

        assertTrue(Gc.collectUntil(executor::isShutdown, GC_BOUND), "the Cleaner shuts the executor down");
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        String name = ThreadPoolExecutor.class.getName() + "@" + Integer.toHexString(System.identityHashCode(executor));
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning(name).isEmpty(), GC_BOUND));

        LogRecord warning = log.recordsMentioning(name).get(0);
        assertTrue(warning.getMessage().startsWith("unclosed running pool " + name), warning.getMessage());
        StackTraceElement wrapped = warning.getThrown().getStackTrace()[0];
        assertEquals(LeakGuardTest.class.getName(), wrapped.getClassName());
        assertEquals("useGuardedViewAndDropIt", wrapped.getMethodName());
    }

    private static void useGuardedViewAndDropIt(ExecutorService executor) throws Exception {
        ExecutorService guarded = LeakGuard.wrap(executor);
        assertEquals(7, guarded.submit(() -> 7).get());
    }

    @Test
    void tasks_queued_in_an_executor_whose_view_is_reclaimed_are_cancelled() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        Future<String> queued = queueBehindABlockedTaskAndDropTheView(executor);

        assertTrue(Gc.collectUntil(queued::isDone, GC_BOUND), "the reclaimed view left a future that never completes");
        assertTrue(queued.isCancelled());
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
    }

    private static Future<String> queueBehindABlockedTaskAndDropTheView(ExecutorService executor) {
        ExecutorService guarded = LeakGuard.wrap(executor);
        guarded.execute(LeakGuardTest::waitForInterrupt);
        return guarded.submit(() -> "queued");
    }

    @Test
    void closing_a_view_while_interrupted_cancels_the_tasks_it_stops() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        ExecutorService guarded = LeakGuard.wrap(executor);
        guarded.execute(LeakGuardTest::waitForInterrupt);
        Future<String> queued = guarded.submit(() -> "queued");

        Thread.currentThread().interrupt();
        ((AutoCloseable) guarded).close();

        assertTrue(Thread.interrupted(), "close() restores the interrupt");
        assertTrue(executor.isTerminated());
        assertTrue(queued.isCancelled(), "the task shutdownNow() drained was left pending");
    }

    private static void waitForInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void view_shut_down_before_it_is_dropped_is_not_warned_about() throws Exception {
        ExecutorService closedExecutor = Executors.newSingleThreadExecutor();
        closeThroughViewAndDropIt(closedExecutor);
        ExecutorService leakedExecutor = Executors.newSingleThreadExecutor();
        useGuardedViewAndDropIt(leakedExecutor);

        assertTrue(Gc.collectUntil(leakedExecutor::isShutdown, GC_BOUND));
        assertTrue(Gc.collectUntil(() -> !log.recordsMentioning("unclosed").isEmpty(), GC_BOUND));
        assertEquals(1, log.recordsMentioning("unclosed").size(), "only the executor left open is reported");
    }

    private static void closeThroughViewAndDropIt(ExecutorService executor) throws Exception {
        ExecutorService guarded = LeakGuard.wrap(executor);
        guarded.execute(() -> { });
        // On JDK 17 ExecutorService is not AutoCloseable; the view is.
        ((AutoCloseable) guarded).close();
        assertTrue(executor.isTerminated(), "close() waits for termination");
    }

    @Test
    void wrapping_a_view_again_returns_it_unchanged() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ExecutorService guarded = LeakGuard.wrap(executor);
            assertSame(guarded, LeakGuard.wrap(guarded));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void wrapping_null_names_the_parameter() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> LeakGuard.wrap(null));
        assertEquals("executor", thrown.getMessage());
    }
}
