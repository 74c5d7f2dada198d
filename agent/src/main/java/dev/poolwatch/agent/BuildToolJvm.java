package dev.poolwatch.agent;

import java.util.Map;

/**
 * Tells a build tool's own JVM by its main class. {@code JAVA_TOOL_OPTIONS} reaches every JVM of a
 * CI job: Maven's or Gradle's own as well as the test JVMs they start. Checking the build tool would
 * print a report about the build tool, last on the console, and write it over the tests' report.
 */
final class BuildToolJvm {

    private static final Map<String, String> TOOL_BY_MAIN_CLASS = Map.of(
            "org.codehaus.plexus.classworlds.launcher.Launcher", "Maven",
            "org.gradle.launcher.daemon.bootstrap.GradleDaemon", "Gradle's daemon",
            "org.gradle.launcher.GradleMain", "Gradle",
            "org.gradle.wrapper.GradleWrapperMain", "the Gradle wrapper");

    private BuildToolJvm() {
    }

    /**
     * The build tool this JVM runs, or {@code null} for any other program (test JVMs included:
     * Surefire's and Gradle's test workers have main classes of their own).
     *
     * @param javaCommand the launcher's command line, {@code sun.java.command}: main class or jar, then arguments
     */
    static String toolOf(String javaCommand) {
        if (javaCommand == null) {
            return null;
        }
        int space = javaCommand.indexOf(' ');
        return TOOL_BY_MAIN_CLASS.get(space < 0 ? javaCommand : javaCommand.substring(0, space));
    }
}
