package dev.poolwatch.benchmarks.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The submit path of a running pool, bare and under the agent: {@code execute(Runnable)} and
 * {@code submit(Runnable)} of a {@code ThreadPoolExecutor} and of a {@code ForkJoinPool}. The two sides
 * of each are methods whose forks differ only in {@code -javaagent}.
 *
 * <p>One op is one task handed to the pool. The pool has one worker, kept busy by a task that waits
 * for the end of the trial, so each op takes the submit path alone: the task goes to the queue and no
 * worker starts or wakes. Every {@link #BACKLOG} ops the benchmark thread empties the queue itself,
 * so the backlog stays bounded (that cost is in the op, amortized, on both sides). The tasks never
 * run: running them is the same code with or without the agent, which weaves nothing into the
 * workers' loop. What the agent does weave into this path is a handler around {@code ForkJoinPool}'s
 * submitting methods that runs only when a task is rejected; {@code ThreadPoolExecutor}'s submitting
 * methods it leaves as they are.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SubmitPathBenchmark</pre>
 * (from the repository root, where the forks find the agent jar).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SubmitPathBenchmark {

    static final String AGENT = "-javaagent:agent/target/poolwatch-agent.jar=quiet=true";

    /** Tasks queued before the benchmark thread empties the queue. */
    static final int BACKLOG = 1024;

    /** Set if a task ran: then a worker took from the queue, and the op measured more than the submit path. */
    static volatile boolean taskRan;

    private static final Runnable TASK = () -> taskRan = true;

    /** A {@code ThreadPoolExecutor} as {@code Executors.newFixedThreadPool(1)} makes it, its worker busy. */
    @State(Scope.Thread)
    public static class BusyThreadPoolExecutor {
        final CountDownLatch endOfTrial = new CountDownLatch(1);
        ThreadPoolExecutor pool;
        private int queued;

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            CountDownLatch running = new CountDownLatch(1);
            pool.execute(() -> {
                running.countDown();
                awaitQuietly(endOfTrial);
            });
            running.await();
        }

        void queued() {
            if (++queued == BACKLOG) {
                pool.getQueue().clear();
                queued = 0;
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            int workers = pool.getPoolSize();
            pool.getQueue().clear();
            endOfTrial.countDown();
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            checkOnlyTheSubmitPathRan(workers);
        }
    }

    /** A {@code ForkJoinPool} of parallelism 1, its worker busy. */
    @State(Scope.Thread)
    public static class BusyForkJoinPool {
        final CountDownLatch endOfTrial = new CountDownLatch(1);
        DrainableForkJoinPool pool;
        private int queued;

        @Setup(Level.Trial)
        public void start() throws InterruptedException {
            pool = new DrainableForkJoinPool();
            CountDownLatch running = new CountDownLatch(1);
            pool.execute(() -> {
                running.countDown();
                awaitQuietly(endOfTrial);
            });
            running.await();
        }

        void queued() {
            if (++queued == BACKLOG) {
                pool.drain();
                queued = 0;
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            int workers = pool.getPoolSize();
            pool.drain();
            endOfTrial.countDown();
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            checkOnlyTheSubmitPathRan(workers);
        }
    }

    /** A {@code ForkJoinPool} whose queued tasks the benchmark can throw away. */
    static final class DrainableForkJoinPool extends ForkJoinPool {
        private final List<ForkJoinTask<?>> drained = new ArrayList<>(BACKLOG);

        DrainableForkJoinPool() {
            super(1);
        }

        void drain() {
            drainTasksTo(drained);
            drained.clear();
        }
    }

    private static void checkOnlyTheSubmitPathRan(int workers) {
        if (taskRan || workers != 1) {
            throw new IllegalStateException("measured more than the submit path: " + workers + " workers"
                    + (taskRan ? ", and a task ran" : ""));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Benchmark
    @Fork(1)
    public void threadPoolExecutorExecuteBare(BusyThreadPoolExecutor state) {
        state.pool.execute(TASK);
        state.queued();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public void threadPoolExecutorExecuteUnderAgent(BusyThreadPoolExecutor state) {
        state.pool.execute(TASK);
        state.queued();
    }

    @Benchmark
    @Fork(1)
    public Object threadPoolExecutorSubmitBare(BusyThreadPoolExecutor state) {
        Object future = state.pool.submit(TASK);
        state.queued();
        return future;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public Object threadPoolExecutorSubmitUnderAgent(BusyThreadPoolExecutor state) {
        Object future = state.pool.submit(TASK);
        state.queued();
        return future;
    }

    @Benchmark
    @Fork(1)
    public void forkJoinPoolExecuteBare(BusyForkJoinPool state) {
        state.pool.execute(TASK);
        state.queued();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public void forkJoinPoolExecuteUnderAgent(BusyForkJoinPool state) {
        state.pool.execute(TASK);
        state.queued();
    }

    @Benchmark
    @Fork(1)
    public Object forkJoinPoolSubmitBare(BusyForkJoinPool state) {
        Object future = state.pool.submit(TASK);
        state.queued();
        return future;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public Object forkJoinPoolSubmitUnderAgent(BusyForkJoinPool state) {
        Object future = state.pool.submit(TASK);
        state.queued();
        return future;
    }
}
