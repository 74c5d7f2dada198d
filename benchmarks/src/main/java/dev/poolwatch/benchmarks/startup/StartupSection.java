package dev.poolwatch.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.poolwatch.benchmarks.report.Figures;
import dev.poolwatch.benchmarks.report.MarkdownTable;
import dev.poolwatch.benchmarks.report.RunLength;

/**
 * The start-up section of {@code BENCHMARKS.md}: what the agent adds to a JVM's start-up, run and
 * exit, next to JaCoCo's agent, for a hello world and for a Jetty server of some 2,000 classes.
 */
public final class StartupSection {

    /** Goals: the agent's overhead at most this share of JaCoCo's, and at most this many milliseconds. */
    private static final double SHARE_OF_JACOCO = 0.6;
    private static final double MAX_OVERHEAD_MILLIS = 100;

    private StartupSection() {
    }

    public static void main(String[] args) throws Exception {
        RunLength length = RunLength.of(args);
        Path jacocoExec = Files.createTempFile("startup-jacoco", ".exec");
        Path noOpAgent = StartupRuns.noOpAgentJar();
        try {
            List<String> poolwatch = StartupRuns.poolwatchAgent();
            List<String> jacoco = StartupRuns.jacocoAgent(jacocoExec);
            int helloRuns = length.choose(21, 1);
            Map<String, List<Double>> hello = new StartupRuns()
                    .side("bare JVM", List.of())
                    .side("an agent that does nothing", List.of("-javaagent:" + noOpAgent))
                    .side("poolwatch", poolwatch)
                    .side("JaCoCo", jacoco)
                    .side("poolwatch and JaCoCo", concat(poolwatch, jacoco))
                    .time(HelloPool.class, helloRuns);
            int serverRuns = length.choose(11, 1);
            Map<String, List<Double>> server = new StartupRuns()
                    .side("bare JVM", List.of())
                    .side("poolwatch", poolwatch)
                    .side("JaCoCo", jacoco)
                    .time(HelloServer.class, serverRuns);
            print(hello, helloRuns, server, serverRuns, classesLoaded(HelloServer.class));
        } finally {
            Files.deleteIfExists(jacocoExec);
            Files.deleteIfExists(noOpAgent);
        }
    }

    private static void print(Map<String, List<Double>> hello, int helloRuns, Map<String, List<Double>> server,
            int serverRuns, long serverClasses) {
        System.out.println("## Start-up: a JVM's start, run and exit, with the agent and with JaCoCo's");
        System.out.println();
        System.out.printf(Locale.ROOT, "A hello world that creates, uses and closes one fixed pool (`HelloPool`), %d runs"
                + " per side after 3 warm-up runs, interleaved:%n%n", helloRuns);
        System.out.println(table(hello));
        double bare = Figures.median(hello.get("bare JVM"));
        double overhead = Figures.median(hello.get("poolwatch")) - bare;
        double jacocoOverhead = Figures.median(hello.get("JaCoCo")) - bare;
        double share = overhead / jacocoOverhead;
        System.out.printf(Locale.ROOT, "- Goal: poolwatch's overhead at most %.1f of JaCoCo's: %s (%s ms against %s ms,"
                + " %.2f).%n", SHARE_OF_JACOCO, Figures.verdict(share <= SHARE_OF_JACOCO),
                Figures.figure(overhead), Figures.figure(jacocoOverhead), share);
        System.out.printf(Locale.ROOT, "- Goal: poolwatch's overhead at most +%.0f ms: %s (%+.1f ms).%n",
                MAX_OVERHEAD_MILLIS, Figures.verdict(overhead <= MAX_OVERHEAD_MILLIS), overhead);
        System.out.println();
        System.out.printf(Locale.ROOT, "A realistic start: an embedded Jetty server that answers one request of its own"
                + " and stops (`HelloServer`, %d classes loaded), %d runs per side after 3 warm-up runs, interleaved:%n%n",
                serverClasses, serverRuns);
        System.out.println(table(server));
    }

    private static MarkdownTable table(Map<String, List<Double>> millis) {
        double bare = Figures.median(millis.get("bare JVM"));
        MarkdownTable table = new MarkdownTable("side", "median", "overhead", "ratio to bare");
        millis.forEach((side, times) -> {
            double median = Figures.median(times);
            table.row(side, Figures.figure(median) + " ms",
                    side.equals("bare JVM") ? "" : String.format(Locale.ROOT, "%+.1f ms", median - bare),
                    Figures.ratio(median / bare));
        });
        return table;
    }

    /** How many classes {@code program} loads, bare, counted from the JVM's class-loading log. */
    private static long classesLoaded(Class<?> program) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(StartupRuns.javaCommand(List.of("-Xlog:class+load=info:stdout"), program))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long classes;
        try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            classes = log.lines().filter(line -> line.contains("[class,load]")).count();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(program.getName() + " exited with status " + process.exitValue());
        }
        return classes;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
