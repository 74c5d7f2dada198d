package dev.poolwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.poolwatch.agent.bootstrap.PoolRegistry;

/** The text and JSON forms of one report, built by hand. */
class ReportRenderingTest {

    private static final Leak PER_REQUEST = new Leak(LeakKind.OPEN_IDLE, "java.util.concurrent.ThreadPoolExecutor", 3,
            List.of("com.acme.Handler.handle(Handler.java:42)", "com.acme.Server.serve(Server.java:7)"), "HTTP-Dispatcher",
            List.of("pool-1-thread-1", "pool-2-thread-1", "pool-3-thread-1"), 0, 0, at("2026-11-25T15:24:45.123Z"),
            at("2026-11-25T15:24:46.001Z"), null, null, null);
    private static final Leak BUSY = new Leak(LeakKind.OPEN_BUSY, "java.util.concurrent.ScheduledThreadPoolExecutor", 1,
            List.of("com.acme.Ticker.start(Ticker.java:9)"), "main", List.of("pool-4-thread-1"), 1, 2,
            at("2026-11-25T09:05:07.004Z"), at("2026-11-25T09:05:07.004Z"), null, null, null);
    private static final SubmitLeak DROPPED = new SubmitLeak("java.util.concurrent.ThreadPoolExecutor", 2, false,
            "java.util.concurrent.ThreadPoolExecutor$DiscardPolicy", List.of("com.acme.Late.submit(Late.java:3)"),
            List.of(), "main", List.of("com.acme.Late.start(Late.java:2)"), List.of("com.acme.Late.stop(Late.java:1)"),
            "shutdown");
    private static final SubmitLeak LATE_STAGE = new SubmitLeak("java.util.concurrent.ThreadPoolExecutor", 1, true, null,
            List.of(), List.of("java.util.concurrent.CompletableFuture$UniCompletion.claim(CompletableFuture.java:572)"),
            "ForkJoinPool.commonPool-worker-1", List.of("com.acme.Chain.start(Chain.java:8)"),
            List.of("com.acme.Chain.stop(Chain.java:12)"), "shutdown");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static Report report(List<Leak> leaks, List<SubmitLeak> submits) {
        return new Report("1.2.3", "17.0.15", 7, leaks, submits, List.of(), 0, null, 0, 4, Report.FilteredOut.NOTHING);
    }

    @Test
    void a_library_pool_with_a_busy_probe_says_what_it_counted() {
        Leak connections = new Leak(LeakKind.OPEN_BUSY, "org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager",
                1, List.of("com.acme.Client.open(Client.java:5)"), "main", List.of(), 2, 0, at("2026-11-25T09:05:07.004Z"),
                at("2026-11-25T09:05:07.004Z"), "httpclient5", "close", "getTotalStats.getLeased");

        String text = TextReport.render(report(List.of(connections), List.of()), false);

        assertTrue(text.contains("   at exit: 2 in use (getTotalStats().getLeased()); its threads are the library's,"
                + " not listed here\n"), text);
    }

    @Test
    void a_scheduled_pool_says_how_many_periodic_tasks_it_has_scheduled_apart_from_its_queue() {
        Leak scheduler = new Leak(LeakKind.OPEN_IDLE, "java.util.concurrent.ScheduledThreadPoolExecutor", 1,
                List.of("com.acme.Ticker.start(Ticker.java:9)"), "main", List.of("scheduling-1"), 0, 0,
                at("2026-11-25T09:05:07.004Z"), at("2026-11-25T09:05:07.004Z"), null, null, null, 2);

        String text = TextReport.render(report(List.of(scheduler), List.of()), false);
        JsonObject json = JsonParser.parseString(JsonReport.render(report(List.of(scheduler), List.of())))
                .getAsJsonObject().getAsJsonArray("leaks").get(0).getAsJsonObject();

        assertTrue(text.contains("   at exit: 0 running, 0 queued, 2 periodic tasks scheduled; threads: scheduling-1\n"), text);
        assertEquals(2, json.get("periodic").getAsInt());
        assertEquals(0, json.get("queued").getAsInt());
    }

