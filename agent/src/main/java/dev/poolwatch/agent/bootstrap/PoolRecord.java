package dev.poolwatch.agent.bootstrap;

/**
 * What the agent knows of one pool: where and by whom it was created, and once shut down, where.
 * Sites are decoded as they are captured: a record holds no class, so no class loader.
 */
public final class PoolRecord {

    private final String poolType;
    private final Site creationSite;
    private final String creatingThread;
    private final long creatingThreadId;
    private final long createdAtMillis;
    private final long number;
    private final Scope scope;
    private final String poolKind;
    private final String closeMethod;
    private final String busyProbe;
    private volatile Site shutdownSite;
    private volatile String shutdownMethod;
    private volatile boolean startedWorker;

    PoolRecord(String poolType, Site creationSite, Thread creatingThread, long createdAtMillis, long number, Scope scope,
            String poolKind, String closeMethod, String busyProbe) {
        this.poolType = poolType;
        this.creationSite = creationSite;
        this.creatingThread = creatingThread.getName();
        this.creatingThreadId = idOf(creatingThread);
        this.createdAtMillis = createdAtMillis;
        this.number = number;
        this.scope = scope;
        this.poolKind = poolKind;
        this.closeMethod = closeMethod;
        this.busyProbe = busyProbe;
    }

    /** The getters that count what a library's pool has in use, chained with dots, or {@code null}. */
    public String busyProbe() {
        return busyProbe;
    }

    /** The library kind of the pool ({@code netty}, {@code hikari}), or {@code null} for the JDK's and {@code ThreadPool}. */
    public String poolKind() {
        return poolKind;
    }

    /** The method that closes a library's pool ({@code shutdownGracefully}), or {@code null} for the JDK's and {@code ThreadPool}. */
    public String closeMethod() {
        return closeMethod;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19; getId() is the same number
    private static long idOf(Thread thread) {
        return thread.getId();
    }

    public String poolType() {
        return poolType;
    }

    public Site creationSite() {
        return creationSite;
    }

    /**
     * The library class whose static initializer created the pool, which holds it for the life of the
     * process; {@code null} for a pool the program's own code created.
     */
    public LibraryHolder libraryHolder() {
        return creationSite.libraryHolder();
    }

    /** The name the creating thread had then; names repeat, see {@link #creatingThreadId()}. */
    public String creatingThread() {
        return creatingThread;
    }

    /** The id of the thread that created the pool: unique among the JVM's threads, never reused while it runs. */
    public long creatingThreadId() {
        return creatingThreadId;
    }

    /**
     * The pool's place in the order pools were recorded in this JVM: 1 for the first, larger for each
     * later one. Compare with {@link PoolQueries#lastPoolNumber()}.
     */
    public long number() {
        return number;
    }

    /** The {@linkplain PoolQueries#enterScope scope} of the creating thread then, 0 if it had none. */
    public long scope() {
        return scope == null ? 0 : scope.id();
    }

    /**
     * Whether the creating thread had its scope from a pool that started it as a worker: it may have
     * run a task that another scope submitted to that pool.
     */
    public boolean scopeInheritedByPoolWorker() {
        return scope != null && scope.inheritedByPoolWorker();
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** Where the pool was first shut down, or {@code null} while it is open. */
    public Site shutdownSite() {
        return shutdownSite;
    }

    /** The method that first shut the pool down ({@code shutdown}, {@code close}, ...), or {@code null}. */
    public String shutdownMethod() {
        return shutdownMethod;
    }

    /**
     * Whether the pool ever went to start a worker thread. One collected open that never did held
     * nothing: a pool only created, or one whose subclass constructor threw after the JDK's
     * constructor returned, which the program never held.
     */
    public boolean startedWorker() {
        return startedWorker;
    }

    void markStartedWorker() {
        if (!startedWorker) {
            startedWorker = true;
        }
    }

    /** Records the first shutdown only; returns whether this call was it. */
    synchronized boolean markShutdown(Site site, String method) {
        if (shutdownSite != null) {
            return false;
        }
        shutdownMethod = method;
        shutdownSite = site;
        return true;
    }
}
