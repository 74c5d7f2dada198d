package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry fed by hand: pools are "created" and "shut down" by the test, in the current thread's scope
 * (which threads inherit, as the agent's do) or in the scope it names.
 */
final class FakePools implements PoolSource {

    private static final InheritableThreadLocal<Long> SCOPE = new InheritableThreadLocal<>();

    private final List<PoolSeen> open = new ArrayList<>();
    private final Map<Long, Integer> queriesUntilShutdown = new ConcurrentHashMap<>();
    private long lastNumber;
    private long lastScope;

    PoolSeen create(String site) {
        Long scope = SCOPE.get();
        return create(site, scope == null ? 0 : scope, false);
    }

    /** A pool created on a thread of {@code scope}; {@code onPoolWorker} if a pool's worker inherited it. */
    synchronized PoolSeen create(String site, long scope, boolean onPoolWorker) {
        PoolSeen pool = new PoolSeen(++lastNumber, "java.util.concurrent.ThreadPoolExecutor",
                site.isEmpty() ? List.of() : List.of(site), "main", scope, onPoolWorker, null);
        open.add(pool);
        return pool;
    }

    synchronized void shutDown(PoolSeen pool) {
        open.remove(pool);
    }

    /** The pool is shut down once it has been asked for {@code queries} more times: late, by someone else. */
    void shutDownAfterQueries(PoolSeen pool, int queries) {
        queriesUntilShutdown.put(pool.number(), queries);
    }

    /** The current thread's scope, 0 for none. */
    static long currentScope() {
        Long scope = SCOPE.get();
        return scope == null ? 0 : scope;
    }

    @Override
    public synchronized long newScope() {
        return ++lastScope;
    }

    @Override
    public Object enterScope(long scope) {
        Long previous = SCOPE.get();
        SCOPE.set(scope);
        return previous;
    }

    @Override
    public void leaveScope(Object previous) {
        SCOPE.set((Long) previous);
    }

    @Override
    public synchronized long lastPoolNumber() {
        return lastNumber;
    }

    @Override
    public synchronized List<PoolSeen> openPoolsAfter(long afterNumber) {
        List<PoolSeen> result = new ArrayList<>();
        for (PoolSeen pool : new ArrayList<>(open)) {
            Integer left = queriesUntilShutdown.computeIfPresent(pool.number(), (number, queries) -> queries - 1);
            if (left != null && left <= 0) {
                open.remove(pool);
            } else if (pool.number() > afterNumber) {
                result.add(pool);
            }
        }
        return result;
    }
}
