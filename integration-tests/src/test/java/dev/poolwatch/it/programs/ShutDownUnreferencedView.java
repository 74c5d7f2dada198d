package dev.poolwatch.it.programs;

import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.poolwatch.pool.LeakGuard;

/**
 * {@code shutdown()} through a {@link LeakGuard} view that nothing but that call references, of an
 * executor whose shutdown takes a while, while another thread runs the garbage collector. Run with
 * compiled callers ({@code -Xcomp}), only the view's own method can keep the view reachable until
 * it returns. Prints whether the executor was shut down by its caller alone.
 */
public final class ShutDownUnreferencedView {

    /** Tells the collector whether the view is gone, without keeping it reachable. */
    private static volatile WeakReference<ExecutorService> weakView;

    private ShutDownUnreferencedView() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch collectorDone = new CountDownLatch(1);
        SlowToShutDown executor = new SlowToShutDown(collectorDone);
        Thread main = Thread.currentThread();
        Thread collector = new Thread(() -> {
            if (!WhileWaiting.survivesCollections(main, () -> weakView)) {
                System.out.println("view collected while its caller waited");
            }
            collectorDone.countDown();
        }, "collector");
        collector.setDaemon(true);
        collector.start();
        shutDownThroughTheView(executor);
        if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
            System.out.println("executor terminated, " + executor.getCompletedTaskCount() + " task run");
        }
    }

    private static void shutDownThroughTheView(ExecutorService executor) {
        ExecutorService view = LeakGuard.wrap(executor);
        weakView = new WeakReference<>(view);
        view.execute(() -> { });
        view.shutdown();
    }

    /** A pool whose {@code shutdown()} first waits for the collector, as one that flushes something would. */
    private static final class SlowToShutDown extends ThreadPoolExecutor {

        private final CountDownLatch collectorDone;

        SlowToShutDown(CountDownLatch collectorDone) {
            super(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            this.collectorDone = collectorDone;
        }

        @Override
        public void shutdown() {
            try {
                collectorDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.shutdown();
        }
    }
}
