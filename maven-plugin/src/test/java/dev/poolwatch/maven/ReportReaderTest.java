package dev.poolwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolwatch.junit.KnownLeak;

class ReportReaderTest {

    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";
    private static final String TEST_SITE = "demo.LeakyTest.leaks(LeakyTest.java:14)";
    private static final String STATIC_SITE = "demo.Shared.<clinit>(Shared.java:5)";

    @TempDir
    Path directory;

    private static String exitReport(long poolsCreated, String leaks, String submits) {
        return "{\"tool\": \"poolwatch\", \"summary\": {\"poolsCreated\": " + poolsCreated + "}, \"leaks\": [" + leaks
                + "], \"submitAfterShutdown\": [" + submits + "]}";
    }

    private static String leak(String kind, String site, int count) {
        return "{\"kind\": \"" + kind + "\", \"poolType\": \"" + TPE + "\", \"count\": " + count + ", \"creationSite\": [\""
                + site + "\"], \"creatingThread\": \"main\", \"threads\": [\"pool-1-thread-1\"]}";
    }

    private static String testsReport(String className, String methodName, String site, String outsideSite) {
        return "{\"tests\": [{\"className\": \"" + className + "\", \"methodName\": \"" + methodName
                + "\", \"displayName\": \"" + methodName + "()\", \"leaks\": [" + leak("OPEN", site, 1) + "], \"notBlamed\": []}],"
                + " \"outsideTests\": [" + (outsideSite == null ? "" : leak("OPEN", outsideSite, 1)) + "]}";
    }

    @Test
    void a_leak_in_a_jvm_exit_report_gets_the_test_its_listener_blamed_and_jvms_add_up() throws Exception {
        Files.writeString(directory.resolve("poolwatch-101.json"),
                exitReport(7, leak("OPEN_IDLE", TEST_SITE, 1) + "," + leak("OPEN_IDLE", STATIC_SITE, 1), ""));
        Files.writeString(directory.resolve("poolwatch-tests-101.json"),
                testsReport("demo.LeakyTest", "leaks", TEST_SITE, STATIC_SITE));
        Files.writeString(directory.resolve("poolwatch-202.json"), exitReport(3, leak("OPEN_IDLE", STATIC_SITE, 1), ""));
        Files.writeString(directory.resolve("poolwatch.json"), "the merged report of an earlier run: never read");

        Reports reports = ReportReader.read(directory);

        assertEquals(2, reports.jvms());
        assertEquals(10, reports.poolsCreated());
        assertEquals(List.of(), reports.unreadable());
        assertEquals(2, reports.findings().size(), reports.findings().toString());
        Finding blamed = reports.findings().get(0);
        assertEquals(List.of(new TestRef("demo.LeakyTest", "leaks", "leaks()")), blamed.tests());
        assertEquals(List.of(new KnownLeak("demo.LeakyTest", "leaks", "demo.LeakyTest.leaks(LeakyTest.java)", TPE)),
                blamed.asKnownLeaks());
        Finding shared = reports.findings().get(1);
        assertEquals(2, shared.count(), "one per JVM");
        assertEquals(List.of(), shared.tests());
    }

    @Test
    void a_pool_only_the_listener_saw_open_and_a_late_task_are_findings_too() throws Exception {
        Files.writeString(directory.resolve("poolwatch-101.json"), exitReport(2, "",
                "{\"poolType\": \"" + TPE + "\", \"count\": 2, \"rejected\": true, \"handler\": null, \"submitSite\":"
                        + " [\"demo.Late.submit(Late.java:9)\"], \"shutdownSite\": [], \"shutdownMethod\": \"shutdown\"}"));
        Files.writeString(directory.resolve("poolwatch-tests-101.json"),
                testsReport("demo.LeakyTest", "leaks", TEST_SITE, null));

        Reports reports = ReportReader.read(directory);

        assertEquals(List.of("SUBMIT_AFTER_SHUTDOWN", Finding.OPEN_AT_TEST_END),
                reports.findings().stream().map(Finding::kind).toList());
        assertEquals("demo.Late.submit(Late.java:9)", reports.findings().get(0).firstFrame());
        assertEquals(List.of(new TestRef("demo.LeakyTest", "leaks", "leaks()")), reports.findings().get(1).tests());
    }

    @Test
    void a_late_task_jdk_code_submitted_is_found_where_its_pool_was_created() throws Exception {
        Files.writeString(directory.resolve("poolwatch-101.json"), exitReport(1, "",
                "{\"poolType\": \"" + TPE + "\", \"count\": 1, \"rejected\": true, \"handler\": null, \"submitSite\": [],"
                        + " \"jdkSubmitSite\": [\"java.base/java.util.concurrent.CompletableFuture$UniCompletion.claim(CompletableFuture.java:572)\"],"
                        + " \"submittingThread\": \"ForkJoinPool.commonPool-worker-1\","
                        + " \"poolCreationSite\": [\"demo.Chain.start(Chain.java:8)\"], \"shutdownSite\": [],"
                        + " \"shutdownMethod\": \"shutdown\"}"));

        Reports reports = ReportReader.read(directory);

        assertEquals(1, reports.findings().size(), reports.findings().toString());
        assertEquals("demo.Chain.start(Chain.java:8)", reports.findings().get(0).firstFrame());
    }

    @Test
    void a_library_pool_keeps_its_kind_and_the_agent_fix() throws Exception {
        Files.writeString(directory.resolve("poolwatch-101.json"), exitReport(1, "{\"kind\": \"OPEN_IDLE\", \"poolType\":"
                + " \"com.zaxxer.hikari.HikariDataSource\", \"poolKind\": \"hikari\", \"count\": 1, \"creationSite\":"
                + " [\"demo.Db.open(Db.java:9)\"], \"creatingThread\": \"main\", \"threads\": [], \"fix\": \"call close() when done\"}", ""));

        Finding dataSource = ReportReader.read(directory).findings().get(0);

        assertEquals("hikari", dataSource.poolKind());
        assertEquals("call close() when done", dataSource.fix());
    }

    @Test
    void a_report_that_cannot_be_read_is_named_and_the_others_still_count() throws Exception {
        Files.writeString(directory.resolve("poolwatch-101.json"), "{\"tool\": \"poolwatch\", \"summ");
        Files.writeString(directory.resolve("poolwatch-202.json"), exitReport(4, leak("OPEN_BUSY", TEST_SITE, 1), ""));

        Reports reports = ReportReader.read(directory);

        assertEquals(1, reports.unreadable().size());
        assertTrue(reports.unreadable().get(0).startsWith(directory.resolve("poolwatch-101.json") + ": "),
                reports.unreadable().toString());
        assertEquals(1, reports.findings().size());
    }

    @Test
    void no_directory_is_no_report() throws Exception {
        assertTrue(ReportReader.read(directory.resolve("missing")).isEmpty());
    }
}
