package dev.poolwatch.benchmarks.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.runner.options.TimeValue;

import dev.poolwatch.benchmarks.report.Figures;
import dev.poolwatch.benchmarks.report.MarkdownTable;
import dev.poolwatch.benchmarks.report.RunLength;

/**
 * The section of {@code BENCHMARKS.md} on what the agent costs a program while it runs: the submit
 * path ({@link SubmitPathBenchmark}), a pool's whole life from one thread and from eight
 * ({@link FourThreadPoolLifecycleBenchmark}), a pool's cost with many pools alive
 * ({@link PoolsAliveBenchmark}), the heap left after pools are gone ({@link HeapAfterClosedPools}) and a
 * JUnit suite with and without the listener ({@link JUnitSuiteRuns}). Every comparison is of sides
 * measured in turn in this one run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.poolwatch.benchmarks.agent.AgentCostSection [--quick]</pre>
 * (from the repository root, after {@code mvn install -DskipTests}).
 */
public final class AgentCostSection {

    static final double SUBMIT_PATH_GOAL = 0.98;
    static final double LIFECYCLE_GOAL = 0.90;
    /**
     * The most the agent's cost per pool may grow from 1,000 pools alive to a million and still be
     * flat: a registry whose cost grew even as the logarithm of its size would cost twice as much.
     */
    static final double FLAT_GROWTH = 1.5;
    /** Back to baseline: at most this much more heap in use, a few bytes a pool where a kept record is hundreds. */
    static final long HEAP_TOLERANCE_BYTES = 1024 * 1024;

    private final RunLength length;

    private AgentCostSection(RunLength length) {
        this.length = length;
    }

    public static void main(String[] args) throws Exception {
        new AgentCostSection(RunLength.of(args)).print();
    }

    private void print() throws Exception {
        System.out.println("## What the agent costs a running program");
        System.out.println();
        System.out.println("Bare JVMs and JVMs started with `-javaagent:agent/target/poolwatch-agent.jar`, their runs"
                + " in turn. The JMH benchmarks run one fork per side per round, the pair's order alternating from"
                + " round to round; a side's figure is the median over rounds of its fork's median iteration. Beside"
                + " JMH's own (wall-clock) figure, each iteration's CPU time per op is the whole JVM's: on a machine"
                + " that other work keeps busy, wall-clock time measures the share of the CPU a fork was given as"
                + " much as what an op costs, and the goals are judged in CPU time.");
        System.out.println();
        printSubmitPath();
        printLifecycle();
        printPoolsAlive();
        printHeap();
        printJUnitSuite();
    }

    private void printSubmitPath() throws Exception {
        int rounds = length.choose(4, 1);
        JmhRounds jmh = new JmhRounds(timing(1, 1000, 2, 1000), rounds);
        String[] operations = {"threadPoolExecutorExecute", "threadPoolExecutorSubmit", "forkJoinPoolExecute",
                "forkJoinPoolSubmit"};
        List<List<JmhRounds.Side>> pairs = new ArrayList<>();
        for (String operation : operations) {
            pairs.add(pair(SubmitPathBenchmark.class, operation + "Bare", operation + "UnderAgent"));
        }
        Map<String, List<JmhRounds.Score>> scores = jmh.measure(pairs);

        System.out.println("### The submit path: `execute` and `submit` of a running pool");
        System.out.println();
        System.out.printf(Locale.ROOT, "One op hands a no-op task to a pool whose one worker is busy"
                + " (`SubmitPathBenchmark`), so it times the submit path alone; every %,d ops the benchmark empties"
                + " the queue itself. Ratio: bare over under the agent in CPU time per op (the JVM's, all its"
                + " threads), and under the agent over bare in throughput (wall clock); goal ≥ %.2f, in CPU time."
                + " Rounds: %d.%n%n", SubmitPathBenchmark.BACKLOG, SUBMIT_PATH_GOAL, rounds);
        MarkdownTable table = new MarkdownTable("pool, call", "CPU, bare, ns/op", "CPU, under the agent, ns/op",
                "ratio", "rounds' ratios", "throughput, bare, ops/µs", "throughput, under the agent, ops/µs", "ratio",
                goal(SUBMIT_PATH_GOAL));
        String[] names = {"`ThreadPoolExecutor.execute`", "`ThreadPoolExecutor.submit`", "`ForkJoinPool.execute`",
                "`ForkJoinPool.submit`"};
        for (int i = 0; i < operations.length; i++) {
            Sides sides = new Sides(scores.get(operations[i] + "Bare"), scores.get(operations[i] + "UnderAgent"));
            double wallRatio = sides.agentScore() / sides.bareScore();
            table.row(names[i], Figures.figure(sides.bareCpu()), Figures.figure(sides.agentCpu()),
                    Figures.ratio(sides.cpuRatio()), sides.roundCpuRatios(), Figures.figure(sides.bareScore()),
                    Figures.figure(sides.agentScore()), Figures.ratio(wallRatio),
                    verdictWithFigure(sides.cpuRatio() >= SUBMIT_PATH_GOAL, sides.cpuRatio()));
        }
        System.out.println(table);
    }

