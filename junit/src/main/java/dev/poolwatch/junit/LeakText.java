package dev.poolwatch.junit;

import java.nio.file.Path;
import java.util.List;

/** How leaks read: on the console, and in the assertion that fails a test. Every line starts {@code poolwatch:} or is indented under one that does. */
final class LeakText {

    private static final int FRAMES_SHOWN = 5;

    private LeakText() {
    }

    /** The console lines for what {@code test} left open, or an empty string if nothing. */
    static String console(String test, Verdict verdict, Mode mode, Path baselineFile) {
        StringBuilder text = new StringBuilder();
        if (!verdict.leaked().isEmpty()) {
            text.append("poolwatch: ").append(test).append(" leaked ").append(pools(verdict.leaked().size()))
                    .append(mode == Mode.FAIL ? " (the test fails)" : "").append(":\n");
            appendPools(text, verdict.leaked());
        }
        if (!verdict.known().isEmpty()) {
            text.append("poolwatch: ").append(test).append(" leaked ").append(pools(verdict.known().size()))
                    .append(" known in the baseline ").append(baselineFile).append(" (never failed for):\n");
            appendPools(text, verdict.known());
        }
        if (!verdict.notAttributed().isEmpty()) {
            int count = verdict.notAttributed().size();
            text.append("poolwatch: while ").append(test).append(" ran, ").append(pools(count))
                    .append(count == 1 ? " was" : " were")
                    .append(" created and left open that poolwatch cannot attribute with certainty (by a thread of no"
                            + " test's, of a test that has ended, or a pool's worker that parallel tests share);"
                            + " not blamed on it:\n");
            appendPools(text, verdict.notAttributed());
        }
        return text.toString();
    }

    /** The console lines for the pools still open that no test was blamed for, or an empty string. */
    static String outsideTests(List<PoolSeen> open, List<PoolSeen> known) {
        if (open.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("poolwatch: ").append(pools(open.size()))
                .append(" created outside every test (a static initializer, the suite's set-up) still open;"
                        + " not blamed on a test")
                .append(known.isEmpty() ? "" : known.size() == open.size() ? ", all known in the baseline"
                        : ", " + known.size() + " of them known in the baseline")
                .append(":\n");
        appendPools(text, open);
        return text.toString();
    }

    /** The lines that list the baseline's leaks that did not happen, or an empty string if none. */
    static String noLongerHappening(List<KnownLeak> fixed, Path baselineFile) {
        if (fixed.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("poolwatch: ").append(count(fixed.size(), "known leak"))
                .append(" in the baseline ").append(baselineFile).append(fixed.size() == 1 ? " no longer happens" : " no longer happen")
                .append(" (fixed?); a run with ").append(Settings.UPDATE_BASELINE).append("=true takes ")
                .append(fixed.size() == 1 ? "it" : "them").append(" out:\n");
        for (KnownLeak leak : fixed) {
            text.append("  ").append(leak.testName()).append(": ").append(leak.poolType() == null ? "a pool" : leak.poolType()).append(" created at ")
                    .append(leak.creatingMethod()).append('\n');
        }
        return text.toString();
    }

    /** The message of the assertion that fails {@code test}: it names each pool, its type and where it was created. */
    static String assertionMessage(String test, List<PoolSeen> leaked) {
        StringBuilder text = new StringBuilder("poolwatch: ").append(test).append(" leaked ")
                .append(pools(leaked.size())).append(":\n");
        appendPools(text, leaked);
        return text.toString();
    }

    private static void appendPools(StringBuilder text, List<PoolSeen> pools) {
        for (PoolSeen pool : pools) {
            text.append("  ").append(pool.poolType()).append(" never shut down, created by thread \"")
                    .append(pool.creatingThread()).append("\" at:\n");
            List<String> site = pool.creationSite();
            for (int i = 0; i < Math.min(FRAMES_SHOWN, site.size()); i++) {
                text.append("      at ").append(site.get(i)).append('\n');
            }
        }
    }

    private static String pools(int count) {
        return count(count, "pool");
    }

    /** {@code "1 pool"}, {@code "2 pools"}. */
    static String count(int count, String noun) {
        return count == 1 ? "1 " + noun : count + " " + noun + "s";
    }
}
