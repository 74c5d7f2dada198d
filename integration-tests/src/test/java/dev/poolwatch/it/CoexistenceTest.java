package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.poolwatch.it.programs.IdleDaemonPool;

/**
 * The agent beside the agents our users already run, JaCoCo's and OpenTelemetry's, in either order,
 * and dropped in through {@code JAVA_TOOL_OPTIONS}: the leak report is the one the agent gives
 * alone, and the other agent still does its job.
 */
class CoexistenceTest {

    /** Where the other agent goes on the command line. */
    enum Order {
        OTHER_AGENT_FIRST, POOLWATCH_FIRST
    }

    /** Keeps the OpenTelemetry agent off the network and quiet: no exporter, no logging. */
    private static final List<String> OTEL_OFFLINE = List.of("-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
            "-Dotel.logs.exporter=none", "-Dotel.javaagent.logging=none");

    private static PrintedReport aloneText;
    private static JsonReportFile aloneJson;

    @TempDir
    Path temp;

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    /** IdleDaemonPool's report under the agent alone: one idle pool, the same on every run. */
    @BeforeAll
    static void run_the_agent_alone(@TempDir Path aloneTemp) throws Exception {
        Path json = aloneTemp.resolve("alone.json");
        ForkedJvm.Result alone = new ForkedJvm().classPathOf(IdleDaemonPool.class).agent("report=" + json)
                .run(IdleDaemonPool.class);
        assertEquals(0, alone.exitCode(), alone.stderr());
        aloneText = PrintedReport.in(alone.stderr());
        aloneJson = JsonReportFile.read(json);
        assertEquals("poolwatch: 1 of 1 pool leaked", aloneText.header());
        assertEquals("OPEN_IDLE: 1 × java.util.concurrent.ThreadPoolExecutor — never shut down", aloneText.entry(1).title());
        assertEquals("at exit: 0 running, 0 queued; threads: leaky-worker", aloneText.entry(1).line("at exit: "));
    }

    private ForkedJvm.Result runBeside(Order order, String otherAgent, List<String> otherOptions) throws Exception {
        ForkedJvm jvm = new ForkedJvm().classPathOf(IdleDaemonPool.class);
        otherOptions.forEach(jvm::jvmOption);
        if (order == Order.POOLWATCH_FIRST) {
            jvm.agent("report=" + json());
        }
        jvm.jvmOption(otherAgent);
        if (order == Order.OTHER_AGENT_FIRST) {
            jvm.agent("report=" + json());
        }
        ForkedJvm.Result result = jvm.run(IdleDaemonPool.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("answer 42"), result.stdoutLines());
        return result;
    }

    /** The leaks, printed and in JSON, are those of the agent alone. */
    private void assertSameLeaksAsAlone(ForkedJvm.Result result) throws Exception {
        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals(aloneText.withoutTimes().entries(), printed.withoutTimes().entries(), printed.text());
        JsonReportFile report = JsonReportFile.read(json());
        assertEquals(aloneJson.leaksWithoutTimes(), report.leaksWithoutTimes());
        assertEquals(aloneJson.submitsAfterShutdown(), report.submitsAfterShutdown());
        assertEquals(1, report.summary("leaks"));
        assertEquals(0, report.summary("internalErrors"));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void beside_jacoco_the_report_is_the_same_and_jacoco_still_writes_its_coverage(Order order) throws Exception {
        Path exec = temp.resolve("jacoco.exec");
        ForkedJvm.Result result = runBeside(order,
                "-javaagent:" + ForkedJvm.otherAgentJar("jacocoagent.jar") + "=destfile=" + exec, List.of());
        assertEquals(aloneText.withoutTimes().text(), PrintedReport.in(result.stderr()).withoutTimes().text());
        assertSameLeaksAsAlone(result);

        assertTrue(Files.size(exec) > 0, "JaCoCo wrote " + exec);
        String coverage = new String(Files.readAllBytes(exec), StandardCharsets.ISO_8859_1);
        assertTrue(coverage.contains("dev/poolwatch/it/programs/IdleDaemonPool"), "the program's class has coverage data");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void beside_the_opentelemetry_agent_the_leaks_reported_are_the_same(Order order) throws Exception {
        ForkedJvm.Result result = runBeside(order,
                "-javaagent:" + ForkedJvm.otherAgentJar("opentelemetry-javaagent.jar"), OTEL_OFFLINE);
        // Loaded second, OpenTelemetry's own pools are created under the agent's eyes and counted as seen.
        assertTrue(PrintedReport.in(result.stderr()).header().matches("poolwatch: 1 of \\d+ pools? leaked"),
                result.stderr());
        assertSameLeaksAsAlone(result);
    }

    @Test
    void java_tool_options_alone_gives_the_same_report_with_no_change_to_the_command_line() throws Exception {
        String javaagent = ForkedJvm.javaagent("report=" + json());
        ForkedJvm.Result result = new ForkedJvm().classPathOf(IdleDaemonPool.class)
                .environment("JAVA_TOOL_OPTIONS", javaagent)
                .run(IdleDaemonPool.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("answer 42"), result.stdoutLines());
        assertEquals("Picked up JAVA_TOOL_OPTIONS: " + javaagent, result.stderrLines().get(0));
        assertEquals(aloneText.withoutTimes().text(), PrintedReport.in(result.stderr()).withoutTimes().text());
        assertSameLeaksAsAlone(result);
    }
}
