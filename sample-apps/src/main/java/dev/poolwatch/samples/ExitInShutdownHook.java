package dev.poolwatch.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A shutdown hook that calls {@code System.exit}: the JDK blocks that call forever, so this JVM
 * hangs on exit. Run it only under a timeout.
 */
public final class ExitInShutdownHook {

    private ExitInShutdownHook() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService leaked = Executors.newFixedThreadPool(1);
        leaked.submit(() -> 1).get();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(4), "exiting-hook"));
        System.out.println("exiting");
        System.exit(0);
    }
}
