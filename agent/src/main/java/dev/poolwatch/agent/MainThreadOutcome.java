package dev.poolwatch.agent;

/**
 * Remembers whether the main thread died of an uncaught exception. The launcher then exits with
 * status 1 without calling {@code System.exit}, and {@code failOnLeak} must keep that status.
 *
 * <p>Installed as the main thread's own handler; it hands every exception on to the handler that
 * was in place, so the program sees the same output.
 */
final class MainThreadOutcome implements Thread.UncaughtExceptionHandler {

    private static volatile boolean diedOfException;

    private final Thread.UncaughtExceptionHandler previous;

    private MainThreadOutcome(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    static void watch(Thread main) {
        main.setUncaughtExceptionHandler(new MainThreadOutcome(main.getUncaughtExceptionHandler()));
    }

    static boolean diedOfException() {
        return diedOfException;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable exception) {
        diedOfException = true;
        previous.uncaughtException(thread, exception);
    }
}
