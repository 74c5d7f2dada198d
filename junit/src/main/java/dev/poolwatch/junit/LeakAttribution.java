package dev.poolwatch.junit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Tells whose leak each open pool is. The rule: a pool created on the thread that runs a test (or a
 * class's {@code @BeforeAll}/{@code @AfterAll}) while it runs, and still open once it has ended and
 * the grace has passed, is that test's (or class's) leak. A class is blamed only for what none of
 * its tests was. Pools other threads created meanwhile are named under the test, never blamed on it;
 * pools a static initializer created, or created while no test ran, are left for
 * {@link #outsideTests()}. Each pool is blamed or named once.
 *
 * <p>Threads are told by id, not by name: names repeat, ids are unique among live threads.
 */
final class LeakAttribution {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** A test or class running: the thread running it, and the last pool number when it started. */
    private record Window(long threadId, long afterNumber) {
    }

    private final PoolSource pools;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> running = new ConcurrentHashMap<>();
    private final Map<String, Verdict> judged = new ConcurrentHashMap<>();
    private final Set<Long> accountedFor = ConcurrentHashMap.newKeySet();

    LeakAttribution(PoolSource pools, long graceMillis, LongSupplier nanoTime) {
        this.pools = pools;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.nanoTime = nanoTime;
    }

    /** The test or class of {@code uniqueId} starts, on the current thread. */
    void started(String uniqueId) {
        running.put(uniqueId, new Window(currentThreadId(), pools.lastPoolNumber()));
    }

    /**
     * What the running test or class of {@code uniqueId} has left open by now; judged once, so the
     * extension that fails the test and the listener that prints it see the same verdict.
     */
    Verdict judge(String uniqueId) {
        Window window = running.get(uniqueId);
        if (window == null) {
            return Verdict.NOTHING;
        }
        Verdict verdict = judged.get(uniqueId);
        if (verdict == null) {
            verdict = judge(window); // outside the map's locks: it may wait out the grace
            judged.put(uniqueId, verdict);
        }
        return verdict;
    }

    /** The test or class of {@code uniqueId} has ended: its verdict, then forgotten. */
    Verdict finished(String uniqueId) {
        Verdict verdict = judge(uniqueId);
        running.remove(uniqueId);
        judged.remove(uniqueId);
        return verdict;
    }

    /** The pools still open that no test was blamed for or named with, the test runner's left out. */
    List<PoolSeen> outsideTests() {
        List<PoolSeen> outside = new ArrayList<>();
        for (PoolSeen pool : pools.openPoolsAfter(0)) {
            if (pool.createdByTheProgram() && !accountedFor.contains(pool.number())) {
                outside.add(pool);
            }
        }
        outside.sort((a, b) -> Long.compare(a.number(), b.number()));
        return outside;
    }

    private Verdict judge(Window window) {
        long lastNumber = pools.lastPoolNumber();
        List<PoolSeen> mine = new ArrayList<>();
        List<PoolSeen> others = new ArrayList<>();
        for (PoolSeen pool : openDuring(window, lastNumber)) {
            if (pool.creatingThreadId() != window.threadId()) {
                others.add(pool);
            } else if (!pool.createdByStaticInitializer()) {
                mine.add(pool);
            }
        }
        if (!mine.isEmpty()) {
            mine = stillOpenAfterGrace(window, lastNumber, mine);
        }
        for (PoolSeen pool : mine) {
            accountedFor.add(pool.number());
        }
        for (PoolSeen pool : others) {
            accountedFor.add(pool.number());
        }
        return mine.isEmpty() && others.isEmpty() ? Verdict.NOTHING : new Verdict(mine, others);
    }

    private List<PoolSeen> openDuring(Window window, long lastNumber) {
        List<PoolSeen> open = new ArrayList<>();
        for (PoolSeen pool : pools.openPoolsAfter(window.afterNumber())) {
            if (pool.number() <= lastNumber && pool.createdByTheProgram() && !accountedFor.contains(pool.number())) {
                open.add(pool);
            }
        }
        open.sort((a, b) -> Long.compare(a.number(), b.number()));
        return open;
    }

    /** Waits up to the grace for {@code candidates} to be shut down; the ones still open. */
    private List<PoolSeen> stillOpenAfterGrace(Window window, long lastNumber, List<PoolSeen> candidates) {
        long deadline = nanoTime.getAsLong() + graceNanos;
        List<PoolSeen> open = candidates;
        while (!open.isEmpty() && nanoTime.getAsLong() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            open = stillOpen(window, lastNumber, open);
        }
        return open;
    }

    private List<PoolSeen> stillOpen(Window window, long lastNumber, List<PoolSeen> candidates) {
        Set<Long> openNumbers = new HashSet<>();
        for (PoolSeen pool : openDuring(window, lastNumber)) {
            openNumbers.add(pool.number());
        }
        List<PoolSeen> open = new ArrayList<>();
        for (PoolSeen candidate : candidates) {
            if (openNumbers.contains(candidate.number())) {
                open.add(candidate);
            }
        }
        return open;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19; getId() is the same number
    private static long currentThreadId() {
        return Thread.currentThread().getId();
    }
}
