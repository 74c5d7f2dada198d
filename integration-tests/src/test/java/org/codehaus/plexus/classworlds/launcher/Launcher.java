package org.codehaus.plexus.classworlds.launcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for Maven's own launcher, by its main class name: a JVM the agent reaches through
 * {@code JAVA_TOOL_OPTIONS} and must leave alone. It leaks a pool, as a build tool may.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        ExecutorService leaked = Executors.newCachedThreadPool();
        System.out.println("leaked " + leaked.getClass().getSimpleName());
    }
}