    @Test
    void a_clean_report_is_one_line_or_nothing_when_quiet() {
        Report clean = report(List.of(), List.of());
        assertEquals("poolwatch: 7 pools seen, none leaked\n", TextReport.render(clean, false));
        assertEquals("", TextReport.render(clean, true));
    }

    @Test
    void a_library_pool_names_its_kind_and_its_own_close_method_and_claims_nothing_of_its_threads() {
        Leak group = new Leak(LeakKind.OPEN_IDLE, "io.netty.channel.MultiThreadIoEventLoopGroup", 1,
                List.of("com.acme.Server.main(Server.java:5)"), "main", List.of(), 0, 0, at("2026-11-25T09:05:07.004Z"),
                at("2026-11-25T09:05:07.004Z"), "netty", "shutdownGracefully", null);

        String text = TextReport.render(report(List.of(group), List.of()), false);

        assertTrue(text.contains("1. OPEN_IDLE: 1 × io.netty.channel.MultiThreadIoEventLoopGroup (netty) — never shut down\n"
                + "   at exit: still open; its threads are the library's, not listed here\n"), text);
        assertTrue(text.contains("   fix: call shutdownGracefully() when done with it"), text);
    }

    @Test
    void the_text_report_lists_the_most_serious_kind_first_with_counts_evidence_and_fix() {
        String text = TextReport.render(report(List.of(BUSY, PER_REQUEST), List.of(DROPPED)), true);
        assertTrue(text.startsWith("poolwatch: 4 of 7 pools leaked, 2 tasks submitted after shutdown\n"), text);
        int busy = text.indexOf("1. OPEN_BUSY: 1 × java.util.concurrent.ScheduledThreadPoolExecutor");
        int submit = text.indexOf("2. SUBMIT_AFTER_SHUTDOWN: 2 × java.util.concurrent.ThreadPoolExecutor");
        int idle = text.indexOf("3. OPEN_IDLE: 3 × java.util.concurrent.ThreadPoolExecutor");
        assertTrue(busy > 0 && submit > busy && idle > submit, text);
        assertTrue(text.contains("   at exit: 1 running, 2 queued; threads: pool-4-thread-1\n"), text);
        assertTrue(text.contains("   created from 15:24:45.123 to 15:24:46.001 UTC\n   created by thread \"HTTP-Dispatcher\" at:\n"
                + "      at com.acme.Handler.handle(Handler.java:42)\n"), text);
        assertTrue(text.contains("   created at 09:05:07.004 UTC\n   created by thread \"main\" at:\n"), text);
        assertTrue(text.contains("the task was silently dropped by ThreadPoolExecutor$DiscardPolicy"), text);
        assertTrue(text.contains("   shut down by shutdown() at:\n      at com.acme.Late.stop(Late.java:1)\n"), text);
        assertTrue(text.contains("   fix: " + LeakKind.OPEN_IDLE.fix() + "\n"), text);
    }

    @Test
    void a_task_jdk_code_submitted_names_that_code_its_thread_and_where_the_pool_was_created() {
        String text = TextReport.render(report(List.of(), List.of(LATE_STAGE)), false);

        assertTrue(text.contains("1. SUBMIT_AFTER_SHUTDOWN: 1 × java.util.concurrent.ThreadPoolExecutor — task submitted"
                + " after the pool was shut down; the JDK code that submitted it got a RejectedExecutionException\n"
                + "   submitted by JDK code on thread \"ForkJoinPool.commonPool-worker-1\", with no frame of the"
                + " program's on its stack:\n"
                + "      at java.util.concurrent.CompletableFuture$UniCompletion.claim(CompletableFuture.java:572)\n"
                + "   pool created at:\n      at com.acme.Chain.start(Chain.java:8)\n"
                + "   shut down by shutdown() at:\n      at com.acme.Chain.stop(Chain.java:12)\n"
                + "   fix: shut the pool down only after the work chained or scheduled onto it has run"), text);
    }

    @Test
    void a_task_the_program_submitted_names_where_its_pool_was_created_too() {
        String text = TextReport.render(report(List.of(), List.of(DROPPED)), false);

        assertTrue(text.contains("   submitted at:\n      at com.acme.Late.submit(Late.java:3)\n"
                + "   pool created at:\n      at com.acme.Late.start(Late.java:2)\n"), text);
        assertTrue(text.contains("   fix: " + LeakKind.SUBMIT_AFTER_SHUTDOWN.fix() + "\n"), text);
    }

