package dev.poolwatch.agent.report;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * Reads what a pool is doing at exit: running tasks, queued tasks, live worker threads. Judged by
 * the executor's own state, never by thread names. JDK pools keep their workers private; the agent
 * opens {@code java.util.concurrent} to itself at startup so it can list them.
 *
 * <p>Where a pool's workers cannot be read from the pool itself, they are looked up in one snapshot
 * of the JVM's threads, taken at most once per inspector (one per report): the work of a report
 * grows as pools plus threads, never as pools times threads.
 */
public final class PoolInspector {

    /**
     * What a pool was doing.
     *
     * @param queued tasks waiting to run, a scheduled pool's periodic tasks not among them
     * @param periodic a scheduled pool's periodic tasks waiting for their next run: its schedule, not a backlog
     */
    public record Activity(int active, int queued, List<String> threads, int periodic) {

        Activity(int active, int queued, List<String> threads) {
            this(active, queued, threads, 0);
        }

        /** Running or holding tasks; periodic tasks waiting for their next run leave a pool idle. */
        public boolean busy() {
            return active > 0 || queued > 0;
        }
    }

    private static final String TOMCAT_POOL = "org.apache.tomcat.util.threads.ThreadPoolExecutor";
    private static final String JETTY_POOL = "org.eclipse.jetty.util.thread.QueuedThreadPool";

    private static final Activity UNKNOWN = new Activity(0, 0, List.of());

    private final Supplier<Thread[]> liveThreads;
    private Map<ForkJoinPool, List<String>> forkJoinWorkers;
    private Set<String> liveThreadNames;

    public PoolInspector() {
        this(new LiveThreads());
    }

    /** Every live platform thread, without reading any thread's stack. */
    public static Thread[] liveThreads() {
        return new LiveThreads().get();
    }

    /** @param liveThreads takes a snapshot of the JVM's live threads */
    PoolInspector(Supplier<Thread[]> liveThreads) {
        this.liveThreads = liveThreads;
    }

    public Activity inspect(Object pool) {
        return inspect(pool, null);
    }

