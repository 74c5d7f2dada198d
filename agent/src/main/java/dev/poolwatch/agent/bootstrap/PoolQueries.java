package dev.poolwatch.agent.bootstrap;

import java.util.List;

/**
 * What code in the program's own class loaders (a test runner's listener, say) may ask the agent
 * while the program runs: which pools are open now, and who created them when.
 *
 * <p>This class is defined in the bootstrap class loader when the agent starts, so every class
 * loader that delegates to its parent sees this one copy and may call it directly, with no
 * reflection. A caller must first check that the agent defined it, with
 * {@code Class.forName("dev.poolwatch.agent.bootstrap.PoolQueries", false, null)}: a copy loaded
 * from a jar on the class path would be a different class, whose registry is never installed.
 *
 * <p>The answers are snapshots, safe to call from any thread at any time; none throws, and none
 * holds a pool: the records returned keep no pool reachable.
 */
public final class PoolQueries {

    private PoolQueries() {
    }

    /** Whether the agent records pools in this JVM (it does not in a build tool's own JVM, for one). */
    public static boolean watching() {
        return PoolEvents.registry() != null;
    }

    /**
     * The number of the last pool recorded, 0 before the first or while not {@link #watching()}.
     * Every pool recorded after this call gets a larger {@link PoolRecord#number()}: take it when
     * something starts, and {@link #openPoolsAfter} gives the pools created since.
     */
    public static long lastPoolNumber() {
        PoolRegistry registry = PoolEvents.registry();
        return registry == null ? 0 : registry.lastPoolNumber();
    }

    /**
     * The records of the pools recorded after pool number {@code afterNumber} that are still open:
     * never shut down, and not collected. Pools the JDK creates for itself are never recorded; pools
     * whose creation site has no frame of the program's (a test runner's) are, with an
     * {@linkplain Site#isEmpty() empty} site. Empty while not {@link #watching()}.
     */
    public static List<PoolRecord> openPoolsAfter(long afterNumber) {
        PoolRegistry registry = PoolEvents.registry();
        if (registry == null) {
            return List.of();
        }
        try {
            return registry.openPoolsAfter(afterNumber);
        } catch (Throwable error) {
            InternalErrors.record(error);
            return List.of();
        }
    }

    /**
     * Whether the agent's {@code includes} and {@code excludes} options let the pool of {@code record}
     * be reported, by the first application frame of its creation site; every pool with a site of the
     * program's, when none are given. A pool a library holds for the life of the process is not, unless
     * the agent counts those as leaks ({@code lifetimePools=leaks}): no test leaked it.
     */
    public static boolean reported(PoolRecord record) {
        PoolRegistry registry = PoolEvents.registry();
        try {
            return registry != null && registry.reports(record);
        } catch (Throwable error) {
            InternalErrors.record(error);
            return true;
        }
    }

    /** A new scope's number, unique in this JVM and never 0; see {@link #enterScope}. */
    public static long newScope() {
        return Scopes.newId();
    }

    /**
     * Puts the current thread in scope {@code scope} (from {@link #newScope()}), e.g. while it runs a
     * test: every pool it creates records the scope ({@link PoolRecord#scope()}), and so does every pool
     * created by a thread it constructs from now on, or by the threads those construct. Returns what
     * the thread had before, to give back to {@link #leaveScope} on the same thread.
     */
    public static Object enterScope(long scope) {
        return Scopes.enter(scope);
    }

    /** Gives the current thread back the scope {@link #enterScope} returned; anything else is ignored. */
    public static void leaveScope(Object previous) {
        if (previous == null || previous instanceof Scope) {
            Scopes.leave((Scope) previous);
        }
    }
}
