package dev.poolwatch.benchmarks.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import dev.poolwatch.benchmarks.report.Figures;
import dev.poolwatch.benchmarks.report.RunLength;

/**
 * Runs {@link PoolOverheadBenchmark} through JMH's Runner API, each side in its own fork, in rounds
 * that rotate the order of the sides; keeps each side's median per round (for the sampled pool
 * lifecycles, the median call; for the Cleaner, the median iteration's average).
 */
final class PoolOverhead {

    static final String CAPTURED = "ThreadPool, creation stack captured";
    static final String NOT_CAPTURED = "ThreadPool, creation stack not captured";
    static final String JDK = "JDK ThreadPoolExecutor";
    static final String CLEANER = "Cleaner register + clean";

    /** The JMH method and, for the pools, the capture setting of each side. */
    private static final Map<String, String[]> SIDES = new LinkedHashMap<>();

    static {
        SIDES.put(CAPTURED, new String[] {"threadPool", "true"});
        SIDES.put(NOT_CAPTURED, new String[] {"threadPool", "false"});
        SIDES.put(JDK, new String[] {"jdkExecutor"});
        SIDES.put(CLEANER, new String[] {"cleanerRegistration"});
    }

    private final Map<String, List<Double>> roundMedians = new LinkedHashMap<>();
    final int rounds;

    private PoolOverhead(int rounds) {
        this.rounds = rounds;
        SIDES.keySet().forEach(side -> roundMedians.put(side, new ArrayList<>()));
    }

    static PoolOverhead measure(RunLength length) throws RunnerException {
        PoolOverhead overhead = new PoolOverhead(length.choose(3, 1));
        List<String> order = new ArrayList<>(SIDES.keySet());
        for (int round = 0; round < overhead.rounds; round++) {
            for (String side : order) {
                RunResult result = new Runner(options(side, length)).runSingle();
                overhead.roundMedians.get(side).add(result.getPrimaryResult().getStatistics().getPercentile(50));
            }
            order.add(order.remove(0));
        }
        return overhead;
    }

    private static Options options(String side, RunLength length) {
        String[] benchmark = SIDES.get(side);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(PoolOverheadBenchmark.class.getName() + "." + benchmark[0]) + "$")
                .forks(1)
                .warmupIterations(length.choose(2, 0))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(length.choose(3, 1))
                .measurementTime(length == RunLength.FULL ? TimeValue.seconds(1) : TimeValue.milliseconds(100))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (benchmark.length > 1) {
            options.param("creationStack", benchmark[1]);
        }
        return options.build();
    }

    /** The median of the rounds' medians: microseconds for the pools, nanoseconds for the Cleaner. */
    double median(String side) {
        return Figures.median(roundMedians.get(side));
    }
}
