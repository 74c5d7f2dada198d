package dev.poolwatch.junit;

import java.util.List;

/**
 * What one test (or class) left open when it ended.
 *
 * @param leaked pools its own thread created while it ran, still open after the grace: its leaks
 * @param notAttributed pools other threads created while it ran, still open: perhaps its, perhaps
 *     not (a thread it started, or another test's), so never blamed on it
 */
record Verdict(List<PoolSeen> leaked, List<PoolSeen> notAttributed) {

    static final Verdict NOTHING = new Verdict(List.of(), List.of());

    boolean isEmpty() {
        return leaked.isEmpty() && notAttributed.isEmpty();
    }
}
