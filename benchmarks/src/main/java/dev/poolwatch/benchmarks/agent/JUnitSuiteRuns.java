package dev.poolwatch.benchmarks.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link TrivialTestSuite} run by the JUnit Platform's console launcher, each run a new JVM, on
 * two sides run by run in turn: under the agent, as the README's Surefire recipe gives it
 * ({@code -javaagent}, no options); and the same with the poolwatch JUnit listener and what its
 * dependency brings on the class path (the listener finds the agent there and attaches none).
 * Each run is timed from the JVM's start to its exit.
 */
final class JUnitSuiteRuns {

    enum Side {
        AGENT("under the agent"), AGENT_AND_LISTENER("under the agent, with the JUnit listener");

        final String description;

        Side(String description) {
            this.description = description;
        }
    }

    private static final Pattern SUCCESSFUL = Pattern.compile("\\[\\s*(\\d+) tests successful\\s*\\]");
    /** Where the listener writes its report by default, relative to the working directory: proof it ran. */
    private static final String LISTENER_REPORT = "target/poolwatch-tests.json";

    private JUnitSuiteRuns() {
    }

    /** Each side's run times in milliseconds, after {@code warmUpRuns} untimed runs of each. */
    static Map<Side, List<Double>> measure(int runs, int warmUpRuns) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("junit-suite");
        try {
            Path standalone = BuildOutputs.junitSuiteLibrary("junit-platform-console-standalone.jar");
            Path tests = TrivialTestSuite.compile(directory, standalone);
            Map<Side, List<Double>> millis = new LinkedHashMap<>();
            List<Side> order = new ArrayList<>(List.of(Side.values()));
            for (Side side : order) {
                millis.put(side, new ArrayList<>());
            }
            for (int run = -warmUpRuns; run < runs; run++) {
                for (Side side : order) {
                    double elapsed = runOnce(side, directory, standalone, tests, run == -warmUpRuns);
                    if (run >= 0) {
                        millis.get(side).add(elapsed);
                    }
                }
                order.add(order.remove(0)); // rotate, so no side always runs first
            }
            return millis;
        } finally {
            deleteRecursively(directory);
        }
    }

    /** The JUnit Platform's version, from its console launcher's manifest. */
    static String platformVersion() throws IOException {
        Path launcher = BuildOutputs.junitSuiteLibrary("junit-platform-console-standalone.jar");
        try (JarFile jar = new JarFile(launcher.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }

    private static double runOnce(Side side, Path directory, Path standalone, Path tests, boolean check)
            throws IOException, InterruptedException {
        Path workingDirectory = Files.createDirectories(directory.resolve(side.name().toLowerCase()));
        List<String> classPath = new ArrayList<>(List.of(standalone.toString(), tests.toString()));
        List<String> options = new ArrayList<>(List.of("-javaagent:" + BuildOutputs.agentJar()));
        if (side == Side.AGENT_AND_LISTENER) {
            classPath.add(BuildOutputs.junitSuiteLibrary("poolwatch-junit.jar").toString());
            classPath.add(BuildOutputs.junitSuiteLibrary("byte-buddy-agent.jar").toString());
            classPath.add(BuildOutputs.agentJar().toString());
        }
        options.add("-cp");
        options.add(String.join(File.pathSeparator, classPath));
        ForkedJava.Run result = ForkedJava.run(workingDirectory, options, "org.junit.platform.console.ConsoleLauncher",
                List.of("execute", "--disable-banner", "--disable-ansi-colors", "--details=summary",
                        "--select-package=" + TrivialTestSuite.PACKAGE));
        if (check) {
            checkRan(side, result.output(), workingDirectory.resolve(LISTENER_REPORT));
        }
        return result.millis();
    }

    /** Fails unless every test passed, and the listener wrote its report on its side only. */
    private static void checkRan(Side side, String output, Path listenerReport) {
        Matcher successful = SUCCESSFUL.matcher(output);
        if (!successful.find() || Integer.parseInt(successful.group(1)) != TrivialTestSuite.tests()) {
            throw new IllegalStateException(side.description + ": expected " + TrivialTestSuite.tests()
                    + " tests successful, got:\n" + output);
        }
        if (Files.exists(listenerReport) != (side == Side.AGENT_AND_LISTENER)) {
            throw new IllegalStateException(side.description + ": the listener's report " + listenerReport
                    + (Files.exists(listenerReport) ? " was written" : " is missing"));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
