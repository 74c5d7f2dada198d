package dev.poolwatch.benchmarks.agent;

import java.util.concurrent.CountDownLatch;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pool's whole life, bare and under the agent: one op creates a 4-thread {@code ThreadPoolExecutor}
 * (as {@code Executors.newFixedThreadPool(4)} makes it), gives it four tasks so that its four threads
 * start, then shuts it down and waits for it to terminate. The agent records the pool and its
 * creation site, marks the worker starts, and records the shutdown and its site. From one thread, and
 * from eight at once, where the agent's registry is shared by all of them.
 *
 * <p>At a thousand ops a second, the agent's code would still be on its way to the JIT compiler's
 * last tier after a short warm-up, and a fork would time code that a program which has run a while
 * no longer runs: so before the warm-up each fork creates and shuts down {@link PoolsMadeBefore#POOLS}
 * pools that start no thread, which takes a second or less.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FourThreadPoolLifecycleBenchmark</pre>
 * (from the repository root, where the forks find the agent jar).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FourThreadPoolLifecycleBenchmark {

    private static final int WORKERS = 4;

    /** Pools that start no thread, created and shut down before the trial through the same constructor and shutdown. */
    @State(Scope.Benchmark)
    public static class PoolsMadeBefore {
        static final int POOLS = 30_000;

        @Setup(Level.Trial)
        public void createAndShutDown() {
            for (int i = 0; i < POOLS; i++) {
                newPool().shutdown();
            }
        }
    }

    @Benchmark
    @Fork(1)
    public boolean bare(PoolsMadeBefore before) throws InterruptedException {
        return createRunShutDown();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = SubmitPathBenchmark.AGENT)
    public boolean underAgent(PoolsMadeBefore before) throws InterruptedException {
        return createRunShutDown();
    }

    @Benchmark
    @Fork(1)
    @Threads(8)
    public boolean bareFromEightThreads(PoolsMadeBefore before) throws InterruptedException {
        return createRunShutDown();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = SubmitPathBenchmark.AGENT)
    @Threads(8)
    public boolean underAgentFromEightThreads(PoolsMadeBefore before) throws InterruptedException {
        return createRunShutDown();
    }

    private static boolean createRunShutDown() throws InterruptedException {
        ThreadPoolExecutor pool = newPool();
        // Below its core size, each execute starts a thread for its task.
        CountDownLatch ran = new CountDownLatch(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            pool.execute(ran::countDown);
        }
        ran.await();
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a pool did not terminate within a minute: " + pool);
        }
        return pool.isTerminated();
    }

    private static ThreadPoolExecutor newPool() {
        return new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    }
}
