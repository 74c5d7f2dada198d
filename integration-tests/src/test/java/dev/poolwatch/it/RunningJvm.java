package dev.poolwatch.it;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program left running in a JVM of its own while a test looks at it from outside (attaches to it,
 * reads its MBeans), then stopped. Its output goes to files, read at any time.
 */
final class RunningJvm implements AutoCloseable {

    private static final long READY_SECONDS = 60;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RunningJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code mainClass} with {@code jvmOptions} and waits until it prints {@code readyLine} on stdout. */
    static RunningJvm start(List<String> jvmOptions, Class<?> mainClass, String readyLine, String... args)
            throws IOException, InterruptedException {
        return start(jvmOptions, List.of(classPathOf(mainClass)), mainClass.getName(),
                stdout -> stdout.lines().anyMatch(readyLine::equals), args);
    }

    /**
     * Starts {@code mainClass} on {@code classPath} with {@code jvmOptions} and waits until what it printed
     * on stdout so far is {@code ready}.
     */
    static RunningJvm start(List<String> jvmOptions, List<String> classPath, String mainClass, Predicate<String> ready,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("poolwatch-running", ".out");
        Path stderr = Files.createTempFile("poolwatch-running", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        RunningJvm jvm = new RunningJvm(builder.start(), stdout, stderr);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (!ready.test(jvm.stdout())) {
            if (!jvm.process.isAlive() || System.nanoTime() > deadline) {
                String output = jvm.stdout() + jvm.stderr();
                jvm.close();
                throw new AssertionError(mainClass + " did not get ready:\n" + output);
            }
            Thread.sleep(20);
        }
        return jvm;
    }

    /** Asks the program to stop as a service manager does: SIGTERM, so its shutdown hooks run. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the program to exit by itself, and returns its exit status; fails if it does not within a minute. */
    int awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(READY_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + READY_SECONDS + " s:\n" + stdout() + stderr());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** The {@code java} of the JDK the tests run on. */
    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPathOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the class path entry of " + type, e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
    }
}
