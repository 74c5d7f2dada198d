package dev.poolwatch.benchmarks.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.poolwatch.benchmarks.report.Figures;

/**
 * Times the start-up, run and exit of {@link HelloPool} in a fresh JVM: bare, with an agent that
 * does nothing ({@link NoOpAgent}: what the JVM itself charges for any agent), with the poolwatch
 * agent, and with JaCoCo's agent, interleaved run by run. Prints each side's median wall time, its
 * overhead and ratio against bare, and its overhead as a share of JaCoCo's: the console form of
 * {@link StartupSection}, with room for sides of one's own.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.poolwatch.benchmarks.startup.StartupOverhead [runs]</pre>
 *
 * {@code -Dstartup.extraSides=...} adds sides to the same run (see {@link #EXTRA_SIDES}).
 */
public final class StartupOverhead {

    /**
     * More sides for the same interleaved run, to compare a variant with the others: {@code name=JVM
     * options} separated by {@code ;}, e.g. {@code -Dstartup.extraSides="old=-javaagent:/tmp/old.jar"}.
     */
    private static final String EXTRA_SIDES = "startup.extraSides";

    private StartupOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path jacocoExec = Files.createTempFile("startup-jacoco", ".exec");
        Path noOpAgent = StartupRuns.noOpAgentJar();
        StartupRuns startup = new StartupRuns()
                .side("bare", List.of())
                .side("no-op agent", List.of("-javaagent:" + noOpAgent))
                .side("poolwatch", StartupRuns.poolwatchAgent())
                .side("jacoco", StartupRuns.jacocoAgent(jacocoExec));
        extraSides(System.getProperty(EXTRA_SIDES, "")).forEach(startup::side);
        Map<String, List<Double>> millis;
        try {
            millis = startup.time(HelloPool.class, runs);
        } finally {
            Files.deleteIfExists(jacocoExec);
            Files.deleteIfExists(noOpAgent);
        }

        double bare = Figures.median(millis.get("bare"));
        double jacocoOverhead = Figures.median(millis.get("jacoco")) - bare;
        System.out.printf(Locale.ROOT, "%s on %s, %d runs per side, HelloPool:%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), runs);
        System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %12s %7s %12s%n", "side", "median ms", "min ms", "max ms",
                "overhead ms", "ratio", "of jacoco's");
        for (Map.Entry<String, List<Double>> side : millis.entrySet()) {
            double median = Figures.median(side.getValue());
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
}
