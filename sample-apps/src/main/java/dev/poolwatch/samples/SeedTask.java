package dev.poolwatch.samples;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The task of the seed article's examples, and the thread listing they print. */
final class SeedTask {

    private SeedTask() {
    }

    /** Reports, blocks for a second, reports: the article's {@code task()}. */
    static Void run() throws InterruptedException {
        return runFor(1);
    }

    /** The article's task, blocking for {@code seconds} instead of one. */
    static Void runFor(long seconds) throws InterruptedException {
        System.out.println("Task executing");
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            System.out.println("Task interrupted");
            throw e;
        }
        System.out.println("Task done");
        return null;
    }

    /** Prints the threads of the application's thread group with their daemon status, as the article does. */
    static void printApplicationThreads() {
        ThreadGroup main = Thread.currentThread().getThreadGroup();
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        long count = all.keySet().stream().filter(t -> t.getThreadGroup() == main).count();
        System.out.println("Active threads: " + count);
        all.keySet().stream()
                .filter(t -> t.getThreadGroup() == main)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(t -> System.out.println("  " + t.getName() + (t.isDaemon() ? " (daemon)" : "")));
    }
}
