package dev.poolwatch.junit;

/**
 * The checks of the test plan running now, which the listener starts and the extension consults: one
 * per test plan, none while no plan runs or when checks are off.
 *
 * @param settings what the configuration parameters asked for
 * @param attribution whose leak each pool is
 * @param report what is written to {@link Settings#reportFile()} when the plan ends
 */
record Session(Settings settings, LeakAttribution attribution, TestsReport report) {

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
