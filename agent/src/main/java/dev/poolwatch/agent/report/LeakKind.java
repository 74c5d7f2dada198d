package dev.poolwatch.agent.report;

/** What went wrong with a pool, most serious first. */
public enum LeakKind {
    /** Never shut down, and still running or holding queued tasks at exit: work may be lost. */
    OPEN_BUSY("never shut down, and still working at exit",
            "shut it down when done (shutdown()/close(), in a finally block or try-with-resources)"
                    + " and wait for its tasks (awaitTermination) before exiting"),
    /** Tasks handed to a pool after it was shut down: each was refused or silently dropped. */
    SUBMIT_AFTER_SHUTDOWN("task submitted after the pool was shut down",
            "stop submitting before shutting the pool down, or check isShutdown() where the task is submitted"),
    /** Never shut down, idle at exit: its threads were parked for nothing. */
    OPEN_IDLE("never shut down",
            "call shutdown() or close() when done with it (a finally block or try-with-resources)"),
    /** Shut down only by the garbage collector (finalizer or Cleaner), or collected while open. */
    CLOSED_BY_GC("never shut down by the program; the garbage collector closed it",
            "call shutdown() or close() when done with it instead of leaving it to the garbage collector");

    private final String meaning;
    private final String fix;

    LeakKind(String meaning, String fix) {
        this.meaning = meaning;
        this.fix = fix;
    }

    public String meaning() {
        return meaning;
    }

    public String fix() {
        return fix;
    }
}
