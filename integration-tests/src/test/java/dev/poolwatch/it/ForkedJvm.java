package dev.poolwatch.it;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs a main class in a new JVM, the same JDK the tests run on, and collects what it printed.
 * Output goes to files rather than pipes, so a chatty program can never block on a full pipe.
 *
 * <p>Every JVM verifies the classes of the boot class loader ({@code -XX:+BytecodeVerificationLocal}),
 * which the JVM otherwise trusts: the JDK classes the agent weaves are verified in every test.
 *
 * <p>The JVM gets no {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}
 * from the environment the tests run in (each would print a line of its own on stderr), only what
 * {@link #environment} sets. It runs in a UTF-8 locale unless a test sets {@code LC_ALL}.
 */
final class ForkedJvm {

    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private static final String UTF8_LOCALE = "C.UTF-8";
    private static final List<String> VERIFY_BOOT_CLASSES = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal");

    private final List<String> classPath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** The agent jar the build made ({@code poolwatch.agentJar}, set by the pom). */
    static Path agentJar() {
        Path jar = Paths.get(System.getProperty("poolwatch.agentJar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the agent jar is built before these tests run: " + jar);
        }
        return jar;
    }

    /** Another tool's agent jar, copied by the pom into {@code poolwatch.otherAgents}. */
    static Path otherAgentJar(String fileName) {
        return Paths.get(System.getProperty("poolwatch.otherAgents"), fileName);
    }

    /** {@code -javaagent:} text for the real agent jar, with {@code options} unless empty. */
    static String javaagent(String options) {
        return "-javaagent:" + agentJar() + (options.isEmpty() ? "" : "=" + options);
    }

    ForkedJvm classPathOf(Class<?>... classes) {
        for (Class<?> type : classes) {
            try {
                classPath.add(Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the class path entry of " + type, e);
            }
        }
        return this;
    }

    ForkedJvm classPath(List<Path> entries) {
        entries.forEach(entry -> classPath.add(entry.toString()));
        return this;
    }

    ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Loads the real agent jar with its default options. */
    ForkedJvm agent() {
        return agent("");
    }

    /** Loads the real agent jar with {@code options}, the text after {@code =}. */
    ForkedJvm agent(String options) {
        return jvmOption(javaagent(options));
    }

    ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(mainClass.getName(), args);
    }

    /** Runs a main class named in text: one the tests cannot link to, e.g. compiled for a newer JDK. */
    Result run(String mainClass, String... args) throws IOException, InterruptedException {
        return run(null, mainClass, args);
    }

    /**
     * Runs a program that is not expected to exit by itself: as soon as {@code done} holds for what
     * it printed on stderr so far, or the program exits, the JVM is killed (SIGKILL, so no shutdown
     * hook runs) if it is still alive.
     */
    Result runUntil(Predicate<String> done, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(done, mainClass.getName(), args);
    }

    /**
     * Starts a program whose standard error is a pipe that nobody reads: once the pipe's buffer is
     * full, every write to it blocks. The caller ends the process.
     */
    Process startWithUndrainedStderr(Class<?> mainClass, String... args) throws IOException {
        ProcessBuilder builder = processBuilder(mainClass.getName(), args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        return builder.start();
    }

    private ProcessBuilder processBuilder(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(VERIFY_BOOT_CLASSES);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(OPTION_VARIABLES);
        builder.environment().put("LANG", UTF8_LOCALE);
        builder.environment().remove("LC_ALL");
        builder.environment().putAll(environment);
        return builder;
    }

    /** @param done when to kill a program that runs on, or {@code null} to wait for it to exit */
    private Result run(Predicate<String> done, String mainClass, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("poolwatch-it", ".out");
        Path stderr = Files.createTempFile("poolwatch-it", ".err");
        try {
            Process process = processBuilder(mainClass, args)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)
                    && (done == null || !done.test(Files.readString(stderr, StandardCharsets.UTF_8)))) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(mainClass + " did not exit within " + TIMEOUT_SECONDS + " s; stderr:\n"
                            + Files.readString(stderr, StandardCharsets.UTF_8));
                }
            }
            boolean killed = process.isAlive();
            if (killed) {
                process.destroyForcibly().waitFor();
            }
            return new Result(process.exitValue(), killed, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * What a forked JVM left behind.
     *
     * @param killed whether {@link #runUntil} had to kill it: then {@code exitCode} is the kill's
     */
    record Result(int exitCode, boolean killed, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
