package dev.poolwatch.it.programs;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Shuts a pool down, then hands it three tasks from one line, which its DiscardPolicy silently drops. */
public final class RepeatedLateSubmits {

    private RepeatedLateSubmits() {
    }

    public static void main(String[] args) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
        pool.shutdown();
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> System.out.println("never runs"));
        }
        System.out.println("three late tasks dropped");
    }
}