    private void printLifecycle() throws Exception {
        int rounds = length.choose(4, 1);
        JmhRounds jmh = new JmhRounds(timing(2, 500, 3, 600), rounds);
        Map<String, List<JmhRounds.Score>> scores = jmh.measure(List.of(
                pair(FourThreadPoolLifecycleBenchmark.class, "bare", "underAgent"),
                pair(FourThreadPoolLifecycleBenchmark.class, "bareFromEightThreads", "underAgentFromEightThreads")));

        System.out.println("### A pool's life: create, start four threads, shut down, await termination");
        System.out.println();
        System.out.printf(Locale.ROOT, "One op creates a 4-thread `ThreadPoolExecutor`, runs four tasks so that its"
                + " four threads start, shuts it down and awaits its termination"
                + " (`FourThreadPoolLifecycleBenchmark`), from one thread and from eight at once. Ratio: bare over"
                + " under the agent, in CPU time per op (the JVM's, all its threads) and in wall-clock time per op;"
                + " goal ≥ %.2f, in CPU time. Rounds: %d.%n%n",
                LIFECYCLE_GOAL, rounds);
        MarkdownTable table = new MarkdownTable("threads", "CPU, bare, µs/op", "CPU, under the agent, µs/op",
                "the agent adds, µs", "ratio", "rounds' ratios", "wall clock, bare, µs/op",
                "wall clock, under the agent, µs/op", "ratio", goal(LIFECYCLE_GOAL));
        lifecycleRow(table, "1", new Sides(scores.get("bare"), scores.get("underAgent")));
        lifecycleRow(table, "8 at once",
                new Sides(scores.get("bareFromEightThreads"), scores.get("underAgentFromEightThreads")));
        System.out.println(table);
    }

    private static void lifecycleRow(MarkdownTable table, String threads, Sides sides) {
        double bareCpu = sides.bareCpu() / 1000;
        double agentCpu = sides.agentCpu() / 1000;
        table.row(threads, Figures.figure(bareCpu), Figures.figure(agentCpu), Figures.figure(agentCpu - bareCpu),
                Figures.ratio(sides.cpuRatio()), sides.roundCpuRatios(), Figures.figure(sides.bareScore()),
                Figures.figure(sides.agentScore()), Figures.ratio(sides.bareScore() / sides.agentScore()),
                verdictWithFigure(sides.cpuRatio() >= LIFECYCLE_GOAL, sides.cpuRatio()));
    }

