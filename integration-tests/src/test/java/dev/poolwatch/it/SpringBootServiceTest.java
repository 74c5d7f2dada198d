package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A Spring Boot service (Tomcat, {@code @Async}, {@code @Scheduled}, HikariCP on H2, the actuator) under
 * the real agent, stopped each way services are stopped. Its one deliberate leak is a pool per request
 * to {@code /report}, never shut down; the framework's pools are closed by the context.
 */
class SpringBootServiceTest {

    private static final String SERVICE = "dev.poolwatch.samples.springboot.LeakyService";
    private static final String EMBEDDED_TOMCAT = "dev.poolwatch.samples.springboot.EmbeddedTomcat";
    private static final String SERVING = "serving on 127.0.0.1:";
    private static final String LEAK_SITE = "dev.poolwatch.samples.springboot.ReportController.report(ReportController.java:";
    private static final String LEAK_TITLE = "OPEN_IDLE: 3 × java.util.concurrent.ThreadPoolExecutor — never shut down";

    @Test
    void stopped_by_sigterm_it_reports_exactly_the_pools_the_endpoint_leaked() throws Exception {
        try (RunningJvm service = start("")) {
            requestReports(service, 3);
            service.terminate();
            service.awaitExit();

            PrintedReport report = PrintedReport.in(service.stderr());
            assertTrue(report.header().matches("poolwatch: 3 of \\d+ pools leaked"), report.text());
            assertEquals(1, report.entries().size(), report.text());
            assertEquals(LEAK_TITLE, report.entry(1).title());
            assertTrue(report.entry(1).frames(createdBy(report.entry(1))).get(0).startsWith(LEAK_SITE), report.text());
        }
    }

    @Test
    void stopped_by_the_actuator_the_pools_left_keeping_the_jvm_alive_are_named_and_on_hang_exit_it_exits_with_3()
            throws Exception {
        try (RunningJvm service = start("exitWatch=500ms,onHang=exit")) {
            requestReports(service, 3);
            post(service, "/actuator/shutdown");
            int status = service.awaitExit();

            String stderr = service.stderr();
            assertEquals(3, status, stderr);
            assertTrue(service.stdout().contains("context closing\n"), service.stdout());
            assertTrue(stderr.contains("the JVM is kept alive by 3 pools never shut down, whose threads are not daemons:\n"
                    + "  3 × java.util.concurrent.ThreadPoolExecutor created by thread \"http-nio-"), stderr);
            assertTrue(stderr.contains("at:\n      at " + LEAK_SITE), stderr);
            assertTrue(stderr.contains("\n    3 workers waiting for a task: pool-"), stderr);
            assertTrue(stderr.contains("poolwatch: onHang=exit, so this JVM exits with status 3\n"), stderr);
            PrintedReport report = PrintedReport.in(stderr);
            assertEquals(1, report.entries().size(), report.text());
            assertEquals(LEAK_TITLE, report.entry(1).title());
        }
    }

    @Test
    void with_spring_s_shutdown_hook_disabled_every_framework_pool_is_reported_where_it_was_made_scheduled_ones_idle()
            throws Exception {
        try (RunningJvm service = start("", "--spring.main.register-shutdown-hook=false")) {
            requestReports(service, 3);
            service.terminate();
            service.awaitExit();

            PrintedReport report = PrintedReport.in(service.stderr());
            assertEquals(LEAK_TITLE, entryOf(report, "java.util.concurrent.ThreadPoolExecutor ").title());
            assertFirstFrame(report, "com.zaxxer.hikari.HikariDataSource (hikari)", "org.springframework.beans.BeanUtils.");
            assertFirstFrame(report, "org.apache.tomcat.util.threads.ThreadPoolExecutor (tomcat)",
                    "org.springframework.boot.web.embedded.tomcat.TomcatWebServer.");
            assertFirstFrame(report, "org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor",
                    "org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor");
            PrintedReport.Entry scheduler = assertFirstFrame(report,
                    "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler",
                    "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler");
            // its @Scheduled method, waiting for its next run, is no backlog
            assertTrue(scheduler.title().startsWith("OPEN_IDLE: "), scheduler.title());
            assertTrue(scheduler.line("at exit: ").startsWith("at exit: 0 running, 0 queued, 1 periodic task scheduled;"),
                    scheduler.line("at exit: "));
            assertEquals(5, report.entries().size(), report.text());
        }
    }

