package dev.poolwatch.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.poolwatch.pool.ThreadPool.State;

/** Bad arguments fail on the calling thread, naming the parameter, and leave the pool untouched. */
@Timeout(value = Await.TEST_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArgumentCheckTest {

    @RegisterExtension
    final Pools pools = new Pools();

    /** One call on a pool with a bad argument. */
    @FunctionalInterface
    interface Call {
        void on(ThreadPool pool) throws Exception;
    }

    private static final Function<Integer, Integer> FN = x -> x;
    private static final List<Integer> ITEMS = List.of(1, 2, 3);

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void pool_with_fewer_than_one_process_is_refused(int processes) {
        IllegalArgumentException byConstructor = assertThrows(IllegalArgumentException.class,
                () -> pools.add(new ThreadPool(processes)));
        IllegalArgumentException byBuilder = assertThrows(IllegalArgumentException.class,
                () -> ThreadPool.builder().processes(processes));

        assertEquals("processes must be at least 1, was " + processes, byConstructor.getMessage());
        assertEquals(byConstructor.getMessage(), byBuilder.getMessage());
    }

    @Test
    void blank_or_null_thread_name_prefix_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadPool.builder().threadNamePrefix(" "));
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> ThreadPool.builder().threadNamePrefix(null));
        assertEquals("threadNamePrefix", thrown.getMessage());
    }

    static Stream<Named<Call>> chunksizeBelowOne() {
        return Stream.of(0, -1).flatMap(chunksize -> Stream.of(
                Named.of("map(fn, items, " + chunksize + ")", pool -> pool.map(FN, ITEMS, chunksize)),
                Named.of("mapAsync(fn, items, " + chunksize + ", ...)",
                        pool -> pool.mapAsync(FN, ITEMS, chunksize, null, null)),
                Named.of("imap(fn, items, " + chunksize + ")", pool -> pool.imap(FN, ITEMS, chunksize)),
                Named.of("imapUnordered(fn, items, " + chunksize + ")",
                        pool -> pool.imapUnordered(FN, ITEMS, chunksize))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunksizeBelowOne")
    void chunksize_below_one_is_refused(Call call) throws Exception {
        ThreadPool pool = pools.of(1);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> call.on(pool));

        assertTrue(thrown.getMessage().startsWith("chunksize must be at least 1"), thrown.getMessage());
        assertUntouched(pool);
    }

    static Stream<Arguments> nullArguments() {
        Callable<Integer> nullTask = null;
        Runnable nullRunnable = null;
        Function<Integer, Integer> nullFn = null;
        CheckedFunction<Integer, Integer> nullChecked = null;
        List<Integer> nullItems = null;
        return Stream.of(
                Arguments.of("apply(null)", "task", (Call) pool -> pool.apply(nullTask)),
                Arguments.of("applyAsync(null)", "task", (Call) pool -> pool.applyAsync(nullTask)),
                Arguments.of("applyAsync(null, callback, errorCallback)", "task",
                        (Call) pool -> pool.applyAsync(nullTask, v -> { }, e -> { })),
                Arguments.of("submit((Callable) null)", "task", (Call) pool -> pool.submit(nullTask)),
                Arguments.of("submit((Runnable) null)", "task", (Call) pool -> pool.submit(nullRunnable)),
                Arguments.of("submit(null, result)", "task", (Call) pool -> pool.submit(nullRunnable, "result")),
                Arguments.of("execute(null)", "command", (Call) pool -> pool.execute(nullRunnable)),
                Arguments.of("map(null, items)", "fn", (Call) pool -> pool.map(nullFn, ITEMS)),
                Arguments.of("map(null, items, chunksize)", "fn", (Call) pool -> pool.map(nullFn, ITEMS, 1)),
                Arguments.of("mapAsync(null, items)", "fn", (Call) pool -> pool.mapAsync(nullFn, ITEMS)),
                Arguments.of("mapAsync(null, items, ...)", "fn",
                        (Call) pool -> pool.mapAsync(nullFn, ITEMS, 1, null, null)),
                Arguments.of("imap(null, items)", "fn", (Call) pool -> pool.imap(nullFn, ITEMS)),
                Arguments.of("imap(null, items, chunksize)", "fn", (Call) pool -> pool.imap(nullFn, ITEMS, 1)),
                Arguments.of("imapUnordered(null, items)", "fn", (Call) pool -> pool.imapUnordered(nullFn, ITEMS)),
                Arguments.of("imapUnordered(null, items, chunksize)", "fn",
                        (Call) pool -> pool.imapUnordered(nullFn, ITEMS, 1)),
                Arguments.of("map((CheckedFunction) null, items)", "fn", (Call) pool -> pool.map(nullChecked, ITEMS)),
                Arguments.of("mapAsync((CheckedFunction) null, items, ...)", "fn",
                        (Call) pool -> pool.mapAsync(nullChecked, ITEMS, 1, null, null)),
                Arguments.of("imap((CheckedFunction) null, items)", "fn", (Call) pool -> pool.imap(nullChecked, ITEMS)),
                Arguments.of("imapUnordered((CheckedFunction) null, items)", "fn",
                        (Call) pool -> pool.imapUnordered(nullChecked, ITEMS)),
                Arguments.of("map(fn, null)", "items", (Call) pool -> pool.map(FN, nullItems)),
                Arguments.of("map(fn, null, chunksize)", "items", (Call) pool -> pool.map(FN, nullItems, 1)),
                Arguments.of("mapAsync(fn, null)", "items", (Call) pool -> pool.mapAsync(FN, nullItems)),
                Arguments.of("mapAsync(fn, null, ...)", "items",
                        (Call) pool -> pool.mapAsync(FN, nullItems, 1, null, null)),
                Arguments.of("imap(fn, null)", "items", (Call) pool -> pool.imap(FN, nullItems)),
                Arguments.of("imap(fn, null, chunksize)", "items", (Call) pool -> pool.imap(FN, nullItems, 1)),
                Arguments.of("imapUnordered(fn, null)", "items", (Call) pool -> pool.imapUnordered(FN, nullItems)),
                Arguments.of("imapUnordered(fn, null, chunksize)", "items",
                        (Call) pool -> pool.imapUnordered(FN, nullItems, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void null_argument_throws_null_pointer_exception_at_the_call_naming_it(String call, String parameter, Call bad)
            throws Exception {
        ThreadPool pool = pools.of(1);

        NullPointerException thrown = assertThrows(NullPointerException.class, () -> bad.on(pool));

        assertEquals(parameter, thrown.getMessage());
        assertUntouched(pool);
    }

    /** Nothing was queued or run, and the pool still serves work. */
    private static void assertUntouched(ThreadPool pool) {
        assertEquals(0, pool.queuedCount());
        assertEquals(State.RUN, pool.state());
        assertEquals(pool.workerNames().get(0).substring(0, pool.workerNames().get(0).indexOf("-worker-"))
                + "[RUN, workers=1/1, active=0, queued=0, completed=0]", pool.toString());
        assertEquals(2, pool.apply(() -> 2));
    }
}
