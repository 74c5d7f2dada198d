package dev.poolwatch.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

import dev.poolwatch.pool.ThreadPool;

/**
 * What a {@link ThreadPool} costs to create and close, with and without capturing the creation
 * stack that the leak warning prints, next to the JDK's fixed pool doing the same work. Sample
 * mode, so the report carries the median ({@code p0.50}).
 *
 * <p>Every variant starts four threads and runs one task on each, so thread start-up (which the
 * JDK's pool does lazily) is paid by both sides.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PoolLifecycleBenchmark {

    private static final int WORKERS = 4;

    /** Whether the pool captures its creation stack: the cost the leak warning's "Created at" adds. */
    @State(Scope.Benchmark)
    public static class Capture {
        @Param({"true", "false"})
        public boolean creationStack;
    }

    @Benchmark
    public boolean threadPoolCreateRunClose(Capture capture) throws Exception {
        ThreadPool pool = ThreadPool.builder().processes(WORKERS).captureCreationStack(capture.creationStack).build();
        runOnEachWorker(pool);
        pool.close();
        return pool.isTerminated();
    }

    @Benchmark
    public boolean jdkFixedThreadPoolCreateRunClose() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        runOnEachWorker(pool);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return pool.isTerminated();
    }

    private static void runOnEachWorker(ExecutorService pool) throws Exception {
        CountDownLatch allRunning = new CountDownLatch(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            pool.execute(() -> {
                allRunning.countDown();
                try {
                    allRunning.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        allRunning.await();
    }
}