    private static final HeldPool ADAPTER_POOL = new HeldPool("java.util.concurrent.ThreadPoolExecutor", 1,
            "guava-33.4.8-jre.jar", "com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter",
            List.of("com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter.<clinit>(JdkFutureAdapters.java:111)",
                    "com.acme.Listen.main(Listen.java:9)"), "main");

    @Test
    void pools_held_by_libraries_are_listed_apart_after_the_leaks_and_are_no_finding() {
        Report report = new Report("1.2.3", "17.0.15", 7, List.of(PER_REQUEST), List.of(), List.of(ADAPTER_POOL), 0, null,
                0, 4, Report.FilteredOut.NOTHING);

        String text = TextReport.render(report, false);

        assertTrue(text.startsWith("poolwatch: 3 of 7 pools leaked; 1 pool held by libraries for the life of the process,"
                + " not leaks\n"), text);
        assertTrue(text.indexOf("1. OPEN_IDLE") < text.indexOf("\nHeld by libraries for the life of the process, not leaks:"
                + " each was created in the static initializer of a class loaded from a library's jar"), text);
        assertTrue(text.contains(" - 1 × java.util.concurrent.ThreadPoolExecutor held by guava-33.4.8-jre.jar for the life"
                + " of the process\n   created in the static initializer of"
                + " com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter, by thread \"main\", at:\n"
                + "      at com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter.<clinit>("), text);
        assertEquals(3, report.leakedPools());
        assertEquals(1, report.poolsHeldByLibraries());
        Report heldOnly = new Report("1.2.3", "17.0.15", 7, List.of(), List.of(), List.of(ADAPTER_POOL), 0, null, 0, 4,
                Report.FilteredOut.NOTHING);
        assertFalse(heldOnly.hasFindings());
        assertTrue(TextReport.render(heldOnly, false).startsWith("poolwatch: 7 pools seen, none leaked; 1 pool held by"
                + " libraries for the life of the process, not leaks\n\nHeld by libraries"), TextReport.render(heldOnly, false));
        assertEquals("", TextReport.render(heldOnly, true));

        JsonObject json = JsonParser.parseString(JsonReport.render(heldOnly)).getAsJsonObject();
        assertEquals(0, json.getAsJsonObject("summary").get("leaks").getAsInt());
        assertEquals(1, json.getAsJsonObject("summary").get("heldByLibraries").getAsInt());
        JsonObject held = json.getAsJsonArray("heldByLibraries").get(0).getAsJsonObject();
        assertEquals("guava-33.4.8-jre.jar", held.get("library").getAsString());
        assertEquals("com.google.common.util.concurrent.JdkFutureAdapters$ListenableFutureAdapter", held.get("holder").getAsString());
        assertEquals("com.acme.Listen.main(Listen.java:9)", held.getAsJsonArray("creationSite").get(1).getAsString());
    }

    @Test
    void a_report_of_submits_only_says_no_pool_leaked() {
        assertTrue(TextReport.render(report(List.of(), List.of(DROPPED)), false)
                .startsWith("poolwatch: 2 tasks submitted after shutdown; 7 pools seen, none leaked\n"));
    }

