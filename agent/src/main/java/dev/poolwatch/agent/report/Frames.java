package dev.poolwatch.agent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.poolwatch.agent.bootstrap.PoolCreator;

/**
 * Reads captured stacks: finds the first application frame, trims a stack to it and
 * {@code stackDepth} frames after it.
 *
 * <p>Frames that are never the application's: the JDK's, the agent's, the pool library's, and
 * those of the test runners that run the agent in CI. A pool or a submit whose stack holds nothing
 * else is a runner's own affair (Surefire's booter leaves a scheduled pool to the garbage
 * collector in every forked test JVM), and reporting it would bury the program's own leaks.
 */
public final class Frames {

    private static final String[] NOT_APPLICATION_PREFIXES = {
        "dev.poolwatch.agent.", "dev.poolwatch.pool.",
        // Maven Surefire and Failsafe, Gradle's test workers, IntelliJ's and Eclipse's runners
        "org.apache.maven.surefire.", "org.gradle.", "worker.org.gradle.", "com.intellij.rt.",
        "org.eclipse.jdt.internal.junit.",
        // the JUnit Platform, its engines and JUnit 4's runners, TestNG's internals
        "org.junit.platform.", "org.junit.jupiter.engine.", "org.junit.vintage.engine.", "org.junit.runners.",
        "org.junit.internal.", "org.testng.internal."};

    private final int stackDepth;

    public Frames(int stackDepth) {
        this.stackDepth = stackDepth;
    }

    static boolean isPlatform(String className) {
        if (PoolCreator.isJdkClass(className)) {
            return true;
        }
        for (String prefix : NOT_APPLICATION_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The frames from the first application frame on, at most {@code 1 + stackDepth}; empty if there is none. */
    public List<String> trim(Throwable site) {
        if (site == null) {
            return Collections.emptyList();
        }
        StackTraceElement[] frames = site.getStackTrace();
        int first = firstApplicationFrame(frames);
        if (first < 0) {
            return Collections.emptyList();
        }
        List<String> kept = new ArrayList<>();
        for (int i = first; i < frames.length && kept.size() <= stackDepth; i++) {
            kept.add(frames[i].toString());
        }
        return kept;
    }

    /** The class of the first application frame, or {@code null} if the stack has none. */
    public static String firstApplicationClass(Throwable site) {
        StackTraceElement[] frames = site.getStackTrace();
        int first = firstApplicationFrame(frames);
        return first < 0 ? null : frames[first].getClassName();
    }

    private static int firstApplicationFrame(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (!isPlatform(frames[i].getClassName())) {
                return i;
            }
        }
        return -1;
    }
}
