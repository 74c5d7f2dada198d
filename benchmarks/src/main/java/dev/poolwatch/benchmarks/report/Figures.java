package dev.poolwatch.benchmarks.report;

import java.util.Collection;
import java.util.Locale;

/** The few statistics and number formats every section of {@code BENCHMARKS.md} uses alike. */
public final class Figures {

    private Figures() {
    }

    public static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A ratio to two decimals, {@code 0.97×}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** A figure to three significant digits, as a table shows it. */
    public static String figure(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    /** Whether a goal is met, as the tables say it: {@code met} or {@code not met}. */
    public static String verdict(boolean met) {
        return met ? "met" : "not met";
    }
}