    private void printPoolsAlive() throws Exception {
        List<String> sizes = length == RunLength.FULL ? List.of("1000", "10000", "100000", "1000000")
                : List.of("1000", "10000");
        JmhRounds jmh = new JmhRounds(timing(3, 1000, 3, 600), 1);
        List<List<JmhRounds.Side>> pairs = new ArrayList<>();
        for (String size : sizes) {
            Map<String, String> params = Map.of("poolsAlive", size);
            pairs.add(List.of(new JmhRounds.Side(PoolsAliveBenchmark.class, "bare", params),
                    new JmhRounds.Side(PoolsAliveBenchmark.class, "underAgent", params)));
        }
        Map<String, List<JmhRounds.Score>> scores = jmh.measure(pairs);

        System.out.println("### A pool's creation and shutdown with many pools alive");
        System.out.println();
        System.out.printf(Locale.ROOT, "Before each fork, `PoolsAliveBenchmark` creates the pools alive (pools that"
                + " start no thread, never shut down: the agent's registry holds a record of each); one op then"
                + " creates a pool that starts no thread and shuts it down. One fork per side and size, `-Xmx3g`."
                + " Goal: flat, the CPU time per op under the agent (the JVM's, all its threads, the garbage"
                + " collector's"
                + " included) with the most pools alive at most %.1f× the time with the fewest.%n%n", FLAT_GROWTH);
        MarkdownTable table = new MarkdownTable("pools alive", "CPU, bare, µs/op", "CPU, under the agent, µs/op",
                "under the agent, against " + thousands(sizes.get(0)), "wall clock, bare, µs/op",
                "wall clock, under the agent, µs/op");
        double smallest = 0;
        double largest = 0;
        for (String size : sizes) {
            Map<String, String> params = Map.of("poolsAlive", size);
            JmhRounds.Score bare =
                    scores.get(new JmhRounds.Side(PoolsAliveBenchmark.class, "bare", params).key()).get(0);
            JmhRounds.Score agent =
                    scores.get(new JmhRounds.Side(PoolsAliveBenchmark.class, "underAgent", params).key()).get(0);
            largest = agent.cpuNanosPerOp();
            if (smallest == 0) {
                smallest = largest;
            }
            table.row(thousands(size), Figures.figure(bare.cpuNanosPerOp() / 1000),
                    Figures.figure(agent.cpuNanosPerOp() / 1000), Figures.ratio(largest / smallest),
                    Figures.figure(bare.score()), Figures.figure(agent.score()));
        }
        System.out.println(table);
        double growth = largest / smallest;
        System.out.printf(Locale.ROOT, "Flat (%s pools alive against %s, at most %.1f×): **%s**, %s.%n%n",
                thousands(sizes.get(sizes.size() - 1)), thousands(sizes.get(0)), FLAT_GROWTH,
                Figures.verdict(growth <= FLAT_GROWTH), Figures.ratio(growth));
    }

    /** A pair's scores round by round, bare and under the agent, and their medians and ratios. */
    private record Sides(List<JmhRounds.Score> bare, List<JmhRounds.Score> agent) {

        double bareCpu() {
            return Figures.median(bare.stream().map(JmhRounds.Score::cpuNanosPerOp).toList());
        }

        double agentCpu() {
            return Figures.median(agent.stream().map(JmhRounds.Score::cpuNanosPerOp).toList());
        }

        double bareScore() {
            return Figures.median(bare.stream().map(JmhRounds.Score::score).toList());
        }

        double agentScore() {
            return Figures.median(agent.stream().map(JmhRounds.Score::score).toList());
        }

        /** Bare CPU time over the agent's: below 1 when the agent costs something. */
        double cpuRatio() {
            return bareCpu() / agentCpu();
        }

        /** The lowest and highest of the rounds' CPU ratios. */
        String roundCpuRatios() {
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            for (int round = 0; round < bare.size(); round++) {
                double ratio = bare.get(round).cpuNanosPerOp() / agent.get(round).cpuNanosPerOp();
                lowest = Math.min(lowest, ratio);
                highest = Math.max(highest, ratio);
            }
            return Figures.ratio(lowest) + " to " + Figures.ratio(highest);
        }
    }

