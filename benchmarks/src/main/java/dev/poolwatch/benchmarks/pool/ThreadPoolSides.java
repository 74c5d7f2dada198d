package dev.poolwatch.benchmarks.pool;

import java.util.List;

import dev.poolwatch.pool.ResultIterator;
import dev.poolwatch.pool.ThreadPool;

/**
 * The sides of {@link ThreadPool}: {@code map}, {@code imap} and {@code imapUnordered} on one pool.
 * An iterator's side ends when its last result has been taken; it sums as it takes (one addition
 * an item), since it cannot hand over a list.
 */
final class ThreadPoolSides {

    private ThreadPoolSides() {
    }

    static List<MapSide> on(ThreadPool pool, Squares squares) {
        return List.of(map(pool, squares), imap(pool, squares, false), imap(pool, squares, true));
    }

    private static MapSide map(ThreadPool pool, Squares squares) {
        return new MapSide() {
            @Override
            public String name() {
                return "ThreadPool.map";
            }

            @Override
            public double timeOneCall(int chunksize) {
                long started = System.nanoTime();
                List<Long> results = pool.map(Squares.SQUARE, squares.items, chunksize);
                double millis = (System.nanoTime() - started) / 1e6;
                squares.check(name(), Squares.sum(results));
                return millis;
            }
        };
    }

    private static MapSide imap(ThreadPool pool, Squares squares, boolean unordered) {
        return new MapSide() {
            @Override
            public String name() {
                return unordered ? "ThreadPool.imapUnordered" : "ThreadPool.imap";
            }

            @Override
            public double timeOneCall(int chunksize) {
                long started = System.nanoTime();
                ResultIterator<Long> results = unordered
                        ? pool.imapUnordered(Squares.SQUARE, squares.items, chunksize)
                        : pool.imap(Squares.SQUARE, squares.items, chunksize);
                long sum = 0;
                while (results.hasNext()) {
                    sum += results.next();
                }
                double millis = (System.nanoTime() - started) / 1e6;
                squares.check(name(), sum);
                return millis;
            }
        };
    }
}
