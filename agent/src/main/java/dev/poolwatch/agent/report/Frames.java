package dev.poolwatch.agent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.poolwatch.agent.bootstrap.PoolCreator;

/**
 * Reads captured stacks: finds the first application frame, trims a stack to it and
 * {@code stackDepth} frames after it.
 */
public final class Frames {

    /** Besides the JDK's, classes whose frames are never the application's: the agent's and the pool library's. */
    private static final String[] OWN_PREFIXES = {"dev.poolwatch.agent.", "dev.poolwatch.pool."};

    private final int stackDepth;

    public Frames(int stackDepth) {
        this.stackDepth = stackDepth;
    }

    static boolean isPlatform(String className) {
        if (PoolCreator.isJdkClass(className)) {
            return true;
        }
        for (String prefix : OWN_PREFIXES) {
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
