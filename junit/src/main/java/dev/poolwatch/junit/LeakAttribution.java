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
 * Tells whose leak each open pool is. A test (or class) runs in a scope of its own: the agent records
 * with each pool the scope of the thread that created it, and a thread inherits the scope of the
 * thread that constructed it. So a pool created while a test ran, by its own thread or by a thread it
 * started (transitively), and still open once the test has ended and the grace has passed, is that
 * test's leak; the same for a class's {@code @BeforeAll}/{@code @AfterAll} and the threads they start.
 * A class is blamed only for what none of its tests was. Each pool is blamed or named once.
 *
 * <p>Where the scope cannot tell with certainty, a pool is named under the test and not blamed on it:
 * created in no scope (a worker of a pool created outside every test, running a task the test may have
 * submitted), in the scope of a test that has ended, or, once tests have run in parallel, on a pool's
 * worker that inherited the test's scope (a parallel test may have submitted the task it ran). Pools of
 * another test still running are left to it. Pools a static initializer created, or created while no
 * test ran, are left for {@link #outsideTests()}.
 */
final class LeakAttribution {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * A test or class running: its scope, the scope its thread had before, the thread running it, and
     * the last pool number when it started.
     */
    private record Window(long scope, Object previousScope, long threadId, long afterNumber) {
    }

    private final PoolSource pools;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> running = new ConcurrentHashMap<>();
    private final Map<String, Verdict> judged = new ConcurrentHashMap<>();
    private final Set<Long> accountedFor = ConcurrentHashMap.newKeySet();
    /** Whether two tests or classes ever ran on different threads at once: parallel execution. */
    private volatile boolean parallelSeen;

    LeakAttribution(PoolSource pools, long graceMillis, LongSupplier nanoTime) {
        this.pools = pools;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.nanoTime = nanoTime;
    }

    /** The test or class of {@code uniqueId} starts, on the current thread. */
    void started(String uniqueId) {
        long threadId = currentThreadId();
        for (Window other : running.values()) {
            if (other.threadId() != threadId) {
                parallelSeen = true;
            }
        }
        long scope = pools.newScope();
        long afterNumber = pools.lastPoolNumber();
        running.put(uniqueId, new Window(scope, pools.enterScope(scope), threadId, afterNumber));
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
        Window window = running.remove(uniqueId);
        judged.remove(uniqueId);
        if (window != null && window.threadId() == currentThreadId()) {
            pools.leaveScope(window.previousScope());
        }
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
        Set<Long> runningScopes = new HashSet<>();
        running.values().forEach(other -> runningScopes.add(other.scope()));
        for (PoolSeen pool : openDuring(window, lastNumber)) {
            if (pool.createdByStaticInitializer()) {
                continue; // its class's for the JVM's life, whichever test first touched the class
            }
            if (pool.scope() == window.scope()) {
                (pool.scopeInheritedByPoolWorker() && parallelSeen ? others : mine).add(pool);
            } else if (!runningScopes.contains(pool.scope())) {
                others.add(pool);
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
