package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry fed by hand: pools are "created" and "shut down" by the test, on the thread it names. */
final class FakePools implements PoolSource {

    private final List<PoolSeen> open = new ArrayList<>();
    private final Map<Long, Integer> queriesUntilShutdown = new ConcurrentHashMap<>();
    private long lastNumber;

    @SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19; getId() is the same number
    synchronized PoolSeen create(String site) {
        return create(site, Thread.currentThread().getId());
    }

    synchronized PoolSeen create(String site, long threadId) {
        PoolSeen pool = new PoolSeen(++lastNumber, "java.util.concurrent.ThreadPoolExecutor",
                site.isEmpty() ? List.of() : List.of(site), threadId, "main");
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
