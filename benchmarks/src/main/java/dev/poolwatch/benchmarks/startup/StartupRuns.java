package dev.poolwatch.benchmarks.startup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Times a program's start-up, run and exit in a fresh JVM per run, under each of a set of sides (JVM
 * options: none, an agent, two agents), interleaved run by run and rotated, so that the machine's
 * noise falls on every side alike and no side always runs first.
 *
 * <p>It runs from the repository root after {@code mvn install -DskipTests}, and finds the agent
 * jars under the modules' {@code target} directories.
 */
final class StartupRuns {

    static final Path POOLWATCH = Paths.get("agent/target/poolwatch-agent.jar");
    static final Path JACOCO = Paths.get("benchmarks/target/other-agents/jacocoagent.jar");

    private static final int WARM_UP_RUNS = 3;

    private final Map<String, List<String>> sides = new LinkedHashMap<>();

    /** Adds a side: its name and the JVM options that make it. */
    StartupRuns side(String name, List<String> jvmOptions) {
        sides.put(name, List.copyOf(jvmOptions));
        return this;
    }

    /** Each side's wall times in milliseconds, {@code runs} of each after the warm-up runs. */
    Map<String, List<Double>> time(Class<?> program, int runs) throws IOException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        sides.keySet().forEach(side -> millis.put(side, new ArrayList<>()));
        List<String> order = new ArrayList<>(sides.keySet());
        for (int run = -WARM_UP_RUNS; run < runs; run++) {
            for (String side : order) {
                double elapsed = timeOneRun(javaCommand(sides.get(side), program));
                if (run >= 0) {
                    millis.get(side).add(elapsed);
                }
            }
            order.add(order.remove(0));
        }
        return millis;
    }

    static List<String> poolwatchAgent() {
        return List.of("-javaagent:" + existing(POOLWATCH));
    }

    /** JaCoCo's agent, writing its coverage into {@code exec}, which the caller deletes. */
    static List<String> jacocoAgent(Path exec) {
        return List.of("-javaagent:" + existing(JACOCO) + "=destfile=" + exec);
    }

    /** A jar holding only a manifest that names {@link NoOpAgent}, which the JVM finds on the class path. */
    static Path noOpAgentJar() throws IOException {
        Path jar = Files.createTempFile("no-op-agent", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", NoOpAgent.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " does not exist: run `mvn -B -ntp install -DskipTests`"
                    + " from the repository root first, and run this from there");
        }
        return path;
    }

    private static String codeSource(Class<?> program) {
        try {
            return Paths.get(program.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("where " + program.getName() + " was loaded from is no path", e);
        }
    }

    /** The command that runs {@code program} from where it was loaded, in this JVM's {@code java}. */
    static List<String> javaCommand(List<String> jvmOptions, Class<?> program) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", existing(Paths.get(codeSource(program))).toString(), program.getName()));
        return command;
    }

    private static double timeOneRun(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        long elapsed = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit status " + process.exitValue() + ": " + String.join(" ", command));
        }
        return elapsed / 1e6;
    }
}
