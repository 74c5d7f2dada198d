package dev.poolwatch.it.programs;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;

import dev.poolwatch.pool.ThreadPool;

/**
 * Hands a task, after shutdown, to each kind of pool that rejects by throwing from deep inside
 * rather than through a rejection handler: a ForkJoinPool (by two methods), a ThreadPool, and on
 * JDK 21+ a virtual-thread executor. Each from its own method; prints one line per refusal.
 */
public final class LateSubmitsToThrowingPools {

    private static final Callable<String> TASK = () -> "never runs";

    private LateSubmitsToThrowingPools() {
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool forkJoin = new ForkJoinPool(2);
        forkJoin.shutdown();
        submitTo(forkJoin);
        invokeAllOn(forkJoin);

        ThreadPool threadPool = new ThreadPool(1);
        threadPool.close();
        applyOn(threadPool);

        if (Runtime.version().feature() >= 21) {
            ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                    .invoke(null);
            virtual.shutdown();
            submitTo(virtual);
        }
    }

    private static void submitTo(ExecutorService pool) {
        try {
            pool.submit(TASK);
            System.out.println("accepted");
        } catch (RejectedExecutionException refused) {
            System.out.println("refused");
        }
    }

    private static void invokeAllOn(ExecutorService pool) throws InterruptedException {
        try {
            pool.invokeAll(List.of(TASK));
            System.out.println("accepted");
        } catch (RejectedExecutionException refused) {
            System.out.println("refused");
        }
    }

    private static void applyOn(ThreadPool pool) {
        try {
            pool.apply(TASK);
            System.out.println("accepted");
        } catch (RejectedExecutionException refused) {
            System.out.println("refused");
        }
    }
}
