package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks of the test plan running now, which the listener starts and the extension consults: one
 * per test plan, none while no plan runs or when checks are off.
 *
 * @param settings what the configuration parameters asked for
 * @param attribution whose leak each pool is
 * @param baseline the leaks known before the run, which fail no test
 * @param report what is written to {@link Settings#reportFile()} when the plan ends
 * @param testsRan each test and class that ended, as {@link KnownLeak#test}
 * @param happened each leak of the run, blamed on a test or outside every test, for the baseline
 */
record Session(Settings settings, LeakAttribution attribution, Baseline baseline, TestsReport report,
        Set<List<String>> testsRan, List<KnownLeak> happened) {

    Session(Settings settings, LeakAttribution attribution, Baseline baseline) {
        this(settings, attribution, baseline, new TestsReport(), ConcurrentHashMap.newKeySet(),
                Collections.synchronizedList(new ArrayList<>()));
    }

    private static volatile Session current;

    static Session current() {
        return current;
    }

    static synchronized void begin(Session session) {
        current = session;
    }

    /** Ends {@code session}, if it is still the current one: a listener ends only the checks it began. */
    static synchronized void end(Session session) {
        if (current == session) {
            current = null;
        }
    }
}
