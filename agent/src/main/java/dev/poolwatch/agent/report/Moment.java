package dev.poolwatch.agent.report;

/**
 * When a report is read: as the JVM exits, where a pool still open has leaked, or while the program
 * runs (an attach, the MBean), where it is only open, and may yet be shut down.
 */
public enum Moment {
    AT_EXIT("at exit", "leaked", "none leaked"),
    NOW("now", "open, never shut down", "none open");

    private final String when;
    private final String openPoolsAre;
    private final String noneOpen;

    Moment(String when, String openPoolsAre, String noneOpen) {
        this.when = when;
        this.openPoolsAre = openPoolsAre;
        this.noneOpen = noneOpen;
    }

    /** What a report with no pool open says of them. */
    String noneOpen() {
        return noneOpen;
    }

    /** {@code at exit}, or {@code now}. */
    String when() {
        return when;
    }

    /** What the pools counted in {@link Report#leakedPools()} are at this moment. */
    String openPoolsAre() {
        return openPoolsAre;
    }

    /** A leak kind's meaning, said of this moment. */
    String meaningOf(LeakKind kind) {
        return kind.meaning().replace("at exit", when);
    }
}
