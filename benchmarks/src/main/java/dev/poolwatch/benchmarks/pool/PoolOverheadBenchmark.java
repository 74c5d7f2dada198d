package dev.poolwatch.benchmarks.pool;

import java.lang.ref.Cleaner;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.poolwatch.pool.ThreadPool;

/**
 * What a {@link ThreadPool}'s leak safety net costs each pool: the pool created with one worker and
 * closed, with and without capturing its creation stack, next to a JDK {@code ThreadPoolExecutor}
 * that starts its one thread and shuts down; and, alone, what the pool does with the JDK's
 * {@link Cleaner} once in its life (register at creation, {@code clean()} at termination). The
 * pools are made {@value #CALLER_FRAMES} frames below JMH's own, about as deep as a web framework or
 * a test runner calls application code, since capturing costs by the frame.
 *
 * <p>Run by {@link PoolOverhead} for {@code BENCHMARKS.md}, or alone:
 * {@code java -jar benchmarks/target/benchmarks.jar PoolOverheadBenchmark}.
 */
public class PoolOverheadBenchmark {

    static final int CALLER_FRAMES = 50;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final Runnable NOTHING_TO_CLEAN = () -> { };

    /** Whether the pool captures its creation stack, which the leak warning prints as "Created at". */
    @State(Scope.Benchmark)
    public static class Capture {
        @Param({"true", "false"})
        public boolean creationStack;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean threadPool(Capture capture) throws Exception {
        return below(CALLER_FRAMES, () -> {
            ThreadPool pool = ThreadPool.builder().processes(1).captureCreationStack(capture.creationStack).build();
            pool.close();
            return pool.isTerminated();
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean jdkExecutor() throws Exception {
        return below(CALLER_FRAMES, () -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            pool.prestartCoreThread(); // a ThreadPool starts its workers when it is made
            pool.shutdown();
            return pool.awaitTermination(1, TimeUnit.MINUTES);
        });
    }

    /** Too short for one clock reading a call: the average over each iteration's calls. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Cleaner.Cleanable cleanerRegistration() {
        Cleaner.Cleanable registration = CLEANER.register(new Object(), NOTHING_TO_CLEAN);
        registration.clean();
        return registration;
    }

    private static boolean below(int frames, Callable<Boolean> action) throws Exception {
        return frames == 0 ? action.call() : below(frames - 1, action);
    }
}
