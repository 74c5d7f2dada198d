package dev.poolwatch.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.poolwatch.pool.ThreadPool.State;

/**
 * Everything a {@link ThreadPool} owns, apart from the facade the user holds: the queue, the
 * workers, the lifecycle state.
 *
 * <p>Workers, queued jobs and the Cleaner action reference this object and never the facade, so
 * the facade becomes unreachable as soon as the user drops it, even while workers run. That is what
 * lets the Cleaner find a pool that was never closed.
 *
 * <p>The state only moves forward, {@code RUN -> CLOSE -> TERMINATE} or {@code RUN -> TERMINATE},
 * under {@link #lock}. The pool is <em>terminated</em> once the state has left {@code RUN} and the
 * last worker has exited.
 */
final class PoolCore {

    private static final System.Logger LOG = System.getLogger("dev.poolwatch.pool");

    final String name;
    private final int processes;
    private final Runnable initializer;
    private final ThreadFactory threads;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition allWorkersExited = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private volatile State state = State.RUN;
    /** The workers alive now: a worker leaves as it exits. */
    private final Set<Thread> workers = new HashSet<>();
    /** The name of every worker started, in order, those that have exited included. */
    private final List<String> workerNames = new ArrayList<>();

    /** Run once, by the last worker to exit: set by {@link #start}. */
    private Runnable onTermination;

    private final AtomicInteger activeJobs = new AtomicInteger();
    private final AtomicLong completedJobs = new AtomicLong();

    PoolCore(String name, int processes, Runnable initializer, ThreadFactory threads) {
        this.name = name;
        this.processes = processes;
        this.initializer = initializer;
        this.threads = threads;
    }

    /**
     * Starts the workers. {@code onTermination} runs once the pool has terminated, on the last
     * worker to exit. If a worker cannot be made or started, the pool is terminated, so that those
     * already started exit and nothing waits on them forever, and the failure is thrown.
     */
    void start(Runnable onTermination) {
        this.onTermination = onTermination;
        lock.lock();
        try {
            for (int i = 0; i < processes; i++) {
                startWorker();
            }
        } catch (RuntimeException | Error failure) {
            terminate();
            throw failure;
        } finally {
            lock.unlock();
        }
    }

    /** Called under {@link #lock}. */
    private void startWorker() {
        Thread worker = threads.newThread(this::work);
        workers.add(worker);
        try {
            worker.start();
        } catch (RuntimeException | Error failure) {
            workers.remove(worker);
            throw failure;
        }
        workerNames.add(worker.getName());
    }

    State state() {
        return state;
    }

    int processes() {
        return processes;
    }

    void ensureRunning() {
        if (state != State.RUN) {
            throw new PoolNotRunningException();
        }
    }

    void enqueue(Job job) {
        lock.lock();
        try {
            ensureRunning();
            queue.addLast(job);
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues all jobs or none, so a concurrent shutdown never leaves half a batch behind. */
    void enqueueAll(List<? extends Job> jobs) {
        lock.lock();
        try {
            ensureRunning();
            queue.addAll(jobs);
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void shutdown() {
        lock.lock();
        try {
            if (state == State.RUN) {
                state = State.CLOSE;
                workAvailable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves to {@code TERMINATE}, interrupts the workers and returns the jobs that never started.
     * The caller decides their fate: {@link #terminateDiscardingQueued()} fails them,
     * {@code shutdownNow} hands them back.
     */
    List<Job> terminate() {
        lock.lock();
        try {
            state = State.TERMINATE;
            List<Job> neverStarted = new ArrayList<>(queue);
            queue.clear();
            workAvailable.signalAll();
            for (Thread worker : workers) {
                worker.interrupt();
            }
            return neverStarted;
        } finally {
            lock.unlock();
        }
    }

    void terminateDiscardingQueued() {
        CancellationException reason = new CancellationException(name + " was terminated before this task started");
        for (Job job : terminate()) {
            job.abandon(reason);
        }
    }

    boolean isTerminated() {
        lock.lock();
        try {
            return state != State.RUN && workers.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (state == State.RUN || !workers.isEmpty()) {
                if (nanos <= 0L) {
                    return false;
                }
                nanos = allWorkersExited.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isWorker(Thread thread) {
        lock.lock();
        try {
            return workers.contains(thread);
        } finally {
            lock.unlock();
        }
    }

    int activeCount() {
        return activeJobs.get();
    }

    int queuedCount() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    List<String> workerNames() {
        lock.lock();
        try {
            return new ArrayList<>(workerNames);
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        boolean exitedNormally = false;
        try {
            runInitializer();
            for (Job job; (job = nextJob()) != null; ) {
                activeJobs.incrementAndGet();
                try {
                    job.run();
                } finally {
                    activeJobs.decrementAndGet();
                    completedJobs.incrementAndGet();
                    if (state != State.TERMINATE) {
                        // An interrupt aimed at the finished job (cancel(true)) must not hit the next one.
                        Thread.interrupted();
                    }
                }
            }
            exitedNormally = true;
        } finally {
            workerExited(exitedNormally);
        }
    }

    private void runInitializer() {
        if (initializer == null) {
            return;
        }
        try {
            initializer.run();
        } catch (Throwable failure) {
            LOG.log(System.Logger.Level.ERROR,
                    "The initializer of " + name + " threw in " + Thread.currentThread().getName()
                            + "; the worker serves tasks without it", failure);
        }
    }

    /** Returns the next job, or {@code null} when this worker must exit. */
    private Job nextJob() {
        lock.lock();
        try {
            while (true) {
                if (state == State.TERMINATE) {
                    return null;
                }
                Job job = queue.pollFirst();
                if (job != null) {
                    return job;
                }
                if (state == State.CLOSE) {
                    return null;
                }
                try {
                    workAvailable.await();
                } catch (InterruptedException wakeUp) {
                    // terminate() interrupts idle workers too; the loop reads the new state.
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A worker that dies (an error escaping a job) is replaced while there is work it could have
     * done, as Python's pool keeps its worker count; the error itself goes on to the dying thread's
     * uncaught exception handler.
     */
    private void workerExited(boolean normally) {
        boolean terminated;
        lock.lock();
        try {
            workers.remove(Thread.currentThread());
            if (!normally && (state == State.RUN || state == State.CLOSE && !queue.isEmpty())) {
                replaceDeadWorker();
            }
            terminated = state != State.RUN && workers.isEmpty();
            if (terminated) {
                allWorkersExited.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (terminated) {
            onTermination.run();
        }
    }

    private void replaceDeadWorker() {
        try {
            startWorker();
        } catch (RuntimeException | Error failure) {
            LOG.log(System.Logger.Level.ERROR, "A worker of " + name + " died and could not be replaced; "
                    + workers.size() + " of " + processes + " workers remain", failure);
        }
    }

    @Override
    public String toString() {
        int live;
        int queued;
        lock.lock();
        try {
            live = workers.size();
            queued = queue.size();
        } finally {
            lock.unlock();
        }
        return name + "[" + state + ", workers=" + live + "/" + processes + ", active=" + activeJobs.get()
                + ", queued=" + queued + ", completed=" + completedJobs.get() + "]";
    }
}
