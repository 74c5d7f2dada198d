package dev.poolwatch.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A test's name as poolwatch prints it: {@code demo.LeakyTest.leaks()} for a method, the class name
 * for a class, with the display name after it where that says more (a parameterized invocation).
 */
final class TestName {

    private TestName() {
    }

    static String of(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return methodName(method.getClassName(), method.getMethodName(), test.getDisplayName());
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return test.getDisplayName();
    }

    static String of(ExtensionContext context) {
        String className = context.getRequiredTestClass().getName();
        return context.getTestMethod()
                .map(method -> methodName(className, method.getName(), context.getDisplayName()))
                .orElse(className);
    }

    private static String methodName(String className, String methodName, String displayName) {
        String name = className + "." + methodName + "()";
        return displayName.equals(methodName + "()") ? name : name + " [" + displayName + "]";
    }
}
