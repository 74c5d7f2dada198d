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

/**
 * Runs a main class in a new JVM, the same JDK the tests run on, and collects what it printed.
 * Output goes to files rather than pipes, so a chatty program can never block on a full pipe.
 */
final class ForkedJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> classPath = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();

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

    ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass.getName());
        command.addAll(List.of(args));

        Path stdout = Files.createTempFile("poolwatch-it", ".out");
        Path stderr = Files.createTempFile("poolwatch-it", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(mainClass.getName() + " did not exit within " + TIMEOUT_SECONDS + " s; stderr:\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** What a forked JVM left behind. */
    record Result(int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }
    }
}
