package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drops an {@code Executors.newSingleThreadExecutor()} without shutting it down. The JDK shuts it
 * down when the garbage collector finds it unreachable (a finalizer on JDK 17, a Cleaner on 21+):
 * closed, but by luck, not by the program.
 */
public final class GcClosedExecutor {

    private GcClosedExecutor() {
    }

    public static void main(String[] args) throws Exception {
        String worker = useAndForget();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (threadAlive(worker) && System.nanoTime() < deadline) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        System.out.println(threadAlive(worker) ? "worker still alive" : "worker " + worker + " ended after GC");
    }

    private static String useAndForget() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        return single.submit(() -> Thread.currentThread().getName()).get();
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
    }
}
