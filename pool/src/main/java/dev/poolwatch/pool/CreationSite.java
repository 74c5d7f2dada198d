package dev.poolwatch.pool;

import java.util.Arrays;
import java.util.Set;

/**
 * Where a pool was created, printed as the cause of a leak warning.
 *
 * <p>Capturing is cheap: the JVM records the frames when the throwable is constructed, but the
 * {@link StackTraceElement}s are built only if a warning is printed. The library's own frames are
 * removed then, so the first frame shown is the caller's.
 */
final class CreationSite extends Throwable {

    private static final long serialVersionUID = 1L;

    /** {@code -Ddev.poolwatch.pool.creationStack=false} turns capture off for pools built without an explicit choice. */
    static final boolean CAPTURE_BY_DEFAULT =
            !"false".equalsIgnoreCase(System.getProperty("dev.poolwatch.pool.creationStack", "true"));

    private static final Set<String> LIBRARY_FRAMES = Set.of(
            CreationSite.class.getName(),
            ThreadPool.class.getName(),
            ThreadPool.Builder.class.getName(),
            LeakGuard.class.getName(),
            GuardedExecutorService.class.getName());

    private CreationSite(String message, boolean captureStack) {
        super(message, null, false, captureStack);
    }

    static CreationSite capture(String poolName, boolean captureStack) {
        String thread = Thread.currentThread().getName();
        if (captureStack) {
            return new CreationSite(poolName + " was created here, by thread \"" + thread + "\"", true);
        }
        return new CreationSite(poolName + " was created by thread \"" + thread
                + "\"; its creation stack was not captured (run with -Ddev.poolwatch.pool.creationStack=true)", false);
    }

    /** Returns this site with the library's leading frames removed. */
    CreationSite trimmed() {
        StackTraceElement[] frames = getStackTrace();
        int first = 0;
        while (first < frames.length && LIBRARY_FRAMES.contains(frames[first].getClassName())) {
            first++;
        }
        if (first > 0) {
            setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
        }
        return this;
    }
}
