package dev.poolwatch.benchmarks.report;

import java.util.List;

/**
 * How long a section of {@code BENCHMARKS.md} measures: {@code FULL} for the figures, {@code QUICK}
 * (argument {@code --quick}) for a smoke run that checks every benchmark still runs and reports,
 * whose figures mean nothing.
 */
public enum RunLength {
    FULL, QUICK;

    public static RunLength of(String[] args) {
        for (String arg : args) {
            if (!arg.equals("--quick")) {
                throw new IllegalArgumentException("unknown argument " + arg + ": the only one allowed is --quick");
            }
        }
        return List.of(args).contains("--quick") ? QUICK : FULL;
    }

    /** {@code full} in a full run, {@code quick} in a smoke run. */
    public int choose(int full, int quick) {
        return this == FULL ? full : quick;
    }
}
