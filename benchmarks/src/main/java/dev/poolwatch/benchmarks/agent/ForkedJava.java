package dev.poolwatch.benchmarks.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a Java program in a new JVM of the JDK this program runs on, timed from the start of the
 * process to its exit. Output goes to files, so a chatty program never blocks on a full pipe.
 */
final class ForkedJava {

    private static final long TIMEOUT_SECONDS = 300;

    /** What a run printed on standard output, and how long it took from start to exit. */
    record Run(String output, double millis) {
    }

    private ForkedJava() {
    }

    /**
     * Runs {@code java <options> <mainClass> <arguments>} in {@code workingDirectory}.
     *
     * @throws IllegalStateException if it does not exit with status 0 within five minutes; the
     *     message has the end of what it printed on standard error
     */
    static Run run(Path workingDirectory, List<String> options, String mainClass, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add(mainClass);
        command.addAll(arguments);
        Path output = Files.createTempFile("forked-java", ".out");
        Path errors = Files.createTempFile("forked-java", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile());
            // The JVM's own options only: a variable the user set would reach one side's JVM and print a line.
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: "
                        + String.join(" ", command));
            }
            double millis = (System.nanoTime() - start) / 1e6;
            if (process.exitValue() != 0) {
                String errorText = Files.readString(errors, StandardCharsets.UTF_8);
                throw new IllegalStateException("exit status " + process.exitValue() + ": " + String.join(" ", command)
                        + "\n" + errorText.substring(Math.max(0, errorText.length() - 2000)));
            }
            return new Run(Files.readString(output, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
