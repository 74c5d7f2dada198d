package dev.poolwatch.agent.bootstrap;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One record per live pool, and the aggregates of what no longer needs a record: pools the garbage
 * collector closed, tasks submitted after shutdown. Queryable at any moment, not only at exit.
 *
 * <p>Bounded: pools are held weakly and their records dropped as soon as they are collected, by an
 * action on a {@link Cleaner}; aggregates are keyed by site and hold at most {@link #MAX_SITES} sites
 * each, the rest counted as dropped, each site once. Nothing here holds a class of the program's
 * (sites are decoded as they are captured), so no class loader is kept alive by the agent.
 */
public final class PoolRegistry {

    /** The most distinct sites kept per aggregate. */
    public static final int MAX_SITES = 1000;

    /** The most distinct dropped sites counted: {@link #droppedSites()} stops there. */
    public static final int MAX_DROPPED_SITES_COUNTED = DroppedSites.MAX_COUNTED;

    private static final String THREAD_POOL = "dev.poolwatch.pool.ThreadPool";

    /**
     * Set once a listener entered the first {@link Scope}; until then no pool creation asks for the
     * thread's, and {@link Scopes} is not even loaded.
     */
    static volatile boolean scopesEntered;

    private final WeakIdentityMap<PoolRecord> pools = new WeakIdentityMap<>();
    private final Cleaner cleaner;
    private final int stackDepth;
    private final AtomicLong poolsCreated = new AtomicLong();
    private final AtomicLong lastPoolNumber = new AtomicLong();
    private final ConcurrentHashMap<String, GcClosedSite> gcClosed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SubmitAfterShutdown> submits = new ConcurrentHashMap<>();
    private final DroppedSites droppedSites = new DroppedSites();
    /** Per thread, as the exception is: one global field would count an exception twice when threads interleave. */
    private final ThreadLocal<WeakReference<Throwable>> lastRejectionThrown = new ThreadLocal<>();
    private volatile Thread agentThread;
    private volatile boolean agentPoolSeen;
    private volatile Consumer<SubmitAfterShutdown> firstSubmitAfterShutdownListener;
    private volatile PoolLifecycleListener lifecycleListener;
    /** The agent's {@code includes}/{@code excludes}: which creation sites are reported; {@code null} for all. */
    private volatile Predicate<Site> reportedSites;
    /** The agent's {@code lifetimePools=leaks}: pools a library holds for the life of the process are leaks too. */
    private volatile boolean libraryHeldPoolsAreLeaks;

    /**
     * @param cleaner runs the action that forgets a pool once it is collected
     * @param stackDepth how many frames after the first application frame a site keeps
     */
    PoolRegistry(Cleaner cleaner, int stackDepth) {
        this.cleaner = cleaner;
        this.stackDepth = stackDepth;
    }

    // ---------------------------------------------------------------- events

    void created(Object pool) {
        created(pool, null, null, null);
    }

    /** A library's pool (a Netty group, a data source) of {@code kind}, closed by {@code closeMethod}, finished a constructor. */
    void createdLibraryPool(Object pool, String kind, String closeMethod, String busyProbe) {
        created(pool, kind, closeMethod, busyProbe);
    }

    private void created(Object pool, String kind, String closeMethod, String busyProbe) {
        boolean libraryPool = kind != null;
        if (Thread.currentThread() == agentThread) {
            agentPoolSeen = true;
            return;
        }
        if (pools.get(pool) != null) {
            return; // a chained constructor of a pool already recorded
        }
        Site site = libraryPool ? SiteCapture.ofLibraryPoolCreation(stackDepth) : SiteCapture.ofPoolCreation(stackDepth);
        if (site == null) {
            return; // the JDK's own pool
        }
        PoolRecord record = new PoolRecord(pool.getClass().getName(), site, Thread.currentThread(),
                System.currentTimeMillis(), lastPoolNumber.incrementAndGet(), scopesEntered ? Scopes.current() : null,
                kind, closeMethod, busyProbe);
        if (libraryPool || pool.getClass().getName().equals(THREAD_POOL)) {
            record.markStartedWorker(); // its constructor starts its workers, or holds what does
        }
        WeakIdentityMap.Key entry = pools.putIfAbsent(pool, record);
        if (entry != null) {
            poolsCreated.incrementAndGet();
            cleaner.register(pool, new ForgetCollected(this, entry));
            PoolLifecycleListener listener = lifecycleListener;
            if (listener != null) {
                listener.created(record);
            }
        }
    }

    /** The pool starts a worker thread. */
    void startingWorker(Object pool) {
        PoolRecord record = pools.get(pool);
        if (record != null) {
            record.markStartedWorker();
        }
    }

    /**
     * Drops a collected pool's record; counts it if it was collected while still open, after it had
     * started a worker.
     */
    private static final class ForgetCollected implements Runnable {
        private final PoolRegistry registry;
        private final WeakIdentityMap.Key entry;

        ForgetCollected(PoolRegistry registry, WeakIdentityMap.Key entry) {
            this.registry = registry;
            this.entry = entry;
        }

        @Override
        public void run() {
            // Counted before the record goes, so that whoever finds no record finds the count.
            try {
                PoolRecord record = registry.pools.valueOf(entry);
                if (record != null && record.shutdownSite() == null && record.startedWorker()) {
                    registry.countGcClosed(record);
                }
            } catch (Throwable error) {
                InternalErrors.record(error);
            } finally {
                registry.pools.removeEntry(entry);
            }
        }
    }

    void shutdown(Object pool, String method) {
        PoolRecord record = pools.get(pool);
        if (record == null) {
            return; // created before the agent started, or the common pool, or the probe
        }
        if (record.shutdownSite() != null) {
            return; // only the first shutdown is kept; close() calls shutdown() too
        }
        if (!record.markShutdown(SiteCapture.here(stackDepth), method)) {
            return;
        }
        boolean byGarbageCollector = GcThreads.isClosingForGc();
        if (byGarbageCollector) {
            pools.remove(pool);
            countGcClosed(record);
        }
        PoolLifecycleListener listener = lifecycleListener;
        if (listener != null) {
            listener.shutdown(record, byGarbageCollector);
        }
    }

    /**
     * A rejection thrown out of a woven method. One exception passes through every woven method it
     * leaves (a {@code submit} that calls {@code execute}), so each exception is counted once.
     */
    void rejectedThrowing(Object pool, Throwable rejection) {
        WeakReference<Throwable> last = lastRejectionThrown.get();
        if (last != null && last.get() == rejection) {
            return;
        }
        // Weakly: a thread-local holding the exception would keep its classes' loaders for the thread's life.
        lastRejectionThrown.set(new WeakReference<>(rejection));
        rejected(pool);
    }

    void rejected(Object pool) {
        if (!(pool instanceof ExecutorService) || !((ExecutorService) pool).isShutdown()) {
            return; // saturation, not a submit after shutdown
        }
        Site submitSite = SiteCapture.here(stackDepth);
        PoolRecord record = pools.get(pool);
        Site jdkSubmitSite = Site.NONE;
        String key = pool.getClass().getName() + submitSite.key();
        if (submitSite.isEmpty()) {
            if (record == null || record.creationSite().isEmpty()) {
                return; // neither the submit nor the pool is the program's: the JDK's or a test runner's affair
            }
            // JDK code submits on the program's behalf, to the program's pool
            jdkSubmitSite = JdkSubmitCapture.of(pool, stackDepth);
            key += "|handed over by" + jdkSubmitSite.key() + "|to the pool created at" + record.creationSite().key();
        }
        SubmitAfterShutdown seen = submits.get(key);
        if (seen == null) {
            if (submits.size() >= MAX_SITES) {
                droppedSites.add("submit:" + key);
                return;
            }
            RejectedExecutionHandler handler =
                    pool instanceof ThreadPoolExecutor ? ((ThreadPoolExecutor) pool).getRejectedExecutionHandler() : null;
            SubmitAfterShutdown fresh = new SubmitAfterShutdown(pool.getClass().getName(), submitSite, jdkSubmitSite,
                    Thread.currentThread().getName(), record == null ? null : record.creationSite(),
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
        PoolLifecycleListener listener = lifecycleListener;
        if (listener != null) {
            listener.submittedAfterShutdown(seen, record);
        }
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

    private void countGcClosed(PoolRecord record) {
        String key = record.poolType() + record.creationSite().key();
        GcClosedSite site = gcClosed.get(key);
        if (site == null) {
            if (gcClosed.size() >= MAX_SITES) {
                droppedSites.add("gc:" + key);
                return;
            }
            GcClosedSite fresh = new GcClosedSite(record);
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

    /**
     * The records of the live pools never shut down that were recorded after pool number
     * {@code afterNumber}, in no particular order. Holds no pool: a tool that keeps the list changes no
     * pool's reachability.
     */
    public List<PoolRecord> openPoolsAfter(long afterNumber) {
        List<PoolRecord> open = new ArrayList<>();
        for (WeakIdentityMap.LiveEntry<PoolRecord> entry : pools.liveEntries()) {
            PoolRecord record = entry.value;
            if (record.number() > afterNumber && record.shutdownSite() == null) {
                open.add(record);
            }
        }
        return open;
    }

    /** Whether {@code pool} is recorded: created while the agent watched, and not the JDK's own. */
    public boolean isRecorded(Object pool) {
        return pools.get(pool) != null;
    }

    /** The number of the last pool recorded (see {@link PoolRecord#number()}), 0 before the first. */
    public long lastPoolNumber() {
        return lastPoolNumber.get();
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

    /** Distinct sites not kept because an aggregate reached {@link #MAX_SITES}, at most {@link #MAX_DROPPED_SITES_COUNTED}. */
    public long droppedSites() {
        return droppedSites.count();
    }

    /** Reports only the pools created at sites {@code sites} accepts (the agent's includes and excludes). */
    public void reportOnly(Predicate<Site> sites) {
        reportedSites = sites;
    }

    /**
     * Whether the pool of {@code record} is one to report as a leak if left open: by where it was
     * created, and not held by a library for the life of the process (unless those count as leaks).
     */
    public boolean reports(PoolRecord record) {
        Predicate<Site> sites = reportedSites;
        return !heldApart(record) && (sites == null || sites.test(record.creationSite()));
    }

    /** Counts pools a library holds for the life of the process as leaks, rather than listing them apart. */
    public void countLibraryHeldPoolsAsLeaks(boolean leaks) {
        libraryHeldPoolsAreLeaks = leaks;
    }

    /**
     * Whether the pool of {@code record}, left open, is listed apart from the leaks: a library created
     * it in a static initializer and holds it for the life of the process.
     */
    public boolean heldApart(PoolRecord record) {
        return record.libraryHolder() != null && !libraryHeldPoolsAreLeaks;
    }

    /** {@code listener} is called once for each new submit-after-shutdown site, on the submitting thread; it must not throw. */
    public void onFirstSubmitAfterShutdown(Consumer<SubmitAfterShutdown> listener) {
        firstSubmitAfterShutdownListener = listener;
    }

    /** Tells {@code listener} of every pool recorded, shut down, or handed a task after shutdown, from now on. */
    public void onLifecycle(PoolLifecycleListener listener) {
        lifecycleListener = listener;
    }
}
