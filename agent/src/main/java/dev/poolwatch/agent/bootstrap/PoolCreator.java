package dev.poolwatch.agent.bootstrap;

import java.util.Set;

/**
 * Tells a pool the JDK creates for itself ({@code HttpClient}'s executor, the virtual-thread
 * scheduler, ...) from one the program creates, frame by frame from the innermost, by the class
 * loaders of the frames' classes (see {@link PlatformClasses}). The JDK's own pools are not the
 * program's to close: they are neither recorded nor counted.
 *
 * <p>Past the agent, the pool machinery (constructors, {@code Executors}, {@code ThreadPool}'s
 * builder) and the reflection or method handles that called it, the first frame decides: a class
 * of the program's makes the pool the program's; a platform class means the JDK builds it, for
 * itself unless one of the JDK's factories that hand the pool they build to their caller
 * ({@code AsynchronousChannelGroup.withFixedThreadPool}) comes before the first frame of the
 * program's. Hidden frames must be shown: the frame of a method reference
 * ({@code ThreadLocal.withInitial(Executors::newSingleThreadExecutor)}) is the program's only one
 * between the JDK's.
 *
 * <p>A JDK pool whose first frame past the machinery is a watched library's ({@link LibraryPackages})
 * is that library's own: HikariCP's housekeeping pools belong to the data source that the program
 * closes or leaks, and are not recorded.
 */
final class PoolCreator {

    /** What the frames seen so far say. */
    enum Verdict { UNDECIDED, PROGRAM, JDK, LIBRARY }

    private static final String AGENT_PREFIX = "dev.poolwatch.agent.";
    private static final String EXECUTORS_NESTED_PREFIX = "java.util.concurrent.Executors$";

    private static final Set<String> POOL_MACHINERY = Set.of(
            "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ThreadPerTaskExecutor",
            "java.util.concurrent.Executors",
            "dev.poolwatch.pool.ThreadPool",
            "dev.poolwatch.pool.ThreadPool$Builder");

    private static final Set<String> FACTORIES_FOR_THE_CALLER = Set.of("java.nio.channels.AsynchronousChannelGroup");

    /** Whether the pool is a library's (a Netty group, a data source): its library's frames are machinery. */
    private final boolean libraryPool;
    private boolean inJdkCode;

    PoolCreator(boolean libraryPool) {
        this.libraryPool = libraryPool;
    }

    /**
     * Takes the next frame outwards; once it says {@link Verdict#PROGRAM} or {@link Verdict#JDK},
     * that is final. A stack that ends undecided has no frame of the program's: the JDK's pool.
     */
    Verdict next(Class<?> frameClass) {
        String name = frameClass.getName();
        if (!inJdkCode) {
            if (name.startsWith(AGENT_PREFIX) || POOL_MACHINERY.contains(name) || name.startsWith(EXECUTORS_NESTED_PREFIX)
                    || PlatformClasses.isCallPlumbing(frameClass)) {
                return Verdict.UNDECIDED;
            }
            if (LibraryPackages.owns(name)) {
                // a library building its own pool goes on outwards; a JDK pool it builds is its own
                return libraryPool ? Verdict.UNDECIDED : Verdict.LIBRARY;
            }
            if (!PlatformClasses.isPlatform(frameClass)) {
                return Verdict.PROGRAM;
            }
            inJdkCode = true;
        }
        if (!PlatformClasses.isPlatform(frameClass)) {
            return Verdict.JDK;
        }
        return FACTORIES_FOR_THE_CALLER.contains(name) ? Verdict.PROGRAM : Verdict.UNDECIDED;
    }
}