    @Test
    void a_leaked_embedded_tomcat_is_one_leak_of_its_kind_at_the_line_that_started_it_on_tomcat_10_1_and_11()
            throws Exception {
        for (List<String> classPath : List.of(serviceClassPath(), tomcat11ClassPath())) {
            ForkedJvm.Result leaked = new ForkedJvm().classPath(paths(classPath)).agent().run(EMBEDDED_TOMCAT);
            PrintedReport report = PrintedReport.in(leaked.stderr());
            assertEquals("poolwatch: 1 of 1 pool leaked", report.header(), leaked.stderr());
            PrintedReport.Entry entry = report.entry(1);
            assertEquals("OPEN_IDLE: 1 × org.apache.tomcat.util.threads.ThreadPoolExecutor (tomcat) — never shut down",
                    entry.title());
            assertTrue(entry.frames(createdBy(entry)).get(0).startsWith(
                    "dev.poolwatch.samples.springboot.EmbeddedTomcat.main(EmbeddedTomcat.java:"), report.text());
            assertEquals("fix: call shutdown() when done with it (a finally block, or where the program stops)",
                    entry.line("fix: "));

            ForkedJvm.Result stopped = new ForkedJvm().classPath(paths(classPath)).agent().run(EMBEDDED_TOMCAT, "stop");
            assertTrue(stopped.stderr().contains("poolwatch: 1 pool seen, none leaked\n"), stopped.stderr());
        }
    }

    private static RunningJvm start(String agentOptions, String... args) throws IOException, InterruptedException {
        return RunningJvm.start(List.of(ForkedJvm.javaagent(agentOptions)), serviceClassPath(), SERVICE,
                stdout -> stdout.contains(SERVING), args);
    }

    /** The entry whose title names {@code poolType}; fails unless exactly one does. */
    private static PrintedReport.Entry entryOf(PrintedReport report, String poolType) {
        List<PrintedReport.Entry> matching = new ArrayList<>();
        for (PrintedReport.Entry entry : report.entries()) {
            if (entry.title().contains(" × " + poolType)) {
                matching.add(entry);
            }
        }
        assertEquals(1, matching.size(), poolType + " in\n" + report.text());
        return matching.get(0);
    }

    private static PrintedReport.Entry assertFirstFrame(PrintedReport report, String poolType, String framePrefix) {
        PrintedReport.Entry entry = entryOf(report, poolType);
        List<String> frames = entry.frames(createdBy(entry));
        assertFalse(frames.isEmpty(), entry.toString());
        assertTrue(frames.get(0).startsWith(framePrefix), entry.toString());
        return entry;
    }

    private static String createdBy(PrintedReport.Entry entry) {
        return entry.line("created by thread ");
    }

    private static void requestReports(RunningJvm service, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            HttpURLConnection get = open(service, "/report");
            assertEquals(200, get.getResponseCode());
            try (InputStream body = get.getInputStream()) {
                assertTrue(new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("tables: "));
            }
        }
    }

    private static void post(RunningJvm service, String path) throws IOException {
        HttpURLConnection post = open(service, path);
        post.setRequestMethod("POST");
        assertEquals(200, post.getResponseCode());
        post.getInputStream().close();
    }

    private static HttpURLConnection open(RunningJvm service, String path) throws IOException {
        String port = service.stdout().lines().filter(line -> line.startsWith(SERVING)).findFirst().orElseThrow()
                .substring(SERVING.length());
        return (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    }

    /** The service's class path, written by spring-boot-sample's build. */
    private static List<String> serviceClassPath() throws IOException {
        Path classPathFile = sampleTarget().resolve("class-path.txt");
        List<String> classPath = new ArrayList<>(List.of(Files.readString(classPathFile).trim().split(File.pathSeparator)));
        classPath.add(sampleTarget().resolve("test-classes").toString());
        return classPath;
    }

    /** Tomcat 11's embedded core, and the sample's classes, of which EmbeddedTomcat alone loads. */
    private static List<String> tomcat11ClassPath() throws IOException {
        List<String> classPath = new ArrayList<>();
        try (var jars = Files.list(sampleTarget().resolve("tomcat-11"))) {
            jars.sorted().forEach(jar -> classPath.add(jar.toString()));
        }
        classPath.add(sampleTarget().resolve("test-classes").toString());
        return classPath;
    }

    private static Path sampleTarget() {
        Path target = Paths.get(System.getProperty("poolwatch.springBootSample"));
        if (!Files.isRegularFile(target.resolve("class-path.txt"))) {
            throw new IllegalStateException("spring-boot-sample is built before these tests run: " + target);
        }
        return target;
    }

    private static List<Path> paths(List<String> classPath) {
        return classPath.stream().map(Paths::get).toList();
    }
}
