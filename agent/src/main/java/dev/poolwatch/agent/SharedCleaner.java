package dev.poolwatch.agent;

import java.lang.ref.Cleaner;

import jdk.internal.ref.CleanerFactory;

/**
 * The JDK's own shared {@link Cleaner}, whose thread already runs in nearly every JVM, so the agent
 * adds no thread a leak checker in the program could count. A JDK without it gets a daemon cleaner
 * thread of the agent's own.
 */
final class SharedCleaner {

    private SharedCleaner() {
    }

    static Cleaner get() {
        try {
            return CleanerFactory.cleaner();
        } catch (RuntimeException | LinkageError unavailable) {
            return Cleaner.create(task -> {
                Thread thread = new Thread(task, "poolwatch-registry-cleaner");
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
