package dev.poolwatch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mvn} on a project as a user runs it in a terminal, and keeps what the terminal would
 * show: standard output and standard error in one console, as they came, and the exit status.
 *
 * <p>It is the Maven that runs this build ({@code maven.home}), on the JDK the tests run on
 * ({@code JAVA_HOME}), with this build's local repository: there the project finds the poolwatch
 * artifacts this build installed, and the plugins it already has, so nothing is downloaded twice.
 * Like {@link ForkedJvm}, it passes on no JVM options from the environment the tests run in, only
 * what {@link #environment} sets.
 */
final class MavenBuild {

    private static final long TIMEOUT_SECONDS = 300;
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path project;
    private final Map<String, String> environment = new LinkedHashMap<>();

    MavenBuild(Path project) {
        this.project = project;
    }

    MavenBuild environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code mvn -B -ntp} with {@code arguments}, e.g. {@code "test"}, in the project's directory. */
    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(setByThePom("maven.home"), "bin", "mvn").toString());
        command.add("-B");
        command.add("-ntp");
        command.add("-Dmaven.repo.local=" + setByThePom("poolwatch.localRepository"));
        command.addAll(List.of(arguments));

        Path console = Files.createTempFile("poolwatch-it", ".console");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().keySet().removeAll(OPTION_VARIABLES);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS
                        + " s; its console:\n" + Files.readString(console, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(console);
        }
    }

    private static String setByThePom(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is set by the pom's Surefire configuration");
        }
        return value;
    }

    /**
     * What {@code mvn} left on the console, and how it exited.
     *
     * @param exitCode the status of {@code mvn}: 0 for BUILD SUCCESS
     */
    record Result(int exitCode, String console) {

        List<String> consoleLines() {
            return console.lines().toList();
        }
    }
}
