package dev.poolwatch.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Times the start-up, run and exit of {@link HelloPool} in a fresh JVM: bare, with an agent that
 * does nothing ({@link NoOpAgent}: what the JVM itself charges for any agent), with the poolwatch
 * agent, and with JaCoCo's agent, interleaved run by run so that the machine's noise falls on all
 * sides alike. Prints each side's median wall time, its overhead and ratio against bare, and its
 * overhead as a share of JaCoCo's.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.poolwatch.benchmarks.startup.StartupOverhead [runs]</pre>
 *
 * {@code -Dstartup.extraSides=...} adds sides to the same run (see {@link #EXTRA_SIDES}).
 *
 * Run it from the repository root after {@code mvn install -DskipTests}; it finds the agent jar,
 * JaCoCo's agent and this program's classes under the modules' {@code target} directories.
 */
public final class StartupOverhead {

    private static final int WARM_UP_RUNS = 3;
    /**
     * More sides for the same interleaved run, to compare a variant with the others: {@code name=JVM
     * options} separated by {@code ;}, e.g. {@code -Dstartup.extraSides="old=-javaagent:/tmp/old.jar"}.
     */
    private static final String EXTRA_SIDES = "startup.extraSides";

    private StartupOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        Path poolwatch = existing(Paths.get("agent/target/poolwatch-agent.jar"));
        Path jacoco = existing(Paths.get("benchmarks/target/other-agents/jacocoagent.jar"));
        Path classes = existing(Paths.get(HelloPool.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Path jacocoExec = Files.createTempFile("startup-jacoco", ".exec");
        Path noOpAgent = noOpAgentJar();

        Map<String, List<String>> sides = new LinkedHashMap<>();
        sides.put("bare", List.of());
        sides.put("no-op agent", List.of("-javaagent:" + noOpAgent));
        sides.put("poolwatch", List.of("-javaagent:" + poolwatch));
        sides.put("jacoco", List.of("-javaagent:" + jacoco + "=destfile=" + jacocoExec));
        sides.putAll(extraSides(System.getProperty(EXTRA_SIDES, "")));

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        sides.keySet().forEach(side -> millis.put(side, new ArrayList<>()));
        List<String> order = new ArrayList<>(sides.keySet());
        for (int run = -WARM_UP_RUNS; run < runs; run++) {
            for (String side : order) {
                double elapsed = timeOneRun(sides.get(side), classes);
                if (run >= 0) {
                    millis.get(side).add(elapsed);
                }
            }
            order.add(order.remove(0)); // rotate, so no side always runs first
        }
        Files.deleteIfExists(jacocoExec);
        Files.deleteIfExists(noOpAgent);

        double bare = median(millis.get("bare"));
        double jacocoOverhead = median(millis.get("jacoco")) - bare;
        System.out.printf(Locale.ROOT, "%s on %s, %d runs per side (after %d warm-up runs), HelloPool:%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), runs, WARM_UP_RUNS);
        System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %12s %7s %12s%n", "side", "median ms", "min ms", "max ms",
                "overhead ms", "ratio", "of jacoco's");
        for (Map.Entry<String, List<Double>> side : millis.entrySet()) {
            double median = median(side.getValue());
            System.out.printf(Locale.ROOT, "%-16s %10.1f %10.1f %10.1f %+12.1f %7.2f %12.2f%n", side.getKey(), median,
                    side.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    side.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    median - bare, median / bare, (median - bare) / jacocoOverhead);
        }
    }

    private static Map<String, List<String>> extraSides(String specification) {
        Map<String, List<String>> sides = new LinkedHashMap<>();
        for (String side : specification.split(";")) {
            if (side.isBlank()) {
                continue;
            }
            int equals = side.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(EXTRA_SIDES + ": expected name=JVM options, got " + side);
            }
            sides.put(side.substring(0, equals).strip(), List.of(side.substring(equals + 1).strip().split("\\s+")));
        }
        return sides;
    }

    /** A jar holding only a manifest that names {@link NoOpAgent}, which the JVM finds on the class path. */
    private static Path noOpAgentJar() throws IOException {
        Path jar = Files.createTempFile("no-op-agent", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", NoOpAgent.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " does not exist: run `mvn -B -ntp install -DskipTests`"
                    + " from the repository root first, and run this from there");
        }
        return path;
    }

    private static double timeOneRun(List<String> agentOptions, Path classes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agentOptions);
        command.addAll(Arrays.asList("-cp", classes.toString(), HelloPool.class.getName()));
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

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
