package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** imap and imapUnordered: the order results come in, waiting for them, and failed items. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImapTest {

    @RegisterExtension
    final Pools pools = new Pools();

    private final CountDownLatch firstItemGate = new CountDownLatch(1);
    private final CountDownLatch lastItemRunning = new CountDownLatch(1);

    /**
     * For items 0, 1, 2 on two workers, one item a job: item 0 blocks its worker until
     * {@link #firstItemGate} opens; the other worker does item 1, then item 2, which opens
     * {@link #lastItemRunning}. Once that latch is open, item 1 is complete and item 0 is not.
     */
    private final Function<Integer, String> firstItemLast = item -> {
        if (item == 0) {
            try {
                firstItemGate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } else if (item == 2) {
            lastItemRunning.countDown();
        }
        return "r" + item;
    };

    @Test
    void imap_yields_results_in_input_order_even_when_later_items_complete_first() throws Exception {
        ThreadPool pool = pools.of(2);

        ResultIterator<String> results = pool.imap(firstItemLast, List.of(0, 1, 2));
        Await.open(lastItemRunning);

        assertThrows(TimeoutException.class, () -> results.next(10, TimeUnit.MILLISECONDS),
                "item 1 is complete but item 0 is not: imap must wait for item 0");
        firstItemGate.countDown();
        assertEquals(List.of("r0", "r1", "r2"), drain(results));
    }

    @Test
    void imap_unordered_yields_results_in_completion_order() {
        ThreadPool pool = pools.of(2);

        ResultIterator<String> results = pool.imapUnordered(firstItemLast, List.of(0, 1, 2));

        assertEquals("r1", results.next());
        assertEquals("r2", results.next());
        firstItemGate.countDown();
        assertEquals("r0", results.next());
        assertFalse(results.hasNext());
    }

    @Test
    void imap_unordered_yields_each_released_item_first() {
        ThreadPool pool = pools.of(3);
        List<CountDownLatch> gates = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));

        ResultIterator<Integer> results = pool.imapUnordered(item -> {
            try {
                gates.get(item).await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return item;
        }, List.of(0, 1, 2));

        List<Integer> order = new ArrayList<>();
        for (int released : List.of(2, 0, 1)) {
            gates.get(released).countDown();
            order.add(results.next());
        }
        assertEquals(List.of(2, 0, 1), order);
    }

    @Test
    void imap_hands_out_each_result_as_soon_as_it_and_those_before_it_are_done() throws Exception {
        ThreadPool pool = pools.of(2);
        CountDownLatch secondGate = new CountDownLatch(1);

        ResultIterator<Integer> results = pool.imap(item -> {
            if (item == 1) {
                try {
                    secondGate.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return item * 10;
        }, List.of(0, 1));

        assertTrue(results.hasNext());
        assertEquals(0, results.next(), "the first result is available while the second item still runs");
        assertTrue(results.hasNext());
        assertThrows(TimeoutException.class, () -> results.next(10, TimeUnit.MILLISECONDS));
        secondGate.countDown();
        assertTrue(results.hasNext(), "a timed-out next() consumes nothing");
        assertEquals(10, results.next(Await.SECONDS, TimeUnit.SECONDS));
        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);
    }

    @Test
    void imap_unordered_next_with_timeout_throws_timeout_exception_and_consumes_nothing() throws Exception {
        ThreadPool pool = pools.of(1);

        ResultIterator<String> results = pool.imapUnordered(firstItemLast, List.of(0));

        assertThrows(TimeoutException.class, () -> results.next(10, TimeUnit.MILLISECONDS));
        firstItemGate.countDown();
        assertTrue(results.hasNext());
        assertEquals("r0", results.next(Await.SECONDS, TimeUnit.SECONDS));
        assertFalse(results.hasNext());
    }

    @Test
    void imap_failed_item_throws_completion_exception_and_the_iteration_goes_on() {
        ThreadPool pool = pools.of(2);
        IllegalArgumentException failure = new IllegalArgumentException("item 2");

        for (int chunksize : List.of(1, 3)) {
            ResultIterator<Integer> results = pool.imap(item -> {
                if (item == 2) {
                    throw failure;
                }
                return item;
            }, List.of(1, 2, 3), chunksize);

            assertEquals(1, results.next());
            CompletionException thrown = assertThrows(CompletionException.class, results::next);
            assertSame(failure, thrown.getCause());
            assertEquals(3, results.next(), "chunksize " + chunksize + ": the item after the failure is kept");
            assertFalse(results.hasNext());
        }
    }

    @Test
    void imap_unordered_failed_item_throws_completion_exception_and_the_iteration_goes_on() {
        ThreadPool pool = pools.of(2);
        IllegalArgumentException failure = new IllegalArgumentException("item 2");

        ResultIterator<Integer> results = pool.imapUnordered(item -> {
            if (item == 2) {
                throw failure;
            }
            return item;
        }, List.of(1, 2, 3, 4), 2);

        Set<Integer> values = new HashSet<>();
        List<Throwable> failures = new ArrayList<>();
        while (results.hasNext()) {
            try {
                values.add(results.next());
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        assertEquals(Set.of(1, 3, 4), values);
        assertEquals(List.of(failure), failures);
    }

    @Test
    void imap_with_a_chunksize_yields_every_result_in_order() {
        ThreadPool pool = pools.of(3);
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        ResultIterator<Integer> results = pool.imap(x -> x + 1, items, 4);

        assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), drain(results));
    }

    @Test
    void imap_with_a_chunksize_hands_out_a_chunk_once_its_last_item_is_done() throws Exception {
        ThreadPool pool = pools.of(2);
        CountDownLatch secondItemRunning = new CountDownLatch(1);

        ResultIterator<Integer> results = pool.imap(item -> {
            if (item == 1) {
                secondItemRunning.countDown();
                firstItemGate.await();
            }
            return item * 10;
        }, List.of(0, 1, 2, 3), 2);
        Await.open(secondItemRunning);

        assertThrows(TimeoutException.class, () -> results.next(10, TimeUnit.MILLISECONDS),
                "item 0 is done, but not item 1, the last of its chunk");
        firstItemGate.countDown();
        assertEquals(List.of(0, 10, 20, 30), drain(results));
    }

    @Test
    void imap_unordered_with_a_chunksize_hands_out_each_chunk_whole_in_input_order() throws Exception {
        ThreadPool pool = pools.of(2);
        CountDownLatch secondItemRunning = new CountDownLatch(1);

        ResultIterator<Integer> results = pool.imapUnordered(item -> {
            if (item == 1) {
                secondItemRunning.countDown();
                firstItemGate.await();
            }
            return item;
        }, List.of(0, 1, 2, 3, 4, 5), 3);
        Await.open(secondItemRunning);

        assertEquals(List.of(3, 4, 5), List.of(results.next(), results.next(), results.next()),
                "item 0 is done before the second chunk starts, but its chunk is not");
        firstItemGate.countDown();
        assertEquals(List.of(0, 1, 2), drain(results));
    }

    @Test
    void imap_and_imap_unordered_hand_out_every_result_once_from_many_workers() {
        ThreadPool pool = pools.of(4);
        List<Integer> items = IntStream.range(0, 20_000).boxed().toList();

        for (int chunksize : List.of(1, 7)) {
            assertEquals(items, drain(pool.imap(x -> x, items, chunksize)), "imap, chunksize " + chunksize);
            List<Integer> unordered = drain(pool.imapUnordered(x -> x, items, chunksize));
            unordered.sort(null);
            assertEquals(items, unordered, "imapUnordered, chunksize " + chunksize);
        }
    }

    @Test
    void imap_reads_and_queues_every_item_before_it_returns() throws Exception {
        ThreadPool pool = pools.of(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                firstItemGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.open(started);
        List<Integer> read = new CopyOnWriteArrayList<>();
        Iterable<Integer> items = () -> IntStream.range(0, 5).peek(read::add).iterator();

        ResultIterator<Integer> results = pool.imap(x -> x, items);

        assertEquals(List.of(0, 1, 2, 3, 4), read);
        assertEquals(5, pool.queuedCount(), "one job an item by default");
        firstItemGate.countDown();
        assertEquals(List.of(0, 1, 2, 3, 4), drain(results));
    }

    @Test
    void imap_of_no_items_has_no_next() {
        ThreadPool pool = pools.of(1);

        ResultIterator<Integer> results = pool.imap(x -> x, List.<Integer>of());

        assertFalse(results.hasNext());
        assertThrows(NoSuchElementException.class, results::next);
        assertThrows(NoSuchElementException.class, () -> results.next(1, TimeUnit.SECONDS));
    }

    @Test
    void imap_next_interrupted_throws_completion_exception_keeps_the_interrupt_and_consumes_nothing() {
        ThreadPool pool = pools.of(1);
        ResultIterator<String> results = pool.imap(firstItemLast, List.of(0));

        Thread.currentThread().interrupt();
        CompletionException thrown = assertThrows(CompletionException.class, results::next);

        assertTrue(Thread.interrupted(), "the caller's interrupt status is restored");
        assertInstanceOf(InterruptedException.class, thrown.getCause());
        firstItemGate.countDown();
        assertEquals("r0", results.next());
    }

    @Test
    void to_string_answers_while_another_thread_waits_in_next() throws Exception {
        ThreadPool pool = pools.of(1);
        ResultIterator<String> results = pool.imap(firstItemLast, List.of(0));
        Thread consumer = daemon("test-consumer", results::next);
        Await.until(() -> consumer.getState() == Thread.State.WAITING, "the consumer waits in next()");

        FutureTask<String> described = new FutureTask<>(results::toString);
        daemon("test-describer", described);

        assertEquals("ResultIterator[more results]", described.get(Await.SECONDS, TimeUnit.SECONDS));
        firstItemGate.countDown();
        consumer.join(TimeUnit.SECONDS.toMillis(Await.SECONDS));
        assertEquals("ResultIterator[exhausted]", results.toString());
    }

    private static Thread daemon(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static <R> List<R> drain(ResultIterator<R> results) {
        List<R> all = new ArrayList<>();
        results.forEachRemaining(all::add);
        return all;
    }
}
