package dev.poolwatch.benchmarks;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to a pool's creation and shutdown, where it captures both sites: a
 * {@code ThreadPoolExecutor} that starts no thread, created and shut down at the bottom of a stack
 * {@code callerFrames} deep (a framework's or a test runner's stack is tens of frames). Sample mode,
 * so the report carries the median ({@code p0.50}).
 *
 * <p>Run it bare and under the agent, and compare:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PoolCreationBenchmark
 * java -jar benchmarks/target/benchmarks.jar PoolCreationBenchmark -jvmArgsAppend -javaagent:agent/target/poolwatch-agent.jar=quiet=true
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PoolCreationBenchmark {

    @Param({"10", "100"})
    public int callerFrames;

    @Benchmark
    public boolean createAndShutDown() {
        return createAndShutDownBelow(callerFrames);
    }

    private static boolean createAndShutDownBelow(int frames) {
        if (frames > 0) {
            return createAndShutDownBelow(frames - 1);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pool.shutdown();
        return pool.isShutdown();
    }
}
