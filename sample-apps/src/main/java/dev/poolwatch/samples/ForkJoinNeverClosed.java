package dev.poolwatch.samples;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** A dedicated ForkJoinPool used for a parallel stream and never shut down. */
public final class ForkJoinNeverClosed {

    private ForkJoinNeverClosed() {
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        long sum = pool.submit(() -> IntStream.rangeClosed(1, 1000).parallel().asLongStream().sum()).get();
        System.out.println("sum " + sum);
    }
}
