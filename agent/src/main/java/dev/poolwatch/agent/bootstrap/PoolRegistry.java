package dev.poolwatch.agent.bootstrap;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One record per live pool, and the aggregates of what no longer needs a record: pools the garbage
 * collector closed, tasks submitted after shutdown. Queryable at any moment, not only at exit.
 *
 * <p>Bounded: pools are held weakly and their records dropped as soon as they are collected, by an
 * action on a {@link Cleaner}; aggregates are keyed by site and hold at most {@link #MAX_SITES} sites
 * each, the rest counted as dropped.
 */
public final class PoolRegistry {

    /** The most distinct sites kept per aggregate. */
    public static final int MAX_SITES = 1000;

    private static final String FORK_JOIN_POOL = "java.util.concurrent.ForkJoinPool";

    private final WeakIdentityMap<PoolRecord> pools = new WeakIdentityMap<>();
    private final Cleaner cleaner;
    private final AtomicLong poolsCreated = new AtomicLong();
    private final ConcurrentHashMap<String, GcClosedSite> gcClosed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubmitAfterShutdown> submits = new ConcurrentHashMap<>();
    private final AtomicLong droppedSites = new AtomicLong();
    private volatile Throwable lastRejectionThrown;
    private volatile Thread agentThread;
    private volatile boolean agentPoolSeen;
    private volatile Consumer<SubmitAfterShutdown> firstSubmitAfterShutdownListener;

    PoolRegistry(Cleaner cleaner) {
        this.cleaner = cleaner;
    }

    // ---------------------------------------------------------------- events

    void created(Object pool) {
        if (Thread.currentThread() == agentThread) {
            agentPoolSeen = true;
            return;
        }
        // By name, not instanceof: instanceof would load (and so weave) ForkJoinPool in every
        // program, whether it uses one or not.
        if (pool.getClass().getName().equals(FORK_JOIN_POOL) && pool == ForkJoinPool.commonPool()) {
            return;
        }
        if (pools.get(pool) != null) {
            return; // a chained constructor of a pool already recorded
        }
        if (PoolCreator.isJdk()) {
            return;
        }
        Thread creator = Thread.currentThread();
        PoolRecord record = new PoolRecord(pool.getClass().getName(), new Throwable("created here"),
                creator.getName(), System.currentTimeMillis());
        WeakIdentityMap.Key entry = pools.putIfAbsent(pool, record);
        if (entry != null) {
            poolsCreated.incrementAndGet();
            cleaner.register(pool, new ForgetCollected(this, entry));
        }
    }

    /** Drops a collected pool's record; counts it if it was collected while still open. */
    private static final class ForgetCollected implements Runnable {
        private final PoolRegistry registry;
        private final WeakIdentityMap.Key entry;

        ForgetCollected(PoolRegistry registry, WeakIdentityMap.Key entry) {
            this.registry = registry;
            this.entry = entry;
        }

        @Override
        public void run() {
            try {
                PoolRecord record = registry.pools.removeEntry(entry);
                if (record != null && record.shutdownSite() == null) {
                    registry.countGcClosed(record, true);
                }
            } catch (Throwable error) {
                InternalErrors.record(error);
            }
        }
    }

    void shutdown(Object pool, String method) {
        PoolRecord record = pools.get(pool);
        if (record == null) {
            return; // created before the agent started, or the common pool, or the probe
        }
        Throwable site = new Throwable("shut down here");
        if (record.markShutdown(site, method) && GcThreads.isClosingForGc(site)) {
            pools.remove(pool);
            countGcClosed(record, false);
        }
    }

    /**
     * A rejection thrown out of a woven method. One exception passes through every woven method it
     * leaves (a {@code submit} that calls {@code execute}), so each exception is counted once.
     */
    void rejectedThrowing(Object pool, Throwable rejection) {
        if (rejection == lastRejectionThrown) {
            return;
        }
        lastRejectionThrown = rejection;
        rejected(pool);
    }

    void rejected(Object pool) {
        if (!(pool instanceof ExecutorService) || !((ExecutorService) pool).isShutdown()) {
            return; // saturation, not a submit after shutdown
        }
        Throwable submitSite = new Throwable("submitted here");
        String key = pool.getClass().getName() + Stacks.key(submitSite);
        SubmitAfterShutdown seen = submits.get(key);
        if (seen == null) {
            if (submits.size() >= MAX_SITES) {
                droppedSites.incrementAndGet();
                return;
            }
            PoolRecord record = pools.get(pool);
            RejectedExecutionHandler handler =
                    pool instanceof ThreadPoolExecutor ? ((ThreadPoolExecutor) pool).getRejectedExecutionHandler() : null;
            SubmitAfterShutdown fresh = new SubmitAfterShutdown(pool.getClass().getName(), submitSite,
                    record == null ? null : record.shutdownSite(), record == null ? null : record.shutdownMethod(),
                    throwsOnRejection(handler), handler == null ? null : handler.getClass().getName());
            seen = submits.putIfAbsent(key, fresh);
            if (seen == null) {
                seen = fresh;
                Consumer<SubmitAfterShutdown> listener = firstSubmitAfterShutdownListener;
                if (listener != null) {
                    listener.accept(fresh);
                }
            }
        }
        seen.add();
    }

    private static Boolean throwsOnRejection(RejectedExecutionHandler handler) {
        if (handler == null || handler instanceof ThreadPoolExecutor.AbortPolicy) {
            return Boolean.TRUE;
        }
        if (handler instanceof ThreadPoolExecutor.DiscardPolicy
                || handler instanceof ThreadPoolExecutor.DiscardOldestPolicy
                || handler instanceof ThreadPoolExecutor.CallerRunsPolicy) {
            return Boolean.FALSE; // after shutdown, CallerRunsPolicy drops the task too
        }
        return null;
    }

    private void countGcClosed(PoolRecord record, boolean collectedOpen) {
        String key = (collectedOpen ? "collected:" : "closed:") + record.poolType() + Stacks.key(record.creationSite());
        GcClosedSite site = gcClosed.get(key);
        if (site == null) {
            if (gcClosed.size() >= MAX_SITES) {
                droppedSites.incrementAndGet();
                return;
            }
            GcClosedSite fresh = new GcClosedSite(record, collectedOpen);
            site = gcClosed.putIfAbsent(key, fresh);
            if (site == null) {
                site = fresh;
            }
        }
        site.add(record);
    }

    // ---------------------------------------------------------------- queries

    /**
     * Runs the agent's own {@code work}: pools it creates (the self-check's probe, or one the JDK
     * creates while the report is built) are not recorded or counted.
     *
     * @return whether {@code work} created a pool the instrumentation saw
     */
    public synchronized boolean runAsAgent(Runnable work) {
        agentPoolSeen = false;
        agentThread = Thread.currentThread();
        try {
            work.run();
        } finally {
            agentThread = null;
        }
        return agentPoolSeen;
    }

    /** A live pool never shut down, held strongly while the report is built, and its record. */
    public static final class OpenPool {
        private final Object pool;
        private final PoolRecord record;

        OpenPool(Object pool, PoolRecord record) {
            this.pool = pool;
            this.record = record;
        }

        public Object pool() {
            return pool;
        }

        public PoolRecord record() {
            return record;
        }
    }

    /** Every live pool never shut down. */
    public List<OpenPool> openPools() {
        List<OpenPool> open = new ArrayList<>();
        for (WeakIdentityMap.LiveEntry<PoolRecord> entry : pools.liveEntries()) {
            if (entry.value.shutdownSite() == null) {
                open.add(new OpenPool(entry.key, entry.value));
            }
        }
        return open;
    }

    public List<GcClosedSite> gcClosedSites() {
        return new ArrayList<>(gcClosed.values());
    }

    public List<SubmitAfterShutdown> submitsAfterShutdown() {
        return new ArrayList<>(submits.values());
    }

    /** Pools seen since the agent started, each counted once. */
    public long poolsCreated() {
        return poolsCreated.get();
    }

    /** Records held now: live pools, open or shut down. Zero once every pool was closed and collected. */
    public int recordCount() {
        return pools.size();
    }

    /** Sites not kept because an aggregate reached {@link #MAX_SITES}. */
    public long droppedSites() {
        return droppedSites.get();
    }

    /** Called once for each new submit-after-shutdown site, on the submitting thread; must not throw. */
    public void onFirstSubmitAfterShutdown(Consumer<SubmitAfterShutdown> listener) {
        firstSubmitAfterShutdownListener = listener;
    }
}
