package dev.poolwatch.benchmarks.agent;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import com.sun.management.OperatingSystemMXBean;

/**
 * The CPU time the whole forked JVM spent per op in each iteration: the benchmark's threads, the pool's
 * workers, the garbage collector, the agent's cleaner thread. On a machine that other work keeps busy,
 * wall-clock time measures how much of the CPU the fork was given as much as what the op costs; the
 * CPU time it used does not depend on that share. As JMH's {@code -prof gc} does for bytes, the time
 * of an iteration is divided by every op the iteration ran.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The name of the secondary result JMH reports. */
    static final String RESULT = "cpu.time.norm";

    private final OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private long cpuNanosAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM per op";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuNanosAtStart = system.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpuNanos = system.getProcessCpuTime() - cpuNanosAtStart;
        long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult(RESULT, (double) cpuNanos / ops, "ns/op", AggregationPolicy.AVG));
    }
}
