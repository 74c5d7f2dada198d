package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * What one test (or class) left open when it ended.
 *
 * @param leaked pools created in its scope (by its thread, or a thread started from it) while it ran,
 *     still open after the grace: its leaks, new ones only once checked {@link #against} a baseline
 * @param known its leaks that the {@link Baseline} knows: printed, never failed for
 * @param notAttributed pools created while it ran, still open, that may or may not be its (see
 *     {@link LeakAttribution}), so never blamed on it
 */
record Verdict(List<PoolSeen> leaked, List<PoolSeen> known, List<PoolSeen> notAttributed) {

    static final Verdict NOTHING = new Verdict(List.of(), List.of(), List.of());

    Verdict(List<PoolSeen> leaked, List<PoolSeen> notAttributed) {
        this(leaked, List.of(), notAttributed);
    }

    boolean isEmpty() {
        return leaked.isEmpty() && known.isEmpty() && notAttributed.isEmpty();
    }

    /** This verdict of the test {@code className}.{@code methodName}, with the leaks {@code baseline} knows moved to {@link #known()}. */
    Verdict against(Baseline baseline, String className, String methodName) {
        List<PoolSeen> unknown = new ArrayList<>();
        List<PoolSeen> knownNow = new ArrayList<>(known);
        for (PoolSeen pool : leaked) {
            (baseline.knows(KnownLeak.of(className, methodName, pool)) ? knownNow : unknown).add(pool);
        }
        return knownNow.size() == known.size() ? this : new Verdict(unknown, knownNow, notAttributed);
    }
}
