package dev.poolwatch.junit;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/** The mode of one test or class: its {@link PoolLeaks}, method over class, else the configured one. */
final class TestMode {

    private TestMode() {
    }

    /** For the listener, which knows a test by its source; a source whose class cannot be loaded has the configured mode. */
    static Mode of(TestIdentifier test, Mode configured) {
        TestSource source = test.getSource().orElse(null);
        try {
            if (source instanceof MethodSource method) {
                return of(method.getJavaClass(), method.getJavaMethod(), configured);
            }
            if (source instanceof ClassSource type) {
                return of(type.getJavaClass(), null, configured);
            }
        } catch (RuntimeException | LinkageError notLoadable) {
            // JUnit's PreconditionViolationException, or a class that fails to link: the test runs without its annotation
        }
        return configured;
    }

    /** For the extension, which runs inside the test. */
    static Mode of(ExtensionContext context, Mode configured) {
        return of(context.getTestClass().orElse(null), context.getTestMethod().orElse(null), configured);
    }

    static Mode of(Class<?> testClass, Method testMethod, Mode configured) {
        if (testMethod != null && testMethod.isAnnotationPresent(PoolLeaks.class)) {
            return testMethod.getAnnotation(PoolLeaks.class).value();
        }
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            PoolLeaks annotation = type.getAnnotation(PoolLeaks.class);
            if (annotation != null) {
                return annotation.value();
            }
        }
        return configured;
    }
}