    private void printHeap() throws Exception {
        int pools = length.choose(100_000, 10_000);
        System.err.println("benchmarks: the heap after " + pools + " pools");
        HeapAfterClosedPools.Result result = HeapAfterClosedPools.measure(pools, length.choose(3, 1));

        System.out.printf(Locale.ROOT, "### The heap after %,d pools created and shut down%n%n", pools);
        System.out.printf(Locale.ROOT, "`ClosedPoolsHeap` in a new JVM creates and shuts down %,d pools that start no"
                + " thread, then reads the heap in use after full collections (until two readings in a row differ by"
                + " less than 16 KiB: the agent drops a collected pool's record on a cleaner thread), then creates and"
                + " shuts down %,d more and reads it again. Runs per side: %d, medians. Back to baseline: at most"
                + " %d KiB more (%.0f bytes a pool; a record the agent kept would be hundreds).%n%n",
                ClosedPoolsHeap.WARM_UP_POOLS, pools, result.runs(), HEAP_TOLERANCE_BYTES / 1024,
                (double) HEAP_TOLERANCE_BYTES / pools);
        MarkdownTable table = new MarkdownTable("side", "heap in use before, KiB", "more after, KiB", "per pool, bytes",
                "back to baseline");
        heapRow(table, "bare", result.bare(), pools);
        heapRow(table, "under the agent", result.underAgent(), pools);
        System.out.println(table);
    }

    private static void heapRow(MarkdownTable table, String side, HeapAfterClosedPools.Side heap, int pools) {
        double growth = heap.medianGrowth();
        table.row(side, Figures.figure(heap.medianBaseline() / 1024), Figures.figure(growth / 1024),
                Figures.figure(growth / pools), Figures.verdict(growth <= HEAP_TOLERANCE_BYTES));
    }

    private void printJUnitSuite() throws Exception {
        int runs = length.choose(10, 1);
        System.err.println("benchmarks: the JUnit suite, " + runs + " runs per side");
        Map<JUnitSuiteRuns.Side, List<Double>> millis = JUnitSuiteRuns.measure(runs, length.choose(1, 0));

        System.out.printf(Locale.ROOT, "### A JUnit suite of %,d trivial tests%n%n", TrivialTestSuite.tests());
        System.out.printf(Locale.ROOT, "%d generated classes of %d `@Test` methods, each one assertion, run by the"
                + " JUnit Platform %s console launcher in a new JVM per run, timed from start to exit; the sides in"
                + " turn, %d runs each, medians. The listener's side has `poolwatch-junit`, `byte-buddy-agent` and the"
                + " agent jar on the class path, as its Maven dependency brings them; under the agent, the listener"
                + " attaches none."
                + " Ratio: the time without the listener over the time with it. No goal was set.%n%n",
                TrivialTestSuite.CLASSES,
                TrivialTestSuite.TESTS_PER_CLASS, JUnitSuiteRuns.platformVersion(), runs);
        MarkdownTable table = new MarkdownTable("side", "median, ms", "ratio", "the listener adds per test, µs");
        double agentAlone = Figures.median(millis.get(JUnitSuiteRuns.Side.AGENT));
        double withListener = Figures.median(millis.get(JUnitSuiteRuns.Side.AGENT_AND_LISTENER));
        table.row(JUnitSuiteRuns.Side.AGENT.description, Figures.figure(agentAlone), Figures.ratio(1), "");
        table.row(JUnitSuiteRuns.Side.AGENT_AND_LISTENER.description, Figures.figure(withListener),
                Figures.ratio(agentAlone / withListener),
                Figures.figure((withListener - agentAlone) * 1000 / TrivialTestSuite.tests()));
        System.out.println(table);
    }

    private static List<JmhRounds.Side> pair(Class<?> benchmark, String bare, String underAgent) {
        return List.of(new JmhRounds.Side(benchmark, bare, Map.of()),
                new JmhRounds.Side(benchmark, underAgent, Map.of()));
    }

    private JmhRounds.Timing timing(int warmupIterations, int warmupMillis, int measurementIterations,
            int measurementMillis) {
        return length == RunLength.FULL
                ? new JmhRounds.Timing(warmupIterations, TimeValue.milliseconds(warmupMillis), measurementIterations,
                        TimeValue.milliseconds(measurementMillis))
                : new JmhRounds.Timing(0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100));
    }

    private static String goal(double ratio) {
        return String.format(Locale.ROOT, "goal ≥ %.2f", ratio);
    }

    private static String verdictWithFigure(boolean met, double ratio) {
        return Figures.verdict(met) + " (" + Figures.ratio(ratio) + ")";
    }

    private static String thousands(String number) {
        return String.format(Locale.ROOT, "%,d", Long.parseLong(number));
    }
}