    @Test
    void the_json_report_has_the_documented_shape() {
        JsonObject json = JsonParser.parseString(JsonReport.render(report(List.of(PER_REQUEST), List.of(DROPPED))))
                .getAsJsonObject();
        assertEquals("poolwatch", json.get("tool").getAsString());
        assertEquals("1.2.3", json.get("version").getAsString());
        assertEquals(ProcessHandle.current().pid(), json.getAsJsonObject("jvm").get("pid").getAsLong());
        assertEquals("17.0.15", json.getAsJsonObject("jvm").get("javaVersion").getAsString());
        JsonObject summary = json.getAsJsonObject("summary");
        assertEquals(7, summary.get("poolsCreated").getAsInt());
        assertEquals(3, summary.get("leaks").getAsInt());
        assertEquals(2, summary.get("submitAfterShutdown").getAsInt());
        assertEquals(4, summary.get("recordsAtExit").getAsInt());

        JsonObject leak = json.getAsJsonArray("leaks").get(0).getAsJsonObject();
        assertEquals("OPEN_IDLE", leak.get("kind").getAsString());
        assertEquals("java.util.concurrent.ThreadPoolExecutor", leak.get("poolType").getAsString());
        assertEquals(3, leak.get("count").getAsInt());
        assertEquals("com.acme.Handler.handle(Handler.java:42)", leak.getAsJsonArray("creationSite").get(0).getAsString());
        assertEquals(3, leak.getAsJsonArray("threads").size());
        assertEquals(0, leak.get("active").getAsInt());
        assertEquals(0, leak.get("queued").getAsInt());
        assertEquals("2026-11-25T15:24:45.123Z", leak.get("firstCreated").getAsString());
        assertEquals("2026-11-25T15:24:46.001Z", leak.get("lastCreated").getAsString());

        JsonObject submit = json.getAsJsonArray("submitAfterShutdown").get(0).getAsJsonObject();
        assertEquals(false, submit.get("rejected").getAsBoolean());
        assertEquals("com.acme.Late.submit(Late.java:3)", submit.getAsJsonArray("submitSite").get(0).getAsString());
        assertEquals("com.acme.Late.stop(Late.java:1)", submit.getAsJsonArray("shutdownSite").get(0).getAsString());
        assertEquals("com.acme.Late.start(Late.java:2)", submit.getAsJsonArray("poolCreationSite").get(0).getAsString());
        assertEquals(0, submit.getAsJsonArray("jdkSubmitSite").size());
        assertEquals("main", submit.get("submittingThread").getAsString());
    }

    @Test
    void json_strings_are_escaped() {
        String awkward = "thread \"q\" \\ tab\t newline\n bell\u0007 é";
        Leak leak = new Leak(LeakKind.OPEN_IDLE, "T", 1, List.of(), awkward, List.of(awkward), 0, 0, 0, 0, null, null, null);
        JsonObject json = JsonParser.parseString(JsonReport.render(report(List.of(leak), List.of()))).getAsJsonObject();
        JsonObject parsed = json.getAsJsonArray("leaks").get(0).getAsJsonObject();
        assertEquals(awkward, parsed.get("creatingThread").getAsString());
        JsonArray threads = parsed.getAsJsonArray("threads");
        assertEquals(awkward, threads.get(0).getAsString());
    }

    @Test
    void an_empty_report_is_valid_json_with_empty_lists() {
        JsonObject json = JsonParser.parseString(JsonReport.render(report(List.of(), List.of()))).getAsJsonObject();
        assertEquals(0, json.getAsJsonArray("leaks").size());
        assertEquals(0, json.getAsJsonArray("submitAfterShutdown").size());
    }

    @Test
    void dropped_sites_are_counted_in_the_text_and_read_as_a_lower_bound_once_counting_stopped() {
        Report some = new Report("1.2.3", "17.0.15", 7, List.of(PER_REQUEST), List.of(), List.of(), 0, null, 12, 4, Report.FilteredOut.NOTHING);
        assertTrue(TextReport.render(some, false).contains("\n(12 further sites not kept: the registry keeps at most "
                + PoolRegistry.MAX_SITES + " per kind)\n"), TextReport.render(some, false));
        Report many = new Report("1.2.3", "17.0.15", 7, List.of(PER_REQUEST), List.of(), List.of(), 0, null,
                PoolRegistry.MAX_DROPPED_SITES_COUNTED, 4, Report.FilteredOut.NOTHING);
        assertTrue(TextReport.render(many, false).contains("\n(at least " + PoolRegistry.MAX_DROPPED_SITES_COUNTED
                + " further sites not kept"), TextReport.render(many, false));
    }

    @Test
    void times_of_day_are_utc_with_milliseconds() {
        assertEquals("00:00:00.005", TextReport.timeOfDay(at("2026-11-25T00:00:00.005Z")));
        assertEquals("23:59:59.999", TextReport.timeOfDay(at("1969-12-31T23:59:59.999Z")));
        assertEquals("12:07:30.050", TextReport.timeOfDay(at("2026-01-01T12:07:30.050Z")));
    }
}
