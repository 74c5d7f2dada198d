package dev.poolwatch.benchmarks.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import dev.poolwatch.benchmarks.report.Figures;

/**
 * Runs JMH benchmark methods one fork at a time, round after round, each round every method once, so
 * that the two sides of a comparison (a method bare and its twin under the agent, whose forks differ
 * only in {@code -javaagent}) are measured in turn rather than one after the other. Within a round the
 * order of each pair alternates from round to round. A method's score in a round is its fork's median
 * iteration, as JMH times it and in CPU time per op ({@link ProcessCpuProfiler}): the machine's other
 * work slows some iterations down, and a median is not moved by a few.
 */
final class JmhRounds {

    /** How long each fork warms up and measures. */
    record Timing(int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime) {
    }

    /** A fork's median iteration: JMH's score (in the benchmark's unit) and the JVM's CPU time per op, ns. */
    record Score(double score, double cpuNanosPerOp) {
    }

    /** One benchmark method, with values for its {@code @Param}s ({@code poolsAlive=1000}), or none. */
    record Side(Class<?> benchmark, String method, Map<String, String> params) {

        String key() {
            return params.isEmpty() ? method : method + " " + params;
        }
    }

    private final Timing timing;
    private final int rounds;

    JmhRounds(Timing timing, int rounds) {
        this.timing = timing;
        this.rounds = rounds;
    }

    /**
     * Measures each pair's two sides in turn, {@code rounds} times.
     *
     * @return each side's scores, one per round, by {@link Side#key()}
     */
    Map<String, List<Score>> measure(List<List<Side>> pairs) throws RunnerException {
        Map<String, List<Score>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (List<Side> pair : pairs) {
                List<Side> inOrder = new ArrayList<>(pair);
                if (round % 2 == 1) {
                    Collections.reverse(inOrder);
                }
                for (Side side : inOrder) {
                    System.err.printf("benchmarks: round %d of %d, %s.%s%n", round + 1, rounds,
                            side.benchmark().getSimpleName(), side.key());
                    scores.computeIfAbsent(side.key(), key -> new ArrayList<>()).add(scoreOfOneFork(side));
                }
            }
        }
        return scores;
    }

    private Score scoreOfOneFork(Side side) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(ProcessCpuProfiler.class)
                .include("^" + Pattern.quote(side.benchmark().getName() + "." + side.method()) + "$")
                .forks(1)
                .warmupIterations(timing.warmupIterations()).warmupTime(timing.warmupTime())
                .measurementIterations(timing.measurementIterations()).measurementTime(timing.measurementTime());
        side.params().forEach(options::param);
        Runner runner =
                new Runner(options.build(), OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT));
        RunResult result = single(runner.run(), side);
        List<Double> scores = new ArrayList<>();
        List<Double> cpuNanosPerOp = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
                cpuNanosPerOp.add(iteration.getSecondaryResults().get(ProcessCpuProfiler.RESULT).getScore());
            }
        }
        return new Score(Figures.median(scores), Figures.median(cpuNanosPerOp));
    }

    private static RunResult single(Collection<RunResult> results, Side side) {
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result for " + side + ", got " + results.size());
        }
        return results.iterator().next();
    }
}
