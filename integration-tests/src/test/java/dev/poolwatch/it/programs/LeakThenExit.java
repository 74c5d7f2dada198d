package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leaves a cached pool open (it never starts a thread), then ends the way the argument says:
 * {@code return} from main, {@code exit <status>} through {@code System.exit}, or {@code throw} an
 * exception out of main.
 */
public final class LeakThenExit {

    private LeakThenExit() {
    }

    public static void main(String[] args) {
        ExecutorService leaked = Executors.newCachedThreadPool();
        System.out.println("leaked " + leaked.getClass().getSimpleName());
        switch (args[0]) {
            case "return" -> {
                return;
            }
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "throw" -> throw new IllegalStateException("main failed on purpose");
            default -> throw new IllegalArgumentException("return, exit <status> or throw, not " + args[0]);
        }
    }
}
