package org.junit.platform.poolwatchfixture;

import java.lang.reflect.Method;

/**
 * Stands in for a test runner: a class in the JUnit Platform's package that calls a test method by
 * reflection, as the real one does, so a forked JVM shows the stack a pool created by a test has.
 */
public final class ReflectiveRunner {

    private ReflectiveRunner() {
    }

    /** Runs {@code args[0]}'s method {@code args[1]}, a static method without parameters. */
    public static void main(String[] args) throws Exception {
        Method test = Class.forName(args[0]).getMethod(args[1]);
        test.invoke(null);
        System.out.println("ran " + test.getName());
    }
}
