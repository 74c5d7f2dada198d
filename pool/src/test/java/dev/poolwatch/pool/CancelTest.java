package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Future.cancel on results of the pool: who is interrupted, and what the worker carries on with. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancelTest {

    @RegisterExtension
    final Pools pools = new Pools();

    private final CountDownLatch started = new CountDownLatch(1);

    @Test
    void cancel_true_interrupts_the_running_task_and_the_next_task_starts_without_the_interrupt() throws Exception {
        ThreadPool pool = pools.of(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        // Parks until interrupted and returns with the interrupt status still set: only the pool can clear it.
        AsyncResult<String> running = pool.applyAsync(() -> {
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park();
            }
            sawInterrupt.set(true);
            return "interrupted";
        }, null, errors::add);
        Await.open(started);
        // Queued before the cancel, so the worker goes straight from one task to the next.
        AsyncResult<Boolean> next = pool.applyAsync(() -> Thread.currentThread().isInterrupted());

        assertTrue(running.cancel(true));

        assertFalse(next.get(Await.SECONDS, TimeUnit.SECONDS), "the interrupt aimed at the cancelled task leaked");
        assertTrue(sawInterrupt.get());
        assertTrue(running.isCancelled());
        assertThrows(CancellationException.class, running::get);
        assertFalse(running.successful());
        assertEquals(1, errors.size());
        assertInstanceOf(CancellationException.class, errors.get(0));
    }

    @Test
    void cancel_false_does_not_interrupt_the_running_task() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean finishedUninterrupted = new AtomicBoolean();
        List<String> callbacks = new CopyOnWriteArrayList<>();
        AsyncResult<String> running = pool.applyAsync(() -> {
            started.countDown();
            gate.await();
            finishedUninterrupted.set(true);
            return "finished";
        }, callbacks::add, error -> callbacks.add("error callback"));
        Await.open(started);

        assertTrue(running.cancel(false));
        gate.countDown();
        pool.shutdown();
        pool.join();

        assertTrue(finishedUninterrupted.get());
        assertThrows(CancellationException.class, running::get, "the value of a cancelled task is discarded");
        assertEquals(List.of("error callback"), callbacks, "only the cancellation reaches a callback");
    }

    @Test
    void cancelled_queued_task_never_runs() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicBoolean ran = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AsyncResult<String> queued = pool.applyAsync(() -> {
            ran.set(true);
            return "ran";
        }, null, errors::add);

        assertTrue(queued.cancel(true));
        assertTrue(queued.isCancelled());
        assertTrue(queued.ready());
        assertEquals(1, errors.size(), "the error callback runs on the cancelling thread, before cancel() returns");
        gate.countDown();
        pool.shutdown();
        pool.join();

        assertFalse(ran.get());
    }

    @Test
    void cancel_after_completion_returns_false_and_keeps_the_value() throws Exception {
        ThreadPool pool = pools.of(1);
        AsyncResult<String> done = pool.applyAsync(() -> "value");
        assertEquals("value", done.get(Await.SECONDS, TimeUnit.SECONDS));

        assertFalse(done.cancel(true));

        assertFalse(done.isCancelled());
        assertTrue(done.successful());
        assertEquals("value", done.get());
    }

    @Test
    void cancelled_map_async_skips_the_chunks_not_yet_started() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch gate = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Integer> applied = new CopyOnWriteArrayList<>();
        AsyncResult<List<Integer>> mapped = pool.mapAsync(x -> {
            applied.add(x);
            return x;
        }, List.of(1, 2, 3, 4), 1, null, null);

        assertTrue(mapped.cancel(true));
        gate.countDown();
        pool.shutdown();
        pool.join();

        assertTrue(mapped.isCancelled());
        assertEquals(List.of(), applied);
    }
}