    /**
     * What {@code pool} is doing; for a library's pool, what its {@code busyProbe} (public getters chained
     * with dots, e.g. {@code getTotalStats.getLeased}) counts as in use, if it has one.
     */
    public Activity inspect(Object pool, String busyProbe) {
        try {
            if (busyProbe != null) {
                return new Activity(probe(pool, busyProbe), 0, List.of());
            }
            if (pool instanceof ThreadPoolExecutor tpe) {
                int periodic = tpe instanceof ScheduledThreadPoolExecutor ? periodicTasks(tpe.getQueue()) : 0;
                return new Activity(tpe.getActiveCount(), tpe.getQueue().size() - periodic, names(workerThreads(tpe, null)),
                        periodic);
            }
            if (pool instanceof ForkJoinPool fjp) {
                return new Activity(fjp.getActiveThreadCount(),
                        (int) Math.min(Integer.MAX_VALUE, fjp.getQueuedSubmissionCount() + fjp.getQueuedTaskCount()),
                        forkJoinWorkers(fjp));
            }
            if (pool.getClass().getName().equals("dev.poolwatch.pool.ThreadPool")) {
                return poolwatchThreadPool(pool);
            }
            if (pool.getClass().getName().equals("java.util.concurrent.ThreadPerTaskExecutor")) {
                List<String> threads = names(workerThreads(pool, null));
                return new Activity(threads.size(), 0, threads);
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            // The pool still leaked; only its activity is unknown.
        }
        return UNKNOWN;
    }

    /**
     * The live worker threads of a JDK pool: a {@code ThreadPoolExecutor}'s, a thread-per-task
     * executor's, and a {@code ForkJoinPool}'s among {@code live} (a {@link #liveThreads()} snapshot,
     * needed for that one only); of the libraries' pools, Tomcat's and Jetty's, whose fields hold
     * their threads as the JDK's do; none for any other pool, or where its fields cannot be read.
     */
    public static List<Thread> workerThreads(Object pool, Thread[] live) {
        List<Thread> workers = new ArrayList<>();
        try {
            if (pool instanceof ThreadPoolExecutor || isOrExtends(pool.getClass(), TOMCAT_POOL)) {
                // Tomcat's pool is a copy of the JDK's, with the same workers and the same Worker.thread
                for (Object worker : new ArrayList<>((Collection<?>) readField(pool, "workers"))) {
                    Thread thread = (Thread) readField(worker, "thread");
                    if (thread != null && thread.isAlive()) {
                        workers.add(thread);
                    }
                }
            } else if (pool instanceof ForkJoinPool) {
                for (Thread thread : live) {
                    if (thread instanceof ForkJoinWorkerThread worker && worker.getPool() == pool) {
                        workers.add(thread);
                    }
                }
            } else if (pool.getClass().getName().equals("java.util.concurrent.ThreadPerTaskExecutor")) {
                addAlive(workers, readField(pool, "threads"));
            } else if (isOrExtends(pool.getClass(), JETTY_POOL)) {
                addAlive(workers, readField(pool, "_threads"));
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return List.of();
        }
        return workers;
    }

    /** The periodic tasks in a scheduled pool's queue, which its iterator reads from a copy. */
    private static int periodicTasks(BlockingQueue<Runnable> queue) {
        int periodic = 0;
        for (Runnable task : queue) {
            if (task instanceof RunnableScheduledFuture<?> scheduled && scheduled.isPeriodic()) {
                periodic++;
            }
        }
        return periodic;
    }

    private static void addAlive(List<Thread> workers, Object threads) {
        for (Object thread : new ArrayList<>((Collection<?>) threads)) {
            if (((Thread) thread).isAlive()) {
                workers.add((Thread) thread);
            }
        }
    }

    private static boolean isOrExtends(Class<?> type, String className) {
        for (Class<?> superclass = type; superclass != null; superclass = superclass.getSuperclass()) {
            if (superclass.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static int probe(Object pool, String busyProbe) throws ReflectiveOperationException {
        Object value = pool;
        for (String getter : busyProbe.split("\\.")) {
            value = value.getClass().getMethod(getter).invoke(value);
        }
        return ((Number) value).intValue();
    }

    private List<String> forkJoinWorkers(ForkJoinPool pool) {
        if (forkJoinWorkers == null) {
            indexLiveThreads();
        }
        List<String> names = forkJoinWorkers.get(pool);
        return names == null ? List.of() : names;
    }

    private void indexLiveThreads() {
        forkJoinWorkers = new IdentityHashMap<>();
        liveThreadNames = new HashSet<>();
        for (Thread thread : liveThreads.get()) {
            liveThreadNames.add(thread.getName());
            if (thread instanceof ForkJoinWorkerThread worker) {
                List<String> names = forkJoinWorkers.get(worker.getPool());
                if (names == null) {
                    names = new ArrayList<>();
                    forkJoinWorkers.put(worker.getPool(), names);
                }
                names.add(thread.getName());
            }
        }
        for (List<String> names : forkJoinWorkers.values()) {
            names.sort(null);
        }
    }

    private Activity poolwatchThreadPool(Object pool) throws ReflectiveOperationException {
        Class<?> type = pool.getClass();
        int active = (Integer) call(type, pool, "activeCount");
        int queued = (Integer) call(type, pool, "queuedCount");
        List<String> live = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) call(type, pool, "workerNames");
        if (liveThreadNames == null) {
            indexLiveThreads();
        }
        for (String name : names) {
            if (liveThreadNames.contains(name)) {
                live.add(name);
            }
        }
        live.sort(null);
        return new Activity(active, queued, live);
    }

    /** Every live platform thread, from the root thread group: unlike a stack dump, no thread's stack is read. */
    private static final class LiveThreads implements Supplier<Thread[]> {
        @Override
        public Thread[] get() {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] threads = new Thread[root.activeCount() + 16];
            int count;
            while ((count = root.enumerate(threads, true)) == threads.length) {
                threads = new Thread[threads.length * 2];
            }
            return Arrays.copyOf(threads, count);
        }
    }

    private static Object call(Class<?> type, Object target, String method) throws ReflectiveOperationException {
        Method accessor = type.getMethod(method);
        return accessor.invoke(target);
    }

    private static List<String> names(List<Thread> threads) {
        List<String> names = new ArrayList<>();
        for (Thread thread : threads) {
            names.add(nameOf(thread));
        }
        return names;
    }

    /** A thread's name, or its id for the unnamed ones (virtual threads are unnamed by default). */
    @SuppressWarnings("deprecation") // Thread.threadId() arrived in JDK 19; getId() is the same number
    private static String nameOf(Thread thread) {
        String name = thread.getName();
        return name.isEmpty() ? "unnamed thread #" + thread.getId() : name;
    }

    static Object readField(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
