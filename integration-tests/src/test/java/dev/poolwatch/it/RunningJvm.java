package dev.poolwatch.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPathOf(mainClass));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("poolwatch-running", ".out");
        Path stderr = Files.createTempFile("poolwatch-running", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        RunningJvm jvm = new RunningJvm(builder.start(), stdout, stderr);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (!jvm.stdout().lines().anyMatch(readyLine::equals)) {
            if (!jvm.process.isAlive() || System.nanoTime() > deadline) {
                String output = jvm.stdout() + jvm.stderr();
                jvm.close();
                throw new AssertionError(mainClass.getName() + " did not print " + readyLine + ":\n" + output);
            }
            Thread.sleep(20);
        }
        return jvm;
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
