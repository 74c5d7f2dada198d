package dev.poolwatch.agent.bootstrap;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tells a pool the JDK creates for itself ({@code HttpClient}'s executor, the virtual-thread
 * scheduler, ...) from one the program creates, by the first frame on the creating thread past the
 * agent and the pool machinery (constructors, {@code Executors}, {@code ThreadPool}'s builder). The
 * JDK's own pools are not the program's to close: they are neither recorded nor counted.
 *
 * <p>A {@link StackWalker} reads only the few frames it needs, without decoding a whole stack.
 */
public final class PoolCreator implements Function<Stream<StackWalker.StackFrame>, Boolean> {

    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private static final Set<String> POOL_MACHINERY = Set.of(
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ThreadPerTaskExecutor",
            "java.util.concurrent.Executors",
            "dev.poolwatch.pool.ThreadPool",
            "dev.poolwatch.pool.ThreadPool$Builder");

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final PoolCreator FIRST_CREATOR_FRAME = new PoolCreator();

    PoolCreator() {
    }

    /** Whether the pool being created on this thread is created by the JDK for itself. */
    static boolean isJdk() {
        return WALKER.walk(FIRST_CREATOR_FRAME);
    }

    /** Whether a class is the JDK's, by its name. */
    public static boolean isJdkClass(String className) {
        for (String prefix : JDK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Judges the first frame that is neither the agent's nor the pool machinery's. */
    @Override
    public Boolean apply(Stream<StackWalker.StackFrame> frames) {
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            String type = it.next().getClassName();
            if (type.startsWith("dev.poolwatch.agent.") || POOL_MACHINERY.contains(type)
                    || type.startsWith("java.util.concurrent.Executors$")) {
                continue;
            }
            return isJdkClass(type);
        }
        return Boolean.TRUE;
    }
}
