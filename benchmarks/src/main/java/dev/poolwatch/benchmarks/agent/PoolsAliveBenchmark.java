package dev.poolwatch.benchmarks.agent;

import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a pool's creation and shutdown cost grows with the pools alive at once: {@code poolsAlive}
 * pools that start no thread are created before the trial and held, never shut down, so the agent's
 * registry holds a record of each; one op then creates a pool that starts no thread and shuts it down.
 * Under the agent the cost should not grow with the registry; bare shows what the held pools cost the
 * JVM itself (its garbage collector walks them too).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PoolsAliveBenchmark</pre>
 * (from the repository root, where the forks find the agent jar).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PoolsAliveBenchmark {

    /** A million pools and their records take about a gigabyte. */
    private static final String HEAP = "-Xmx3g";

    @Param({"1000", "10000", "100000", "1000000"})
    public int poolsAlive;

    private List<ThreadPoolExecutor> alive;

    @Setup(Level.Trial)
    public void createPoolsAlive() {
        alive = new ArrayList<>(poolsAlive);
        for (int i = 0; i < poolsAlive; i++) {
            alive.add(poolStartingNoThread());
        }
    }

    @TearDown(Level.Trial)
    public void shutDownPoolsAlive() {
        alive.forEach(ThreadPoolExecutor::shutdown);
        alive = null;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = HEAP)
    public boolean bare() {
        return createAndShutDown();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {HEAP, SubmitPathBenchmark.AGENT})
    public boolean underAgent() {
        return createAndShutDown();
    }

    private static boolean createAndShutDown() {
        ThreadPoolExecutor pool = poolStartingNoThread();
        pool.shutdown();
        return pool.isShutdown();
    }

    private static ThreadPoolExecutor poolStartingNoThread() {
        return new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }
}
