package dev.poolwatch.agent.bootstrap;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells whether the thread being constructed is a pool's worker, from the frames of the thread that
 * constructs it: a pool's method that starts a worker calls the thread factory, which calls
 * {@code Thread}'s constructor. Asked only for a thread constructed inside a {@link Scope}.
 */
final class PoolWorkerConstruction {

    /** Frames searched: the constructor's chain and a thread factory or two of a library's fit in it. */
    private static final int FRAMES_SEARCHED = 32;

    /** Class and method of each pool method that constructs a worker thread. */
    private static final Set<String> STARTS_WORKER = Set.of(
            "java.util.concurrent.ThreadPoolExecutor.addWorker",
            "java.util.concurrent.ForkJoinPool.createWorker",
            "java.util.concurrent.ThreadPerTaskExecutor.newThread",
            "dev.poolwatch.pool.PoolCore.startWorker");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private PoolWorkerConstruction() {
    }

    static boolean isUnderway() {
        return WALKER.walk(PoolWorkerConstruction::startsWorker);
    }

    private static boolean startsWorker(Stream<StackWalker.StackFrame> frames) {
        return frames.limit(FRAMES_SEARCHED)
                .anyMatch(frame -> STARTS_WORKER.contains(frame.getClassName() + '.' + frame.getMethodName()));
    }
}
