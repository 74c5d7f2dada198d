package dev.poolwatch.benchmarks.pool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.benchmarks.report.Figures;
import dev.poolwatch.benchmarks.report.MarkdownTable;
import dev.poolwatch.benchmarks.report.RunLength;
import dev.poolwatch.pool.ThreadPool;

/**
 * The section of {@code BENCHMARKS.md} on {@link ThreadPool} itself: {@code map}, {@code imap} and
 * {@code imapUnordered} against the same chunks on a bare JDK executor and against CPython's
 * {@code multiprocessing.pool.ThreadPool.map}, all in one interleaved run; then what each pool's
 * leak safety net (the Cleaner and the creation stack) costs, through JMH.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.poolwatch.benchmarks.pool.MapSection [--quick]</pre>
 *
 * Run it from the repository root, with {@code python3} on the path.
 */
public final class MapSection {

    private static final int ITEMS = 100_000;
    private static final int WORKERS = 2;
    private static final int SMALL_CHUNKS = 1;
    private static final int LARGE_CHUNKS = 100;

    private static final String MAP = "ThreadPool.map";
    private static final String IMAP = "ThreadPool.imap";
    private static final String IMAP_UNORDERED = "ThreadPool.imapUnordered";

    private MapSection() {
    }

    public static void main(String[] args) throws Exception {
        RunLength length = RunLength.of(args);
        int warmUpRounds = length.choose(15, 1);
        int rounds = length.choose(31, 3);
        Squares squares = new Squares(ITEMS);
        String python = CpythonMap.version();

        System.err.println("MapSection: " + (warmUpRounds + rounds) + " rounds of every side");
        MapTimings timings;
        ThreadPool pool = ThreadPool.builder().processes(WORKERS).build();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        try (pool; CpythonMap cpython = new CpythonMap(ITEMS, WORKERS)) {
            List<MapSide> sides = new ArrayList<>(ThreadPoolSides.on(pool, squares));
            BareExecutorMap bare = new BareExecutorMap(executor, squares);
            sides.add(bare);
            sides.add(cpython);
            timings = MapTimings.measure(sides, List.of(SMALL_CHUNKS, LARGE_CHUNKS), warmUpRounds, rounds);
            print(timings, bare.name(), cpython.name(), python, warmUpRounds, rounds);
        } finally {
            executor.shutdown();
        }

        System.err.println("MapSection: JMH, the cost of the Cleaner and of the creation stack");
        print(PoolOverhead.measure(length));
    }

    private static void print(MapTimings timings, String bare, String cpython, String python, int warmUpRounds,
            int rounds) {
        System.out.printf(Locale.ROOT, """
                ## ThreadPool against the JDK's executor and CPython

                %,d items, each squared (`x * x`: an `Integer` in and a `Long` out in Java, an `int` \
                in %s), on %d workers, in chunks of %d and of %d items. Each side is called once a \
                round, the sides in an order that rotates every round, chunk size by chunk size: \
                %d warm-up rounds, then %d timed ones. A call is timed until the caller holds every \
                result (the iterators' last `next()`). CPython runs in one `python3` process for the \
                whole run (`benchmarks/python/threadpool_map.py`), which times its own `map` calls, so \
                its start-up is not counted. The bare executor is a `ThreadPoolExecutor` with the same \
                chunks as tasks, their results gathered in order: `map` written by hand.

                """, ITEMS, python, WORKERS, SMALL_CHUNKS, LARGE_CHUNKS, warmUpRounds, rounds);

        List<String> sides = List.of(MAP, IMAP, IMAP_UNORDERED, bare, cpython);
        MarkdownTable medians = new MarkdownTable("side", "median ms, chunksize " + SMALL_CHUNKS,
                "median ms, chunksize " + LARGE_CHUNKS);
        for (String side : sides) {
            medians.row(side, Figures.figure(timings.median(side, SMALL_CHUNKS)),
                    Figures.figure(timings.median(side, LARGE_CHUNKS)));
        }
        System.out.println(medians);

        MarkdownTable goals = new MarkdownTable("goal", "chunksize", "measured", "verdict");
        faster(goals, timings, cpython, SMALL_CHUNKS, 20);
        faster(goals, timings, cpython, LARGE_CHUNKS, 5);
        for (int chunksize : List.of(SMALL_CHUNKS, LARGE_CHUNKS)) {
            within(goals, timings, MAP, bare, chunksize, 1.2);
        }
        for (String iterated : List.of(IMAP, IMAP_UNORDERED)) {
            for (int chunksize : List.of(SMALL_CHUNKS, LARGE_CHUNKS)) {
                within(goals, timings, iterated, MAP, chunksize, 1.5);
            }
        }
        System.out.println(goals);
    }

