package dev.poolwatch.pool;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;

import dev.poolwatch.pool.ThreadPool.State;

/**
 * Applies a function to a run of consecutive items, as one job: Python's chunk. Each item's
 * outcome is stored on its own, so one failing item never hides the others; the sink hands them on
 * once the chunk is settled.
 */
final class ChunkJob<A, R> implements Job {

    private final CheckedFunction<? super A, ? extends R> fn;
    private final List<? extends A> items;
    private final int firstIndex;
    private final ItemSink<R> sink;
    private final PoolCore core;

    ChunkJob(CheckedFunction<? super A, ? extends R> fn, List<? extends A> items, int firstIndex, ItemSink<R> sink,
            PoolCore core) {
        this.fn = fn;
        this.items = items;
        this.firstIndex = firstIndex;
        this.sink = sink;
        this.core = core;
    }

    @Override
    public void run() {
        runItems(true);
    }

    /**
     * Runs the items in turn. On a worker, a pool terminated meanwhile stops the chunk; run by the
     * caller it was handed back to, after {@code shutdownNow()}, every item runs.
     */
    private void runItems(boolean stopWhenTerminated) {
        for (int i = 0; i < items.size(); i++) {
            if (!sink.wantsMore()) {
                return;
            }
            if (stopWhenTerminated && core.state() == State.TERMINATE) {
                abandonFrom(i, new CancellationException(core.name + " was terminated before this item started"));
                return;
            }
            int index = firstIndex + i;
            R value;
            try {
                value = fn.call(items.get(i));
            } catch (Throwable failure) {
                sink.itemFailed(index, failure);
                continue;
            }
            sink.itemDone(index, value);
        }
        sink.chunkSettled(firstIndex, items.size());
    }

    @Override
    public void abandon(CancellationException reason) {
        abandonFrom(0, reason);
    }

    @Override
    public Runnable handedBack() {
        return new HandedBack(this);
    }

    private void abandonFrom(int start, CancellationException reason) {
        for (int i = start; i < items.size(); i++) {
            sink.itemFailed(firstIndex + i, reason);
        }
        sink.chunkSettled(firstIndex, items.size());
    }

    /** Splits {@code items} into jobs of at most {@code chunksize} items each. */
    static <A, R> List<ChunkJob<A, R>> split(CheckedFunction<? super A, ? extends R> fn, List<? extends A> items,
            int chunksize, ItemSink<R> sink, PoolCore core) {
        List<ChunkJob<A, R>> jobs = new java.util.ArrayList<>((items.size() + chunksize - 1) / chunksize);
        for (int start = 0; start < items.size(); start += chunksize) {
            int end = Math.min(items.size(), start + chunksize);
            jobs.add(new ChunkJob<>(fn, items.subList(start, end), start, sink, core));
        }
        return jobs;
    }

    /**
     * A chunk as {@code shutdownNow()} hands it back: a future, so that the JDK's idiom of
     * cancelling what comes back releases whoever waits on the chunk's items.
     */
    private static final class HandedBack extends FutureTask<Void> {

        private final ChunkJob<?, ?> chunk;

        HandedBack(ChunkJob<?, ?> chunk) {
            super(() -> chunk.runItems(false), null);
            this.chunk = chunk;
        }

        @Override
        protected void done() {
            if (isCancelled()) {
                chunk.abandon(new CancellationException(
                        "cancelled after " + chunk.core.name + " handed it back from shutdownNow()"));
            }
        }
    }
}
