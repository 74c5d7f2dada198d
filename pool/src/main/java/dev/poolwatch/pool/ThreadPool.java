package dev.poolwatch.pool;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fixed pool of worker threads with the API and lifecycle of Python's
 * {@code multiprocessing.pool.ThreadPool}, that is also a plain {@link ExecutorService}.
 *
 * <h2>Lifecycle</h2>
 * The {@linkplain #state() state} only moves forward:
 * <ul>
 *   <li>{@link State#RUN RUN}: accepts work. Every worker is started by the constructor; if one
 *       cannot be, those already started are stopped and the constructor throws. A worker that
 *       dies (an {@link Error} that escapes the pool's own handling of a task) is replaced, in
 *       {@code RUN} and while queued work remains in {@code CLOSE}, as Python's pool keeps its
 *       worker count; the error goes to the dying thread's uncaught exception handler.</li>
 *   <li>{@link State#CLOSE CLOSE}, after {@link #shutdown()} (Python's {@code close()}) or
 *       {@link #close()}: accepts nothing more; queued and running tasks finish, then the workers
 *       exit.</li>
 *   <li>{@link State#TERMINATE TERMINATE}, after {@link #terminate()} or {@link #shutdownNow()},
 *       from {@code RUN} or {@code CLOSE}: queued tasks never start, running ones are
 *       interrupted.</li>
 * </ul>
 * The pool is <em>terminated</em> ({@link #isTerminated()}) once it has left {@code RUN} and its
 * last worker has exited; {@link #join()} and {@link #awaitTermination} wait for that. Any way of
 * submitting work outside {@code RUN} throws {@link PoolNotRunningException}.
 *
 * <h2>Every result completes</h2>
 * After {@link #terminate()} or reclamation, every result a caller can wait on (an
 * {@link AsyncResult} or {@link Future}, the list {@code map} returns, each {@code next()} of a
 * {@link ResultIterator}) completes: with a value, an exception, or a
 * {@link java.util.concurrent.CancellationException} for work that never started. After
 * {@link #shutdownNow()}, the same holds once the caller has run or cancelled each task handed
 * back; the JDK's idiom, cancelling every returned {@code Future}, is enough, since the pool's own
 * work comes back as futures.
 *
 * <h2>Reclamation</h2>
 * A pool that becomes unreachable before it is terminated, in state {@code RUN} or {@code CLOSE},
 * is terminated by a {@link Cleaner}, which logs one {@code WARNING} through
 * {@code System.getLogger("dev.poolwatch.pool")} naming the pool and the stack where it was
 * created (Python warns {@code ResourceWarning: unclosed running multiprocessing pool}). This is a
 * safety net, not a way to close pools: the warning means a {@code close()} is missing. Workers
 * hold only the pool's internal state, never this object, so running workers do not keep it
 * reachable. A task, callback or thread-local that captures the pool does, and then the pool is
 * never reclaimed; results ({@link AsyncResult}, {@link ResultIterator}, {@link Future}) hold their
 * pool on purpose, so a pool is not reclaimed while someone can still wait on it.
 *
 * <p>Worker threads are daemon threads named {@code <prefix>-<poolId>-worker-<n>} (prefix
 * {@code ThreadPool} unless {@linkplain Builder#threadNamePrefix set}): like Python's, they never
 * keep the JVM alive. {@link Builder#daemon(boolean)} opts out.
 */
public final class ThreadPool extends AbstractExecutorService implements ExecutorService, AutoCloseable {

    /** The lifecycle states of a pool, in the only order they are entered. */
    public enum State {
        /** Accepting and running work. */
        RUN,
        /** Closed to new work; queued and running tasks still finish. */
        CLOSE,
        /** Closed to new work; queued tasks discarded, running ones interrupted. */
        TERMINATE
    }

    private static final String DEFAULT_PREFIX = "ThreadPool";
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    /**
     * Everything but this facade. Every method that goes on using it after reading the field ends
     * with {@code Reference.reachabilityFence(this)}: compiled code keeps no reference it will not
     * use again, so without the fence a caller blocked in {@code join()} may hold the last reference
     * to a pool only until the field is read, and the Cleaner then terminates the pool under it.
     */
    private final PoolCore core;

    /** Creates a pool with one worker per available processor. */
    public ThreadPool() {
        this(builder());
    }

    /**
     * Creates a pool with {@code processes} workers.
     *
     * @param processes the number of worker threads
     * @throws IllegalArgumentException if {@code processes < 1}
     */
    public ThreadPool(int processes) {
        this(builder().processes(processes));
    }

    private ThreadPool(Builder config) {
        int id = POOL_IDS.incrementAndGet();
        String prefix = config.threadNamePrefix + "-" + id;
        String name = config.threadNamePrefix.equals(DEFAULT_PREFIX) ? prefix : "ThreadPool[" + prefix + "]";
        core = new PoolCore(name, config.processes, config.initializer, new WorkerThreads(prefix, config.daemon));
        CreationSite site = CreationSite.capture(name, config.captureCreationStack);
        // Once the pool has terminated there is nothing to reclaim: unregistering then lets go of
        // the core, whose threads and initializer may hold the creator's class loader.
        Cleaner.Cleanable reclaimer = Reclamation.CLEANER.register(this, new Reclaimer(core, site));
        core.start(reclaimer::clean);
    }

    /**
     * Returns a builder for a pool with non-default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- Python's API

    /**
     * Runs {@code task} on a worker and waits for its result: Python's {@code apply}.
     *
     * @param task the work
     * @param <T> the type of the result
     * @return the task's value
     * @throws CompletionException with the task's exception as its cause, if it failed; or caused by
     *     an {@link InterruptedException} if the caller was interrupted while waiting (the interrupt
     *     status is restored)
     * @throws java.util.concurrent.CancellationException if the task was discarded by
     *     {@link #terminate()}
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    public <T> T apply(Callable<T> task) {
        try {
            return Waiting.await(enqueueTask(task, null, null).future);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Runs {@code task} on a worker and returns at once: Python's {@code apply_async}.
     *
     * @param task the work
     * @param <T> the type of the result
     * @return the pending result
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    public <T> AsyncResult<T> applyAsync(Callable<T> task) {
        return applyAsync(task, null, null);
    }

    /**
     * Runs {@code task} on a worker and returns at once; the worker then calls {@code callback}
     * with the value or {@code errorCallback} with the exception, before the result is ready. A
     * cancellation (by {@link AsyncResult#cancel} or {@link #terminate()}) also reaches
     * {@code errorCallback}, on the cancelling thread. A callback that throws is logged once and
     * harms nothing else. Callbacks should be quick: they occupy the worker.
     *
     * @param task the work
     * @param callback called with the value, may be {@code null}
     * @param errorCallback called with the exception, may be {@code null}
     * @param <T> the type of the result
     * @return the pending result
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    public <T> AsyncResult<T> applyAsync(Callable<T> task, Consumer<? super T> callback,
            Consumer<? super Throwable> errorCallback) {
        try {
            return new Handle<>(enqueueTask(task, callback, errorCallback), this);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Applies {@code fn} to every item and returns the results in input order: Python's
     * {@code map}. The items are split into chunks of about {@code len / (4 * processes)}, as
     * Python does.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return an unmodifiable list of the results
     * @throws CompletionException with the first exception {@code fn} raised as its cause (items
     *     running then still finish; items not yet started are skipped)
     * @throws java.util.concurrent.CancellationException if an item never ran: discarded by
     *     {@link #terminate()}, or cancelled after {@link #shutdownNow()}
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    public <A, R> List<R> map(CheckedFunction<? super A, ? extends R> fn, Iterable<? extends A> items) {
        Objects.requireNonNull(fn, "fn");
        List<? extends A> list = toList(items);
        return awaitBatch(fn, list, defaultChunksize(list.size()));
    }

    /**
     * Like {@link #map(CheckedFunction, Iterable)}, with chunks of {@code chunksize} items.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return an unmodifiable list of the results
     * @throws IllegalArgumentException if {@code chunksize < 1}
     */
    public <A, R> List<R> map(CheckedFunction<? super A, ? extends R> fn, Iterable<? extends A> items,
            int chunksize) {
        Objects.requireNonNull(fn, "fn");
        requireChunksize(chunksize);
        return awaitBatch(fn, toList(items), chunksize);
    }

    /**
     * Like {@link #map(CheckedFunction, Iterable)}, but returns at once: Python's {@code map_async}.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the pending list of results; it fails with the first exception {@code fn} raises
     */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<? super A, ? extends R> fn,
            Iterable<? extends A> items) {
        Objects.requireNonNull(fn, "fn");
        List<? extends A> list = toList(items);
        return new Handle<>(submitBatch(fn, list, defaultChunksize(list.size()), null, null), this);
    }

    /**
     * Like {@link #mapAsync(CheckedFunction, Iterable)}, with a chunk size and callbacks that get the
     * whole list or the first exception (see {@link #applyAsync(Callable, Consumer, Consumer)}).
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param callback called with the list of results, may be {@code null}
     * @param errorCallback called with the first exception, may be {@code null}
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the pending list of results
     * @throws IllegalArgumentException if {@code chunksize < 1}
     */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<? super A, ? extends R> fn,
            Iterable<? extends A> items, int chunksize, Consumer<? super List<R>> callback,
            Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(fn, "fn");
        requireChunksize(chunksize);
        return new Handle<>(submitBatch(fn, toList(items), chunksize, callback, errorCallback), this);
    }

    /**
     * Applies {@code fn} to every item and returns an iterator over the results in input order,
     * each available as soon as it and the ones before it are done: Python's {@code imap}. All items
     * are read from {@code items} and queued by this call, one per job.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     */
    public <A, R> ResultIterator<R> imap(CheckedFunction<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return imap(fn, items, 1);
    }

    /**
     * Like {@link #imap(CheckedFunction, Iterable)}, with chunks of {@code chunksize} items. As in
     * Python, a chunk's results are handed out once its last item is done: one hand-off a chunk
     * rather than one an item, which is what a chunk size is for.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunksize < 1}
     */
    public <A, R> ResultIterator<R> imap(CheckedFunction<? super A, ? extends R> fn, Iterable<? extends A> items,
            int chunksize) {
        Objects.requireNonNull(fn, "fn");
        requireChunksize(chunksize);
        List<? extends A> list = toList(items);
        return submitIterated(fn, list, chunksize, new OrderedResults<>(list.size(), chunksize));
    }

    /**
     * Like {@link #imap(CheckedFunction, Iterable)}, but the results come in the order they
     * complete: Python's {@code imap_unordered}.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in completion order
     */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<? super A, ? extends R> fn,
            Iterable<? extends A> items) {
        return imapUnordered(fn, items, 1);
    }

    /**
     * Like {@link #imapUnordered(CheckedFunction, Iterable)}, with chunks of {@code chunksize} items.
     * As in Python, the results come a chunk at a time, once its last item is done, in the order
     * the chunks complete; a chunk's results come in input order.
     *
     * @param fn the function, which may throw checked exceptions
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in completion order
     * @throws IllegalArgumentException if {@code chunksize < 1}
     */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<? super A, ? extends R> fn,
            Iterable<? extends A> items, int chunksize) {
        Objects.requireNonNull(fn, "fn");
        requireChunksize(chunksize);
        List<? extends A> list = toList(items);
        return submitIterated(fn, list, chunksize, new UnorderedResults<>(list.size(), chunksize));
    }

    // The same for a Function: a lambda fits both shapes and takes the CheckedFunction overload
    // (the more specific, CheckedFunction being a Function); these keep code that passes a
    // Function-typed value compiling as it did.

    /**
     * Like {@link #map(CheckedFunction, Iterable)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return an unmodifiable list of the results
     */
    public <A, R> List<R> map(Function<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return this.<A, R>map(checked(fn), items);
    }

    /**
     * Like {@link #map(CheckedFunction, Iterable, int)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return an unmodifiable list of the results
     */
    public <A, R> List<R> map(Function<? super A, ? extends R> fn, Iterable<? extends A> items, int chunksize) {
        return this.<A, R>map(checked(fn), items, chunksize);
    }

    /**
     * Like {@link #mapAsync(CheckedFunction, Iterable)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the pending list of results
     */
    public <A, R> AsyncResult<List<R>> mapAsync(Function<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return this.<A, R>mapAsync(checked(fn), items);
    }

    /**
     * Like {@link #mapAsync(CheckedFunction, Iterable, int, Consumer, Consumer)}, for a
     * {@link Function}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param callback called with the list of results, may be {@code null}
     * @param errorCallback called with the first exception, may be {@code null}
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the pending list of results
     */
    public <A, R> AsyncResult<List<R>> mapAsync(Function<? super A, ? extends R> fn, Iterable<? extends A> items,
            int chunksize, Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        return this.<A, R>mapAsync(checked(fn), items, chunksize, callback, errorCallback);
    }

    /**
     * Like {@link #imap(CheckedFunction, Iterable)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs, iterated on the calling thread
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     */
    public <A, R> ResultIterator<R> imap(Function<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return this.<A, R>imap(checked(fn), items);
    }

    /**
     * Like {@link #imap(CheckedFunction, Iterable, int)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     */
    public <A, R> ResultIterator<R> imap(Function<? super A, ? extends R> fn, Iterable<? extends A> items,
            int chunksize) {
        return this.<A, R>imap(checked(fn), items, chunksize);
    }

    /**
     * Like {@link #imapUnordered(CheckedFunction, Iterable)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in completion order
     */
    public <A, R> ResultIterator<R> imapUnordered(Function<? super A, ? extends R> fn, Iterable<? extends A> items) {
        return this.<A, R>imapUnordered(checked(fn), items);
    }

    /**
     * Like {@link #imapUnordered(CheckedFunction, Iterable, int)}, for a {@link Function}.
     *
     * @param fn the function
     * @param items the inputs
     * @param chunksize items per job, at least 1
     * @param <A> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in completion order
     */
    public <A, R> ResultIterator<R> imapUnordered(Function<? super A, ? extends R> fn, Iterable<? extends A> items,
            int chunksize) {
        return this.<A, R>imapUnordered(checked(fn), items, chunksize);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the pool to new work: Python's {@code close()}. Queued and running tasks finish, then
     * the workers exit. Does not wait for that: {@link #join()} or {@link #close()} do. Calling it
     * again, or after {@link #terminate()}, has no effect.
     */
    @Override
    public void shutdown() {
        try {
            core.shutdown();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Stops the pool: Python's {@code terminate()}. No new work is accepted; queued tasks never
     * start and their results fail with a {@link java.util.concurrent.CancellationException} (so no
     * caller of {@code get()} or {@code next()} is left waiting); running tasks are interrupted and
     * their results are whatever the tasks make of the interrupt. Does not wait for the workers to
     * exit. Calling it again has no effect.
     */
    public void terminate() {
        try {
            core.terminateDiscardingQueued();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Stops the pool as {@link #terminate()} does, but returns the tasks that never started instead
     * of failing them, as {@link ExecutorService#shutdownNow()} specifies: results that depend on
     * them complete once the caller runs or cancels them. The work of {@code apply*}, {@code map*},
     * {@code imap*}, {@code submit} and {@code invoke*} comes back as {@link Future}s: running one
     * does the work, cancelling one fails the results waiting on it with a
     * {@link java.util.concurrent.CancellationException}. A {@code Runnable} given to
     * {@link #execute} comes back as it was given.
     *
     * @return the tasks that never started, in queue order
     */
    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> neverStarted = new ArrayList<>();
        try {
            for (Job job : core.terminate()) {
                neverStarted.add(job.handedBack());
            }
        } finally {
            Reference.reachabilityFence(this);
        }
        return neverStarted;
    }

    /**
     * Waits until every worker has exited: Python's {@code join()}.
     *
     * @throws IllegalStateException if the pool is still in state {@code RUN} ("Pool is still
     *     running", as in Python), or if called from one of this pool's workers, which would wait for
     *     itself forever
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public void join() throws InterruptedException {
        try {
            if (core.state() == State.RUN) {
                throw new IllegalStateException("Pool is still running: call shutdown() or terminate() before join()");
            }
            if (core.isWorker(Thread.currentThread())) {
                throw new IllegalStateException("join() called from a worker of " + core.name + " would wait for itself");
            }
            core.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Shuts the pool down and waits for it to terminate: the {@code ExecutorService.close()}
     * contract of JDK 19+, for try-with-resources. Unlike Python's context manager, which calls
     * {@code terminate()}, this never throws queued work away. If the caller is interrupted while
     * waiting, the pool is {@linkplain #terminate() terminated} (its queued tasks' results fail with
     * {@code CancellationException}, so none waits forever), the wait goes on, and the interrupt
     * status is restored. Called from one of the pool's own workers, it shuts the pool down and
     * returns without waiting (waiting would never end).
     */
    @Override
    public void close() {
        try {
            if (core.isWorker(Thread.currentThread())) {
                core.shutdown();
                return;
            }
            Closing.shutdownAndAwait(this, this::terminate);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Returns the lifecycle state.
     *
     * @return the current state
     */
    public State state() {
        try {
            return core.state();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean isShutdown() {
        try {
            return core.state() != State.RUN;
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean isTerminated() {
        try {
            return core.isTerminated();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return core.awaitTermination(timeout, unit);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Returns the number of worker threads the pool was created with.
     *
     * @return the number of workers
     */
    public int processes() {
        return core.processes();
    }

    /**
     * Returns the number of jobs running now (a chunk of a {@code map} counts as one).
     *
     * @return the number of busy workers
     */
    public int activeCount() {
        try {
            return core.activeCount();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Returns the number of jobs queued and not yet started.
     *
     * @return the queue length
     */
    public int queuedCount() {
        try {
            return core.queuedCount();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Returns the names of the pool's worker threads, including those that have exited and the
     * replacements of workers that died.
     *
     * @return the worker names, in creation order
     */
    public List<String> workerNames() {
        try {
            return core.workerNames();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Returns the pool's name, state and counts, e.g. {@code ThreadPool-3[RUN, workers=4/4, active=1, queued=0, completed=7]}. */
    @Override
    public String toString() {
        try {
            return core.toString();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    // ---------------------------------------------------------------- ExecutorService

    /**
     * Runs {@code command} on a worker. An exception it throws goes to the worker's uncaught
     * exception handler; the worker survives.
     *
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        try {
            core.enqueue(command instanceof Job job ? job : new RunnableJob(command));
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @return the pending result, also an {@link AsyncResult}
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public <T> AsyncResult<T> submit(Callable<T> task) {
        return applyAsync(task);
    }

    /**
     * {@inheritDoc}
     *
     * @return the pending result, also an {@link AsyncResult}
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public <T> AsyncResult<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return applyAsync(Executors.callable(task, result));
    }

    /**
     * {@inheritDoc}
     *
     * @return the pending result, also an {@link AsyncResult}
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public AsyncResult<?> submit(Runnable task) {
        return submit(task, null);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}, even for an empty
     *     collection
     */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        core.ensureRunning();
        try {
            return super.invokeAll(tasks);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}, even for an empty
     *     collection
     */
    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        core.ensureRunning();
        try {
            return super.invokeAll(tasks, timeout, unit);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        core.ensureRunning();
        try {
            return super.invokeAny(tasks);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws PoolNotRunningException if the pool is not in state {@code RUN}
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        core.ensureRunning();
        try {
            return super.invokeAny(tasks, timeout, unit);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new Task<>(callable, null, null);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new Task<>(Executors.callable(runnable, value), null, null);
    }

    // ---------------------------------------------------------------- internals

    private <T> Task<T> enqueueTask(Callable<T> task, Consumer<? super T> callback,
            Consumer<? super Throwable> errorCallback) {
        Objects.requireNonNull(task, "task");
        Task<T> job = new Task<>(task, callback, errorCallback);
        core.enqueue(job);
        return job;
    }

    private <A, R> List<R> awaitBatch(CheckedFunction<? super A, ? extends R> fn, List<? extends A> items,
            int chunksize) {
        try {
            Batch<R> batch = submitBatch(fn, items, chunksize, null, null);
            return Waiting.await(batch.future);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private <A, R> Batch<R> submitBatch(CheckedFunction<? super A, ? extends R> fn, List<? extends A> items,
            int chunksize, Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        core.ensureRunning();
        Batch<R> batch = new Batch<>(items.size(), callback, errorCallback);
        core.enqueueAll(ChunkJob.split(fn, items, chunksize, batch, core));
        return batch;
    }

    private <A, R> ResultIterator<R> submitIterated(CheckedFunction<? super A, ? extends R> fn,
            List<? extends A> items,
            int chunksize, ItemResults<R> results) {
        try {
            core.enqueueAll(ChunkJob.split(fn, items, chunksize, results, core));
            return new ImapIterator<>(results, this);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private int defaultChunksize(int items) {
        int jobsWanted = core.processes() * 4;
        return Math.max(1, (items + jobsWanted - 1) / jobsWanted);
    }

    /** {@code fn} as a {@link CheckedFunction}; {@code null} stays {@code null}, for the argument check to name. */
    private static <A, R> CheckedFunction<A, R> checked(Function<A, R> fn) {
        if (fn == null || fn instanceof CheckedFunction<A, R>) {
            return (CheckedFunction<A, R>) fn;
        }
        return fn::apply;
    }

    private static void requireChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, was " + chunksize);
        }
    }

    private static <A> List<? extends A> toList(Iterable<? extends A> items) {
        Objects.requireNonNull(items, "items");
        if (items instanceof Collection<? extends A> collection) {
            // A snapshot, as for any Iterable; not List.copyOf, which refuses null items.
            return new ArrayList<>(collection);
        }
        List<A> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /**
     * The Cleaner action: terminates a pool that became unreachable before it terminated, and warns.
     * It holds the pool's core, never the pool, or the pool could never become unreachable.
     */
    private static final class Reclaimer implements Runnable {

        private final PoolCore core;
        private final CreationSite site;

        Reclaimer(PoolCore core, CreationSite site) {
            this.core = core;
            this.site = site;
        }

        @Override
        public void run() {
            if (core.isTerminated()) {
                return;
            }
            String stateAtReclaim = core.state() == State.RUN ? "running" : "closed but still working";
            Reclamation.warnReclaiming(core.toString(), stateAtReclaim, site);
            core.terminateDiscardingQueued();
        }
    }

    /**
     * Settings for a new {@link ThreadPool}. Every setting has a default, so
     * {@code ThreadPool.builder().build()} equals {@code new ThreadPool()}.
     */
    public static final class Builder {

        private int processes = Runtime.getRuntime().availableProcessors();
        private Runnable initializer;
        private String threadNamePrefix = DEFAULT_PREFIX;
        private boolean daemon = true;
        private boolean captureCreationStack = CreationSite.CAPTURE_BY_DEFAULT;

        private Builder() {
        }

        /**
         * Sets the number of workers; the default is {@link Runtime#availableProcessors()}.
         *
         * @param processes the number of worker threads
         * @return this builder
         * @throws IllegalArgumentException if {@code processes < 1}
         */
        public Builder processes(int processes) {
            if (processes < 1) {
                throw new IllegalArgumentException("processes must be at least 1, was " + processes);
            }
            this.processes = processes;
            return this;
        }

        /**
         * Sets code each worker runs once, before its first task: Python's {@code initializer}. If
         * it throws, the failure is logged and the worker serves tasks anyway (Python would replace
         * the worker, over and over).
         *
         * @param initializer the code to run, or {@code null} for none
         * @return this builder
         */
        public Builder initializer(Runnable initializer) {
            this.initializer = initializer;
            return this;
        }

        /**
         * Sets the prefix of worker thread names, {@code <prefix>-<poolId>-worker-<n>}; the default
         * is {@code ThreadPool}.
         *
         * @param threadNamePrefix the prefix
         * @return this builder
         * @throws IllegalArgumentException if the prefix is blank
         */
        public Builder threadNamePrefix(String threadNamePrefix) {
            Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
            if (threadNamePrefix.isBlank()) {
                throw new IllegalArgumentException("threadNamePrefix must not be blank");
            }
            this.threadNamePrefix = threadNamePrefix;
            return this;
        }

        /**
         * Sets whether workers are daemon threads; the default is {@code true}, so a forgotten pool
         * never keeps the JVM alive.
         *
         * @param daemon whether the workers are daemon threads
         * @return this builder
         */
        public Builder daemon(boolean daemon) {
            this.daemon = daemon;
            return this;
        }

        /**
         * Sets whether the stack that creates the pool is captured, for the warning printed if the
         * pool is reclaimed unclosed. The default is {@code true}, unless the system property
         * {@code dev.poolwatch.pool.creationStack} is {@code false}.
         *
         * @param captureCreationStack whether to capture the creation stack
         * @return this builder
         */
        public Builder captureCreationStack(boolean captureCreationStack) {
            this.captureCreationStack = captureCreationStack;
            return this;
        }

        /**
         * Creates the pool and starts its workers.
         *
         * @return a new pool in state {@code RUN}
         * @throws OutOfMemoryError or whatever else starting a thread throws, if a worker cannot be
         *     started; the workers already started are then stopped
         */
        public ThreadPool build() {
            return new ThreadPool(this);
        }
    }
}
