package dev.poolwatch.benchmarks.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What {@code ThreadPool.map} does, written by hand on a bare JDK executor: one task a chunk, each
 * returning its chunk's results, gathered in input order by the caller. The yardstick for what the
 * pool's own bookkeeping costs.
 */
final class BareExecutorMap implements MapSide {

    private final ExecutorService executor;
    private final Squares squares;

    BareExecutorMap(ExecutorService executor, Squares squares) {
        this.executor = executor;
        this.squares = squares;
    }

    @Override
    public String name() {
        return "bare ThreadPoolExecutor";
    }

    @Override
    public double timeOneCall(int chunksize) throws Exception {
        long started = System.nanoTime();
        List<Long> results = map(squares.items, chunksize);
        double millis = (System.nanoTime() - started) / 1e6;
        squares.check(name(), Squares.sum(results));
        return millis;
    }

    private List<Long> map(List<Integer> items, int chunksize) throws Exception {
        List<Future<Long[]>> chunks = new ArrayList<>((items.size() + chunksize - 1) / chunksize);
        for (int start = 0; start < items.size(); start += chunksize) {
            List<Integer> chunk = items.subList(start, Math.min(items.size(), start + chunksize));
            chunks.add(executor.submit(() -> squareEach(chunk)));
        }
        List<Long> results = new ArrayList<>(items.size());
        for (Future<Long[]> chunk : chunks) {
            results.addAll(Arrays.asList(chunk.get()));
        }
        return results;
    }

    private static Long[] squareEach(List<Integer> chunk) throws Exception {
        Long[] squared = new Long[chunk.size()];
        for (int i = 0; i < squared.length; i++) {
            squared[i] = Squares.SQUARE.call(chunk.get(i));
        }
        return squared;
    }
}
