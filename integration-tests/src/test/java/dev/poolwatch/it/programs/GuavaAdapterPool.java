package dev.poolwatch.it.programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.common.util.concurrent.JdkFutureAdapters;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;

/**
 * Listens to a plain {@code Future} through Guava's {@code JdkFutureAdapters.listenInPoolThread},
 * whose adapter class keeps a cached pool in a static field from its static initializer on, for the
 * life of the process, and never shuts it down. The program's own pool is shut down.
 */
public final class GuavaAdapterPool {

    private GuavaAdapterPool() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> plain = pool.submit(() -> {
            Thread.sleep(50);
            return "done";
        });
        ListenableFuture<String> listenable = JdkFutureAdapters.listenInPoolThread(plain);
        CountDownLatch listenerRan = new CountDownLatch(1);
        listenable.addListener(() -> {
            System.out.println("listener ran");
            listenerRan.countDown();
        }, MoreExecutors.directExecutor());
        // The listener runs on the adapter's thread, which may complete the future before calling it.
        listenerRan.await();
        System.out.println("result: " + listenable.get());
        pool.shutdown();
    }
}
