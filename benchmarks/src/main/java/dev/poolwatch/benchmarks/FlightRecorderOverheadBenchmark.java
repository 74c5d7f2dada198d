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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pool's creation and shutdown (a {@code ThreadPoolExecutor} that starts no thread) in three JVMs of
 * one run: bare, under the agent, and under the agent while a Flight Recorder recording runs. The
 * agent sends every pool it records to its Flight Recorder events, which must cost nothing while no
 * recording runs: the agent's figure against bare is what the agent costs, its events included.
 *
 * <p>Run it from the repository root, where the forks find the agent jar:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FlightRecorderOverheadBenchmark
 * </pre>
 * Another build of the agent, for the same figure before a change, in a run of its own:
 * {@code ... FlightRecorderOverheadBenchmark.underAgent -jvmArgsAppend -javaagent:/tmp/other-agent.jar=quiet=true}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FlightRecorderOverheadBenchmark {

    private static final String AGENT = "-javaagent:agent/target/poolwatch-agent.jar=quiet=true";

    @Benchmark
    @Fork(2)
    public boolean bare() {
        return createAndShutDown();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = AGENT)
    public boolean underAgent() {
        return createAndShutDown();
    }

    /** The events committed: a recording in memory, with the JDK's default settings. */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {AGENT, "-XX:StartFlightRecording:settings=default"})
    public boolean underAgentWhileRecording() {
        return createAndShutDown();
    }

    private static boolean createAndShutDown() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pool.shutdown();
        return pool.isShutdown();
    }
}
