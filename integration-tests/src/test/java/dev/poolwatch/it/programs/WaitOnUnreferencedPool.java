package dev.poolwatch.it.programs;

import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.ThreadPool;

/**
 * The seed's idiom, {@code shutdown()} then {@code join()} (or {@code awaitTermination}, as the
 * first argument says), on a pool that nothing but the waiting call references, while another
 * thread runs the garbage collector. Run with compiled callers ({@code -Xcomp}), the waiting frame
 * no longer holds the pool: only the pool's own methods can keep it reachable until they return.
 * Prints what became of its two tasks, one running and one queued behind it.
 *
 * <p>The running task lasts until the collector has run without collecting the pool. If it
 * collects it, the task waits instead for what the Cleaner does next.
 */
public final class WaitOnUnreferencedPool {

    /** Tells the collector whether the pool is gone, without keeping it reachable. */
    private static volatile WeakReference<ThreadPool> weakPool;

    private WaitOnUnreferencedPool() {
    }

    public static void main(String[] args) throws Exception {
        boolean join = switch (args[0]) {
            case "join" -> true;
            case "awaitTermination" -> false;
            default -> throw new IllegalArgumentException("join or awaitTermination, not " + args[0]);
        };
        CountDownLatch poolSurvived = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread collector = new Thread(() -> {
            if (WhileWaiting.survivesCollections(main, () -> weakPool)) {
                poolSurvived.countDown();
            } else {
                System.out.println("pool collected while its caller waited");
            }
        }, "collector");
        collector.setDaemon(true);
        collector.start();
        runTwoTasksAndWait(join, poolSurvived);
        System.out.println("main done");
    }

    private static void runTwoTasksAndWait(boolean join, CountDownLatch poolSurvived) throws InterruptedException {
        ThreadPool pool = new ThreadPool(1);
        weakPool = new WeakReference<>(pool);
        pool.execute(() -> {
            try {
                if (poolSurvived.await(1, TimeUnit.MINUTES)) {
                    System.out.println("running task done");
                } else {
                    System.out.println("running task timed out");
                }
            } catch (InterruptedException e) {
                System.out.println("running task interrupted");
            }
        });
        pool.execute(() -> System.out.println("queued task ran"));
        pool.shutdown();
        if (join) {
            pool.join();
        } else {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
