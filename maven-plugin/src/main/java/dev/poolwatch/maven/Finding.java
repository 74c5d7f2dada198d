package dev.poolwatch.maven;

import java.util.ArrayList;
import java.util.List;

import dev.poolwatch.agent.report.LeakKind;
import dev.poolwatch.junit.KnownLeak;

/**
 * One thing the test JVMs' reports found: pools of one type left open (or closed only by the garbage
 * collector) at one creation site, or tasks handed to pools after they were shut down at one submit
 * site; with the tests that the JUnit listener blamed for it, if any.
 *
 * @param kind the agent's {@link LeakKind}, or {@link #OPEN_AT_TEST_END} for a pool only the listener saw
 *     open (shut down after its test ended, but before the JVM exited)
 * @param poolType the pool's class
 * @param count how many pools (or tasks), over every test JVM
 * @param site where the pools were created (where the tasks were submitted), first application frame first
 * @param creatingThread the thread that created them, or {@code null} if not known
 * @param threads the pools' worker threads at exit
 * @param tests the tests the listener blamed; empty for a pool created outside every test, or where no
 *     listener ran
 * @param poolKind the library kind of the pool ({@code netty}), or {@code null} for the JDK's pools
 * @param agentFix what the agent's report says to do, or {@code null} where it says nothing
 */
record Finding(String kind, String poolType, int count, List<String> site, String creatingThread, List<String> threads,
        List<TestRef> tests, String poolKind, String agentFix) {

    static final String OPEN_AT_TEST_END = "OPEN_AT_TEST_END";

    Finding {
        site = List.copyOf(site);
        threads = List.copyOf(threads);
        tests = List.copyOf(tests);
    }

    boolean isSubmit() {
        return LeakKind.SUBMIT_AFTER_SHUTDOWN.name().equals(kind);
    }

    /** What the kind means, in words. */
    String meaning() {
        if (OPEN_AT_TEST_END.equals(kind)) {
            return "left open by its test (shut down only after the test ended)";
        }
        return leakKind() == null ? kind : leakKind().meaning();
    }

    /** What to do about it: the agent's words, which name a library pool's own close method, where it has some. */
    String fix() {
        if (agentFix != null) {
            return agentFix;
        }
        if (OPEN_AT_TEST_END.equals(kind)) {
            return LeakKind.OPEN_IDLE.fix() + ", in the test that created it";
        }
        return leakKind() == null ? "" : leakKind().fix();
    }

    private LeakKind leakKind() {
        for (LeakKind known : LeakKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        return null;
    }

    /** The first frame of the site, or a placeholder where the site is empty. */
    String firstFrame() {
        return site.isEmpty() ? "(no frame of the program's)" : site.get(0);
    }

    /** This finding as the baseline knows leaks: one per test, or one outside every test. */
    List<KnownLeak> asKnownLeaks() {
        String method = KnownLeak.creatingMethod(site);
        List<KnownLeak> known = new ArrayList<>();
        if (tests.isEmpty()) {
            known.add(new KnownLeak(null, null, method, poolType));
        }
        for (TestRef test : tests) {
            known.add(new KnownLeak(test.className(), test.methodName(), method, poolType));
        }
        return known;
    }
}
