package dev.poolwatch.junit;

import java.util.List;

/**
 * What one test (or class) left open when it ended.
 *
 * @param leaked pools created in its scope (by its thread, or a thread started from it) while it ran,
 *     still open after the grace: its leaks
 * @param notAttributed pools created while it ran, still open, that may or may not be its (see
 *     {@link LeakAttribution}), so never blamed on it
 */
record Verdict(List<PoolSeen> leaked, List<PoolSeen> notAttributed) {

    static final Verdict NOTHING = new Verdict(List.of(), List.of());

    boolean isEmpty() {
        return leaked.isEmpty() && notAttributed.isEmpty();
    }
}