    /** {@code map} at least {@code times} as fast as {@code slower}: their medians' ratio. */
    private static void faster(MarkdownTable goals, MapTimings timings, String slower, int chunksize, double times) {
        double ratio = timings.median(slower, chunksize) / timings.median(MAP, chunksize);
        goals.row(MAP + " ≥ " + times(times) + " as fast as " + slower, chunksize,
                Figures.ratio(ratio) + " (" + Figures.figure(timings.median(slower, chunksize)) + " ms / "
                        + Figures.figure(timings.median(MAP, chunksize)) + " ms)",
                Figures.verdict(ratio >= times));
    }

    /** {@code side} takes at most {@code limit} times as long as {@code reference}: their medians' ratio. */
    private static void within(MarkdownTable goals, MapTimings timings, String side, String reference, int chunksize,
            double limit) {
        double ratio = timings.median(side, chunksize) / timings.median(reference, chunksize);
        goals.row(side + " within " + times(limit) + " of " + reference, chunksize,
                Figures.ratio(ratio) + " (" + Figures.figure(timings.median(side, chunksize)) + " ms / "
                        + Figures.figure(timings.median(reference, chunksize)) + " ms)",
                Figures.verdict(ratio <= limit));
    }

    private static void print(PoolOverhead overhead) {
        double captured = overhead.median(PoolOverhead.CAPTURED);
        double notCaptured = overhead.median(PoolOverhead.NOT_CAPTURED);
        double jdk = overhead.median(PoolOverhead.JDK);
        double cleanerMicros = overhead.median(PoolOverhead.CLEANER) / 1000;
        System.out.printf(Locale.ROOT, """
                ### What the leak safety net costs a pool

                JMH (`PoolOverheadBenchmark`), each side in its own fork, %d round(s) in rotating \
                order; the median of the rounds' medians. A pool with one worker is created %d \
                frames below JMH's own and closed; the JDK's executor starts its one thread and shuts \
                down. The Cleaner line is what a pool does with `java.lang.ref.Cleaner` once in its \
                life, alone: register at creation, `clean()` at termination (the median iteration's \
                average of many calls).

                """, overhead.rounds, PoolOverheadBenchmark.CALLER_FRAMES);
        MarkdownTable costs = new MarkdownTable("per pool", "median µs", "against the JDK's executor");
        costs.row(PoolOverhead.CAPTURED, Figures.figure(captured), Figures.ratio(captured / jdk));
        costs.row(PoolOverhead.NOT_CAPTURED, Figures.figure(notCaptured), Figures.ratio(notCaptured / jdk));
        costs.row(PoolOverhead.JDK, Figures.figure(jdk), Figures.ratio(1));
        costs.row(PoolOverhead.CLEANER, Figures.figure(cleanerMicros), "");
        System.out.println(costs);
        System.out.printf(Locale.ROOT,
                "Capturing the creation stack costs %s µs a pool (%s of a pool's creation and close); the"
                        + " Cleaner registration, %s µs (%s).%n",
                Figures.figure(captured - notCaptured), percent((captured - notCaptured) / captured),
                Figures.figure(cleanerMicros), percent(cleanerMicros / captured));
    }

    /** A goal's factor as the issue states it: {@code 20×}, {@code 1.2×}. */
    private static String times(double factor) {
        return BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString() + "×";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
