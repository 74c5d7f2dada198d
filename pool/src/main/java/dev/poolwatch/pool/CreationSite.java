package dev.poolwatch.pool;

import java.util.Arrays;
import java.util.Set;

/**
 * Where a pool was created, printed as the cause of a leak warning.
 *
 * <p>It keeps the stack as decoded frames, never as a {@link Throwable}: a throwable's backtrace
 * holds the {@link Class} of every frame, and a site held by the library's static Cleaner would
 * then keep the creator's class loader alive (a webapp's, through every redeploy). The frames are
 * decoded as they are captured: a few microseconds per pool (the benchmarks' CreationStackBenchmark),
 * half of what walking them with a {@link StackWalker} costs. The library's own leading frames are
 * removed, so the first frame is the caller's.
 */
final class CreationSite {

    /** {@code -Ddev.poolwatch.pool.creationStack=false} turns capture off for pools built without an explicit choice. */
    static final boolean CAPTURE_BY_DEFAULT =
            !"false".equalsIgnoreCase(System.getProperty("dev.poolwatch.pool.creationStack", "true"));

    private static final StackTraceElement[] NOT_CAPTURED = new StackTraceElement[0];

    private static final Set<String> LIBRARY_FRAMES = Set.of(
            CreationSite.class.getName(),
            ThreadPool.class.getName(),
            ThreadPool.Builder.class.getName(),
            LeakGuard.class.getName(),
            GuardedExecutorService.class.getName());

    private final String description;
    private final StackTraceElement[] frames;

    private CreationSite(String description, StackTraceElement[] frames) {
        this.description = description;
        this.frames = frames;
    }

    static CreationSite capture(String poolName, boolean captureStack) {
        String thread = Thread.currentThread().getName();
        if (captureStack) {
            return new CreationSite(poolName + " was created here, by thread \"" + thread + "\"",
                    callerFrames(new Throwable().getStackTrace()));
        }
        return new CreationSite(poolName + " was created by thread \"" + thread
                + "\"; its creation stack was not captured (run with -Ddev.poolwatch.pool.creationStack=true)",
                NOT_CAPTURED);
    }

    private static StackTraceElement[] callerFrames(StackTraceElement[] frames) {
        int first = 0;
        while (first < frames.length && LIBRARY_FRAMES.contains(frames[first].getClassName())) {
            first++;
        }
        return Arrays.copyOfRange(frames, first, frames.length);
    }

    /** A throwable that prints as this site: its description, then its frames. Made for each warning. */
    Throwable toThrowable() {
        return new PrintedSite(description, frames);
    }

    /** Carries a site into a log record; its first printed line is the description alone. */
    private static final class PrintedSite extends Throwable {

        private static final long serialVersionUID = 1L;

        PrintedSite(String description, StackTraceElement[] frames) {
            super(description, null, false, true);
            setStackTrace(frames);
        }

        /** The frames are the site's, set by the constructor: the warning thread's own are not wanted. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
