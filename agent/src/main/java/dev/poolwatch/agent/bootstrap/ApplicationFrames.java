package dev.poolwatch.agent.bootstrap;

/**
 * Which frames of a stack are the application's, which after the first are plumbing that a site
 * leaves out, and where a site ends.
 *
 * <p>Never the application's: platform classes, the agent's and the pool library's, the watched
 * libraries' ({@link LibraryPackages}), and the test runners' that run the agent in CI. A pool or a submit whose stack holds nothing else is a runner's
 * own affair (Surefire's booter leaves a scheduled pool to the garbage collector in every forked
 * test JVM), and reporting it would bury the program's own leaks.
 *
 * <p>After the first application frame, reflection, method handles and the test framework's API only
 * carry a call from one frame to the next, and the first test runner frame starts the runner's own business: a site that
 * kept them would spend its {@code stackDepth} frames on them (under JUnit, most of a stack).
 */
final class ApplicationFrames {

    private static final String[] TOOL_PREFIXES = {"dev.poolwatch.agent.", "dev.poolwatch.pool."};

    private static final String[] RUNNER_PREFIXES = {
        // Maven Surefire and Failsafe, Gradle's test workers, IntelliJ's and Eclipse's runners
        "org.apache.maven.surefire.", "org.gradle.", "worker.org.gradle.", "com.intellij.rt.",
        "org.eclipse.jdt.internal.junit.",
        // the JUnit Platform, its engines and JUnit 4's runners, TestNG's internals
        "org.junit.platform.", "org.junit.jupiter.engine.", "org.junit.vintage.engine.", "org.junit.runners.",
        "org.junit.internal.", "org.testng.internal."};

    /**
     * The test framework's API that tests call, and that calls back into them: never a site's first
     * frame (a pool JUnit keeps in its root store for {@code @Timeout} is JUnit's, not the test's during
     * which it was first needed), and left out after it ({@code assertThrows} between a lambda and the
     * test method that wrote it).
     */
    private static final String[] TEST_API_PREFIXES = {"org.junit.jupiter.api.", "org.junit.jupiter.params."};

    private ApplicationFrames() {
    }

    static boolean isApplication(Class<?> type) {
        if (PlatformClasses.isPlatform(type)) {
            return false;
        }
        String name = type.getName();
        return !startsWithAny(name, TOOL_PREFIXES) && !isRunner(name) && !startsWithAny(name, TEST_API_PREFIXES)
                && !LibraryPackages.owns(name);
    }

    /** Whether a frame after the first application frame is plumbing, left out of the site. */
    static boolean isPlumbing(Class<?> type) {
        return PlatformClasses.isCallPlumbing(type) || startsWithAny(type.getName(), TEST_API_PREFIXES);
    }

    /** Whether a frame is a test runner's: after the first application frame, the site ends there. */
    static boolean isRunner(String className) {
        return startsWithAny(className, RUNNER_PREFIXES);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
