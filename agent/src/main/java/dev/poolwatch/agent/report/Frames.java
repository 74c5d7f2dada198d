package dev.poolwatch.agent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Reads captured stacks: finds the first application frame, trims a stack to it and
 * {@code stackDepth} frames after it, and tells pools the JDK creates for itself from the program's.
 */
public final class Frames {

    private static final String[] PLATFORM_PREFIXES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.poolwatch.agent.", "dev.poolwatch.pool."
    };

    /** Frames that build a pool on someone else's behalf; the frame after them is the pool's creator. */
    private static final Set<String> POOL_MACHINERY = Set.of(
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ThreadPerTaskExecutor",
            "java.util.concurrent.Executors",
            "dev.poolwatch.pool.ThreadPool",
            "dev.poolwatch.pool.ThreadPool$Builder");

    private final int stackDepth;

    public Frames(int stackDepth) {
        this.stackDepth = stackDepth;
    }

    static boolean isPlatform(String className) {
        for (String prefix : PLATFORM_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The frames from the first application frame on, at most {@code 1 + stackDepth}; empty if there is none. */
    public List<String> trim(Throwable site) {
        if (site == null) {
            return Collections.emptyList();
        }
        StackTraceElement[] frames = site.getStackTrace();
        int first = firstApplicationFrame(frames);
        if (first < 0) {
            return Collections.emptyList();
        }
        List<String> kept = new ArrayList<>();
        for (int i = first; i < frames.length && kept.size() <= stackDepth; i++) {
            kept.add(frames[i].toString());
        }
        return kept;
    }

    /** The class of the first application frame, or {@code null} if the stack has none. */
    public static String firstApplicationClass(Throwable site) {
        StackTraceElement[] frames = site.getStackTrace();
        int first = firstApplicationFrame(frames);
        return first < 0 ? null : frames[first].getClassName();
    }

    private static int firstApplicationFrame(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (!isPlatform(frames[i].getClassName())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the JDK created this pool for itself: the first frame past the agent and the pool
     * machinery (constructors, {@code Executors}) is a platform class, e.g. {@code HttpClient}'s or
     * {@code CompletableFuture}'s own executors. Such pools are never reported.
     */
    public static boolean createdByPlatform(Throwable creationSite) {
        for (StackTraceElement frame : creationSite.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("dev.poolwatch.agent.") || POOL_MACHINERY.contains(type)
                    || type.startsWith("java.util.concurrent.Executors$")) {
                continue;
            }
            return isPlatform(type);
        }
        return true;
    }
}
