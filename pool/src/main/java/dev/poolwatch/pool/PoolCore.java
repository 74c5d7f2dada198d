package dev.poolwatch.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
    private final Runnable initializer;
    private final Thread[] workers;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Condition allWorkersExited = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private volatile State state = State.RUN;
    private int liveWorkers;

    /** Run once, by the last worker to exit: set by {@link #start}. */
    private Runnable onTermination;

    private final AtomicInteger activeJobs = new AtomicInteger();
    private final AtomicLong completedJobs = new AtomicLong();

    PoolCore(String name, int processes, Runnable initializer, String threadNamePrefix, boolean daemon) {
        this.name = name;
        this.initializer = initializer;
        this.workers = new Thread[processes];
        for (int i = 0; i < processes; i++) {
            Thread worker = new Thread(null, this::work, threadNamePrefix + "-worker-" + (i + 1), 0, false);
            worker.setDaemon(daemon);
            workers[i] = worker;
        }
        liveWorkers = processes;
    }

    /**
     * Starts the workers. {@code onTermination} runs once the pool has terminated, on the last
     * worker to exit.
     */
    void start(Runnable onTermination) {
        this.onTermination = onTermination;
        for (Thread worker : workers) {
            worker.start();
        }
    }

    State state() {
        return state;
    }

    int processes() {
        return workers.length;
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
            return state != State.RUN && liveWorkers == 0;
        } finally {
            lock.unlock();
        }
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (state == State.RUN || liveWorkers > 0) {
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
        for (Thread worker : workers) {
            if (worker == thread) {
                return true;
            }
        }
        return false;
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
        List<String> names = new ArrayList<>(workers.length);
        for (Thread worker : workers) {
            names.add(worker.getName());
        }
        return names;
    }

    private void work() {
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
        } finally {
            workerExited();
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

    private void workerExited() {
        boolean last;
        lock.lock();
        try {
            liveWorkers--;
            last = liveWorkers == 0;
            if (last) {
                allWorkersExited.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (last) {
            onTermination.run();
        }
    }

    @Override
    public String toString() {
        int live;
        int queued;
        lock.lock();
        try {
            live = liveWorkers;
            queued = queue.size();
        } finally {
            lock.unlock();
        }
        return name + "[" + state + ", workers=" + live + "/" + workers.length + ", active=" + activeJobs.get()
                + ", queued=" + queued + ", completed=" + completedJobs.get() + "]";
    }
}
