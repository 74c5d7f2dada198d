package dev.poolwatch.agent.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Predicate;

/**
 * The JDK pools the registry has no record of, found from their live worker threads: pools created
 * before the agent was attached, and those the JDK creates for itself. Their creation site is
 * unknown; their threads, and what those do, are not.
 *
 * <p>A {@code ThreadPoolExecutor}'s worker thread runs the pool's {@code Worker}, whose outer instance
 * is the pool: read from the thread's task, it names the pool exactly. A thread factory that wraps
 * the worker in a task of its own hides the pool; its threads are still told by the worker loop on
 * their stack, and grouped by name. A {@code ForkJoinPool}'s workers name their pool. The common pool
 * is the JDK's and never listed.
 */
public final class UnrecordedPools {

    private static final String TPE_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";
    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";
    private static final String FJP = "java.util.concurrent.ForkJoinPool";

    /**
     * One pool found, or the workers of pools that could not be told apart.
     *
     * @param poolType the pool's class, or {@code ThreadPoolExecutor} for workers whose pool is hidden
     * @param pool the pool, or {@code null} when it is hidden
     * @param workers its live worker threads
     * @param stacks each worker's stack, as read once
     */
    public record Found(String poolType, Object pool, List<Thread> workers, List<StackTraceElement[]> stacks) {

        /** Whether the pool itself was found, not only threads that look like its workers. */
        public boolean identified() {
            return pool != null;
        }
    }

    private UnrecordedPools() {
    }

    /**
     * The pools among {@code live} (a {@link PoolInspector#liveThreads()} snapshot) for which
     * {@code recorded} is false, in the order their first worker was found.
     */
    public static List<Found> find(Thread[] live, Predicate<Object> recorded) {
        Map<Object, Found> byPool = new IdentityHashMap<>();
        Map<String, Found> hiddenByName = new LinkedHashMap<>();
        List<Found> found = new ArrayList<>();
        ForkJoinPool common = ForkJoinPool.commonPool();
        for (Thread thread : live) {
            if (!thread.isAlive()) {
                continue;
            }
            Object pool = poolOf(thread);
            if (pool == common || (pool != null && recorded.test(pool))) {
                continue;
            }
            StackTraceElement[] stack = thread.getStackTrace();
            if (pool != null) {
                Found entry = byPool.get(pool);
                if (entry == null) {
                    entry = new Found(pool.getClass().getName(), pool, new ArrayList<>(), new ArrayList<>());
                    byPool.put(pool, entry);
                    found.add(entry);
                }
                entry.workers().add(thread);
                entry.stacks().add(stack);
            } else if (runsWorkerLoop(stack)) {
                String name = namePattern(thread.getName());
                Found entry = hiddenByName.get(name);
                if (entry == null) {
                    entry = new Found(TPE, null, new ArrayList<>(), new ArrayList<>());
                    hiddenByName.put(name, entry);
                    found.add(entry);
                }
                entry.workers().add(thread);
                entry.stacks().add(stack);
            }
        }
        return found;
    }

    /** The pool {@code thread} works for, where it can be read; {@code null} otherwise. */
    private static Object poolOf(Thread thread) {
        if (thread instanceof ForkJoinWorkerThread worker) {
            return worker.getPool();
        }
        try {
            Object task = taskOf(thread);
            if (task != null && task.getClass().getName().equals(TPE_WORKER)) {
                return PoolInspector.readField(task, "this$0");
            }
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            // Its stack may still tell a pool worker.
        }
        return null;
    }

    /** The {@code Runnable} a platform thread was created with: a field of the thread up to JDK 18, of its holder after. */
    private static Object taskOf(Thread thread) throws ReflectiveOperationException {
        try {
            return PoolInspector.readField(thread, "target");
        } catch (NoSuchFieldException since19) {
            Object holder = PoolInspector.readField(thread, "holder");
            return holder == null ? null : PoolInspector.readField(holder, "task");
        }
    }

    private static boolean runsWorkerLoop(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(TPE) && frame.getMethodName().equals("runWorker")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a worker waits for a task rather than running one. */
    public static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if ((frame.getClassName().equals(TPE) && frame.getMethodName().equals("getTask"))
                    || (frame.getClassName().equals(FJP) && frame.getMethodName().equals("awaitWork"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frames of the task a busy worker runs, above the pool's own worker loop, at most
     * {@code limit}.
     */
    public static List<StackTraceElement> taskFrames(StackTraceElement[] stack, int limit) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            boolean workerLoop = (frame.getClassName().equals(TPE) && frame.getMethodName().equals("runWorker"))
                    || frame.getClassName().equals(ForkJoinWorkerThread.class.getName());
            if (workerLoop || frames.size() == limit) {
                break;
            }
            frames.add(frame);
        }
        return frames;
    }

    /** What a found pool holds, from the pool itself: running and queued tasks, shut down or not. */
    public static String state(Found found) {
        if (found.pool() instanceof ThreadPoolExecutor tpe) {
            return tpe.getActiveCount() + " running, " + tpe.getQueue().size() + " queued"
                    + (tpe.isShutdown() ? ", shut down and finishing" : "");
        }
        if (found.pool() instanceof ForkJoinPool fjp) {
            return fjp.getActiveThreadCount() + " running, " + (fjp.getQueuedSubmissionCount() + fjp.getQueuedTaskCount())
                    + " queued" + (fjp.isShutdown() ? ", shut down and finishing" : "");
        }
        return "its pool is hidden by the thread factory, which wraps the worker; grouped by thread name";
    }

    /** A thread name with its numbers as {@code N}: {@code pool-3-thread-7} is {@code pool-N-thread-N}. */
    public static String namePattern(String name) {
        return name.replaceAll("[0-9]+", "N");
    }
}
