package dev.poolwatch.agent.report;

import java.util.List;

/**
 * Everything the agent found, independent of how it is printed.
 *
 * @param version the agent's version
 * @param javaVersion the JVM's version
 * @param poolsCreated pools seen, each counted once
 * @param leaks leaked pools grouped by kind, type and creation site, most serious first
 * @param submits tasks submitted after shutdown, grouped by submit site
 * @param heldPools open pools that libraries hold for the life of the process, not leaks, grouped by
 *     type and creation site
 * @param internalErrors the agent's own errors, swallowed so the program was never affected
 * @param firstInternalError what the first of them said of itself, or {@code null}
 * @param droppedSites distinct sites not kept because the registry's limit per aggregate was reached
 * @param records pool records still held at exit (live pools)
 * @param filteredOut what {@code includes}/{@code excludes} left out of {@code leaks} and {@code submits}
 */
public record Report(String version, String javaVersion, long poolsCreated, List<Leak> leaks,
        List<SubmitLeak> submits, List<HeldPool> heldPools, long internalErrors, String firstInternalError, long droppedSites, int records,
        FilteredOut filteredOut) {

    /**
     * Findings of the program's own that {@code includes}/{@code excludes} left out.
     *
     * @param pools leaked pools left out
     * @param tasks tasks submitted after shutdown left out
     * @param firstClass the first application class of one of them, to tell a typo in a pattern; {@code null} if none
     */
    public record FilteredOut(int pools, int tasks, String firstClass) {

        public static final FilteredOut NOTHING = new FilteredOut(0, 0, null);

        public boolean any() {
            return pools > 0 || tasks > 0;
        }
    }

    /** The number of leaked pools. */
    public int leakedPools() {
        int pools = 0;
        for (Leak leak : leaks) {
            pools += leak.count();
        }
        return pools;
    }

    /** The number of tasks submitted after shutdown. */
    public int submittedAfterShutdown() {
        int tasks = 0;
        for (SubmitLeak submit : submits) {
            tasks += submit.count();
        }
        return tasks;
    }

    /** The number of pools libraries hold for the life of the process, listed apart. */
    public int poolsHeldByLibraries() {
        int pools = 0;
        for (HeldPool held : heldPools) {
            pools += held.count();
        }
        return pools;
    }

    /** Whether anything was found that {@code failOnLeak} fails the run for: pools held by libraries are not. */
    public boolean hasFindings() {
        return !leaks.isEmpty() || !submits.isEmpty();
    }
}
