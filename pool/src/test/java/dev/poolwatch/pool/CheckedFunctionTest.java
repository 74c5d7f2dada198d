package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * map, mapAsync, imap and imapUnordered take a function that may throw checked exceptions, and
 * still take every {@link Function} they took before: each shape compiles and behaves.
 */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CheckedFunctionTest {

    private static final List<Integer> ITEMS = List.of(1, 2, 3);

    @RegisterExtension
    final Pools pools = new Pools();

    private final IOException readFailed = new IOException("item 2 could not be read");

    /** Throws {@link #readFailed} for item 2: a checked exception, no try/catch needed around it. */
    private Integer read(Integer item) throws IOException {
        if (item == 2) {
            throw readFailed;
        }
        return item * 10;
    }

    @Test
    void map_delivers_a_checked_exception_as_apply_does() {
        ThreadPool pool = pools.of(2);

        CompletionException fromMap = assertThrows(CompletionException.class, () -> pool.map(x -> read(x), ITEMS));
        CompletionException fromApply = assertThrows(CompletionException.class, () -> pool.apply(() -> read(2)));

        assertSame(readFailed, fromMap.getCause());
        assertSame(readFailed, fromApply.getCause());
    }

    @Test
    void map_async_fails_with_the_checked_exception_as_cause() {
        ThreadPool pool = pools.of(2);

        AsyncResult<List<Integer>> result = pool.mapAsync(this::read, ITEMS);

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> result.get(Await.SECONDS, TimeUnit.SECONDS));
        assertSame(readFailed, thrown.getCause());
    }

    @Test
    void imap_throws_the_checked_exception_for_its_item_and_goes_on() {
        ThreadPool pool = pools.of(2);

        ResultIterator<Integer> results = pool.imap(this::read, ITEMS);

        assertEquals(10, results.next());
        assertSame(readFailed, assertThrows(CompletionException.class, results::next).getCause());
        assertEquals(30, results.next());
    }

    @Test
    void imap_unordered_throws_the_checked_exception_for_its_item_and_goes_on() {
        ThreadPool pool = pools.of(1);

        ResultIterator<Integer> results = pool.imapUnordered(x -> read(x), ITEMS, 3);

        assertEquals(10, results.next());
        assertSame(readFailed, assertThrows(CompletionException.class, results::next).getCause());
        assertEquals(30, results.next());
    }

    @Test
    void lambdas_and_method_references_that_fit_either_shape_compile_without_ambiguity() throws Exception {
        ThreadPool pool = pools.of(2);

        assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, ITEMS));
        assertEquals(List.of(1, 4, 9), pool.map((Integer x) -> x * x, ITEMS, 1));
        assertEquals(List.of("1", "2", "3"), pool.map(String::valueOf, ITEMS));
        assertEquals(List.of(2, 3, 4), pool.mapAsync(x -> x + 1, ITEMS, 2, null, null).get());
        assertEquals(List.of(-1, -2, -3), drain(pool.imap(x -> -x, ITEMS)));
        assertEquals(3, drain(pool.imapUnordered(x -> x, ITEMS)).size());
    }

    @Test
    void a_function_typed_value_still_goes_to_the_function_overloads() throws Exception {
        ThreadPool pool = pools.of(2);
        Function<Integer, Integer> twice = x -> 2 * x;

        assertEquals(List.of(2, 4, 6), pool.map(twice, ITEMS));
        assertEquals(List.of(2, 4, 6), pool.map(twice, ITEMS, 2));
        assertEquals(List.of(2, 4, 6), pool.mapAsync(twice, ITEMS).get());
        assertEquals(List.of(2, 4, 6), drain(pool.imap(twice, ITEMS, 2)));
        assertEquals(3, drain(pool.imapUnordered(twice, ITEMS)).size());
    }

    @Test
    void a_checked_function_called_as_a_function_wraps_a_checked_exception_in_completion_exception() {
        CheckedFunction<Integer, Integer> reader = this::read;
        Function<Integer, Integer> asFunction = reader;

        assertEquals(10, asFunction.apply(1));
        assertSame(readFailed, assertThrows(CompletionException.class, () -> asFunction.apply(2)).getCause());
        CheckedFunction<Integer, Integer> failsUnchecked = x -> {
            throw new IllegalStateException("unchecked");
        };
        assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, () -> failsUnchecked.apply(1)));
    }

    private static <R> List<R> drain(ResultIterator<R> results) {
        List<R> all = new ArrayList<>();
        results.forEachRemaining(all::add);
        return all;
    }
}
