package dev.poolwatch.samples;

import java.util.concurrent.CompletableFuture;

/** Uses only the common pool, which is the JDK's to manage: nothing to report. */
public final class CommonPoolOnly {

    private CommonPoolOnly() {
    }

    public static void main(String[] args) throws Exception {
        int answer = CompletableFuture.supplyAsync(() -> 6 * 7).get();
        System.out.println("answer " + answer);
    }
}
