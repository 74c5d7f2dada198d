package dev.poolwatch.benchmarks;

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
 * What keeping a pool's creation stack as decoded frames costs, against keeping the throwable and
 * decoding only for a warning, and against a {@link StackWalker}: each captured under a stack of
 * {@code depth} frames of our own (a pool created by an application adds a few more).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CreationStackBenchmark {

    private static final StackWalker WALKER = StackWalker.getInstance();

    @Param({"10", "60"})
    public int depth;

    @Benchmark
    public Object throwableKept() {
        return atDepth(depth, 0);
    }

    @Benchmark
    public Object throwableDecoded() {
        return atDepth(depth, 1);
    }

    @Benchmark
    public Object stackWalkerDecoded() {
        return atDepth(depth, 2);
    }

    private static Object atDepth(int remaining, int capture) {
        if (remaining > 0) {
            return atDepth(remaining - 1, capture);
        }
        switch (capture) {
            case 0:
                return new Throwable();
            case 1:
                return new Throwable().getStackTrace();
            default:
                return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::toStackTraceElement)
                        .toArray(StackTraceElement[]::new));
        }
    }
}
