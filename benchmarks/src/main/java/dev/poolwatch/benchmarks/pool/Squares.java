package dev.poolwatch.benchmarks.pool;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.pool.CheckedFunction;

/**
 * The work every side of {@link MapSection} does: the square of each of the items {@code 0} to
 * {@code count - 1}, an {@code Integer} in and a {@code Long} out (the squares pass
 * {@code Integer.MAX_VALUE}, and must equal CPython's), as CPython's
 * {@code square(x): return x * x} in {@code benchmarks/python/threadpool_map.py}. Trivial on
 * purpose: what is measured is the pool.
 */
final class Squares {

    static final CheckedFunction<Integer, Long> SQUARE = x -> (long) x * x;

    final List<Integer> items;
    /** The sum of the squares: each side's results are checked against it. */
    private final long expectedSum;

    Squares(int count) {
        items = new ArrayList<>(count);
        long sum = 0;
        for (int i = 0; i < count; i++) {
            items.add(i);
            sum += SQUARE.apply(i);
        }
        expectedSum = sum;
    }

    /** Fails unless {@code sum} is what the squares of every item add up to. */
    void check(String side, long sum) {
        if (sum != expectedSum) {
            throw new IllegalStateException(side + " returned wrong results: sum " + sum + ", expected " + expectedSum);
        }
    }

    static long sum(Iterable<Long> results) {
        long sum = 0;
        for (long result : results) {
            sum += result;
        }
        return sum;
    }
}
