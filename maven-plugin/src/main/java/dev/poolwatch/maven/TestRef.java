package dev.poolwatch.maven;

/**
 * A test as the JUnit listener's report names it.
 *
 * @param className its class
 * @param methodName its method, {@code null} for what the class itself leaked ({@code @BeforeAll}, ...)
 * @param displayName JUnit's display name of it
 */
record TestRef(String className, String methodName, String displayName) {

    /** {@code demo.LeakyTest.leaks()}, or the class name for a class's own leak. */
    String label() {
        return methodName == null ? className : className + "." + methodName + "()";
    }
}
