package dev.poolwatch.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * One test's (or class's) entry in the JSON report.
 *
 * @param className its class, or {@code null} if JUnit names none (a test of another engine, say)
 * @param methodName its method, or {@code null} for a class
 * @param displayName JUnit's display name of it
 * @param verdict what it left open
 */
record TestLeaks(String className, String methodName, String displayName, Verdict verdict) {

    static TestLeaks of(TestIdentifier test, Verdict verdict) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return new TestLeaks(method.getClassName(), method.getMethodName(), test.getDisplayName(), verdict);
        }
        if (source instanceof ClassSource type) {
            return new TestLeaks(type.getClassName(), null, test.getDisplayName(), verdict);
        }
        return new TestLeaks(null, null, test.getDisplayName(), verdict);
    }
}
