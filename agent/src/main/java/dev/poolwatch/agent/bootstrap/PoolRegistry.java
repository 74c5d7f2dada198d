package dev.poolwatch.agent.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One record per live pool, and the aggregates of what no longer needs a record: pools the garbage
 * collector closed, tasks submitted after shutdown. Queryable at any moment, not only at exit.
 *
 * <p>Bounded: pools are held weakly and their records dropped once collected; aggregates are keyed
 * by site and hold at most {@link #MAX_SITES} sites each, the rest counted as dropped.
 */
public final class PoolRegistry {

    /** The most distinct sites kept per aggregate. */
    public static final int MAX_SITES = 1000;

    private final WeakIdentityMap<PoolRecord> pools = new WeakIdentityMap<>();
    private final AtomicLong poolsCreated = new AtomicLong();
    private final ConcurrentHashMap<String, GcClosedSite> gcClosed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubmitAfterShutdown> submits = new ConcurrentHashMap<>();
    private final AtomicLong droppedSites = new AtomicLong();
    private volatile Thread agentThread;
    private volatile boolean agentPoolSeen;
    private volatile Consumer<SubmitAfterShutdown> firstSubmitAfterShutdownListener;

    PoolRegistry() {
    }

    // ---------------------------------------------------------------- events

    void created(Object pool) {
        if (Thread.currentThread() == agentThread) {
            agentPoolSeen = true;
            return;
        }
        if (pool instanceof ForkJoinPool && pool == ForkJoinPool.commonPool()) {
            return;
        }
        expungeCollected();
        if (pools.get(pool) != null) {
            return; // a chained constructor of a pool already recorded
        }
        Thread creator = Thread.currentThread();
        PoolRecord record = new PoolRecord(pool.getClass().getName(), new Throwable("created here"),
                creator.getName(), System.currentTimeMillis());
        if (pools.putIfAbsent(pool, record)) {
            poolsCreated.incrementAndGet();
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
        site.add();
    }

    private void expungeCollected() {
        pools.expunge(record -> {
            if (record.shutdownSite() == null) {
                countGcClosed(record, true);
            }
        });
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

    /** Calls {@code action} with every live pool never shut down, and its record. */
    public void forEachOpenPool(BiConsumer<Object, PoolRecord> action) {
        expungeCollected();
        pools.forEachLive((pool, record) -> {
            if (record.shutdownSite() == null) {
                action.accept(pool, record);
            }
        });
    }

    public List<GcClosedSite> gcClosedSites() {
        expungeCollected();
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
        expungeCollected();
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
