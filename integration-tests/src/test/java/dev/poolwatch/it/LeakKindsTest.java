package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertLeak;
import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static dev.poolwatch.it.JsonReportFile.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.HalfBuiltSubclass;
import dev.poolwatch.it.programs.RepeatedLateSubmits;
import dev.poolwatch.pool.ThreadPool;
import dev.poolwatch.samples.ForkJoinNeverClosed;
import dev.poolwatch.samples.GcClosedExecutor;
import dev.poolwatch.samples.NotClosingPool;
import dev.poolwatch.samples.PerRequestPoolServer;
import dev.poolwatch.samples.ScheduledNeverCancelled;
import dev.poolwatch.samples.SubmitAfterShutdown;

/**
 * Each leaky sample under the real agent, in its own JVM: the verdict (kind and count), where the
 * pool was created, and what it was doing at exit, as printed on stderr and as written to JSON. The
 * programs exit as they would without the agent.
 */
class LeakKindsTest {

    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";

    @TempDir
    Path temp;

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, NotClosingPool.class, RepeatedLateSubmits.class);

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    private ForkedJvm.Result run(String mainClass, String... args) throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(mainClass, args);
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }

    @Test
    void a_pool_subclass_whose_constructor_threw_is_not_reported_when_the_gc_takes_it() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(HalfBuiltSubclass.class).agent("report=" + json())
                .run(HalfBuiltSubclass.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("construction failed: pool size not configured", "both collected"), result.stdoutLines());
        JsonReportFile report = JsonReportFile.read(json());
        // The pool that ran a task and was dropped open is the one leak: it shows the collector's work was seen.
        assertLeak(report.onlyLeak(), "CLOSED_BY_GC", TPE, 1,
                "dev.poolwatch.it.programs.HalfBuiltSubclass.dropAPoolThatRanATask(");
    }

    @Test
    void a_pool_created_per_request_is_one_open_idle_site_counted_once_per_request() throws Exception {
        Instant started = Instant.now();
        ForkedJvm.Result result = run(PerRequestPoolServer.class.getName(), "3");
        Instant ended = Instant.now();
        assertEquals("done: 3 requests", result.stdoutLines().get(1));

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 3 of 3 pools leaked", printed.header());
        assertEquals(1, printed.entries().size(), printed.text());
        PrintedReport.Entry leak = printed.entry(1);
        assertEquals("OPEN_IDLE: 3 × " + TPE + " — never shut down", leak.title());
        assertTrue(leak.line("at exit: ").matches("at exit: 0 running, 0 queued; threads: pool-\\d+-thread-1(, pool-\\d+-thread-1){2}"),
                leak.line("at exit: "));
        assertTrue(leak.line("created from ").matches("created from \\d\\d:\\d\\d:\\d\\d\\.\\d{3} to \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC"),
                leak.line("created from "));
        assertStartsWith("dev.poolwatch.samples.PerRequestPoolServer.handle(PerRequestPoolServer.java:",
                leak.frames("created by thread \"HTTP-Dispatcher\" at:").get(0));
        assertEquals("fix: call shutdown() or close() when done with it (a finally block or try-with-resources)",
                leak.line("fix: "));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(3, 3, 0);
        JsonObject entry = report.onlyLeak();
        assertLeak(entry, "OPEN_IDLE", TPE, 3, "dev.poolwatch.samples.PerRequestPoolServer.handle(");
        assertEquals("HTTP-Dispatcher", entry.get("creatingThread").getAsString());
        assertEquals(3, strings(entry, "threads").size(), "one started worker per pool: " + entry);
        assertEquals(0, entry.get("active").getAsInt());
        assertEquals(0, entry.get("queued").getAsInt());
        Instant firstCreated = Instant.parse(entry.get("firstCreated").getAsString());
        Instant lastCreated = Instant.parse(entry.get("lastCreated").getAsString());
        assertTrue(!firstCreated.isBefore(started.truncatedTo(ChronoUnit.MILLIS)) && !lastCreated.isBefore(firstCreated)
                && !lastCreated.isAfter(ended), started + " <= " + firstCreated + " <= " + lastCreated + " <= " + ended);
        assertEquals(0, report.submitsAfterShutdown().size());
    }

    @Test
    void a_task_submitted_after_shutdown_under_the_abort_policy_is_reported_as_rejected() throws Exception {
        ForkedJvm.Result result = run(SubmitAfterShutdown.class.getName(), "abort");
        // The first task runs on the worker while main goes on: the two lines come in either order.
        assertEquals(List.of("first task ran", "late task refused: RejectedExecutionException"),
                result.stdoutLines().stream().sorted().toList());
        assertSubmitAfterShutdown(result, true, "it was rejected", "the submitter got a RejectedExecutionException");
    }

    @Test
    void a_task_submitted_after_shutdown_under_the_discard_policy_is_reported_as_silently_dropped() throws Exception {
        ForkedJvm.Result result = run(SubmitAfterShutdown.class.getName(), "discard");
        // The first task runs on the worker while main goes on: the two lines come in either order.
        assertEquals(List.of("first task ran", "late task accepted without complaint"),
                result.stdoutLines().stream().sorted().toList());
        assertSubmitAfterShutdown(result, false,
                "it was silently dropped by java.util.concurrent.ThreadPoolExecutor$DiscardPolicy",
                "the task was silently dropped by ThreadPoolExecutor$DiscardPolicy");
    }

    /** The sample's one late task: one warning as it happens, one entry at exit, no leaked pool. */
    private void assertSubmitAfterShutdown(ForkedJvm.Result result, boolean rejected, String warned, String outcome)
            throws Exception {
        List<String> stderr = result.stderrLines();
        String warning = "poolwatch: WARNING: task submitted to a " + TPE + " after it was shut down; " + warned;
        assertEquals(1, stderr.stream().filter(line -> line.startsWith("poolwatch: WARNING:")).count(), result.stderr());
        int warningAt = stderr.indexOf(warning);
        assertTrue(warningAt >= 0, "the warning, as the task is submitted:\n" + result.stderr());
        assertEquals(List.of("  submitted at:"), stderr.subList(warningAt + 1, warningAt + 2));
        assertStartsWith("    at dev.poolwatch.samples.SubmitAfterShutdown.submitLate(", stderr.get(warningAt + 2));

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertTrue(stderr.indexOf(printed.header()) > warningAt, "the warning comes before the exit report");
        assertEquals("poolwatch: 1 task submitted after shutdown; 1 pool seen, none leaked", printed.header());
        assertEquals(1, printed.entries().size(), printed.text());
        PrintedReport.Entry submit = printed.entry(1);
        assertEquals("SUBMIT_AFTER_SHUTDOWN: 1 × " + TPE + " — task submitted after the pool was shut down; " + outcome,
                submit.title());
        assertStartsWith("dev.poolwatch.samples.SubmitAfterShutdown.submitLate(", submit.frames("submitted at:").get(0));
        assertStartsWith("dev.poolwatch.samples.SubmitAfterShutdown.stop(", submit.frames("shut down by shutdown() at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 0, 1);
        assertEquals(0, report.leaks().size(), report.leaks().toString());
        JsonObject entry = report.onlySubmitAfterShutdown();
        assertEquals(TPE, entry.get("poolType").getAsString());
        assertEquals(1, entry.get("count").getAsInt());
        assertEquals(rejected, entry.get("rejected").getAsBoolean(), entry.toString());
        assertStartsWith("dev.poolwatch.samples.SubmitAfterShutdown.submitLate(", firstFrame(entry, "submitSite"));
        assertStartsWith("dev.poolwatch.samples.SubmitAfterShutdown.stop(", firstFrame(entry, "shutdownSite"));
        assertEquals("shutdown", entry.get("shutdownMethod").getAsString());
    }

    @Test
    void tasks_submitted_after_shutdown_from_one_place_warn_once_and_are_all_counted() throws Exception {
        ForkedJvm.Result result = run(RepeatedLateSubmits.class.getName());
        assertEquals(1, result.stderrLines().stream().filter(line -> line.startsWith("poolwatch: WARNING:")).count(),
                result.stderr());
        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 3 tasks submitted after shutdown; 1 pool seen, none leaked", printed.header());
        assertEquals("SUBMIT_AFTER_SHUTDOWN: 3 × " + TPE + " — task submitted after the pool was shut down;"
                + " the task was silently dropped by ThreadPoolExecutor$DiscardPolicy", printed.entry(1).title());

        JsonObject entry = JsonReportFile.read(json()).onlySubmitAfterShutdown();
        assertEquals(3, entry.get("count").getAsInt(), entry.toString());
        assertFalse(entry.get("rejected").getAsBoolean(), entry.toString());
        assertStartsWith("dev.poolwatch.it.programs.RepeatedLateSubmits.main(", firstFrame(entry, "submitSite"));
    }

    @Test
    void an_executor_dropped_without_shutdown_is_closed_by_the_garbage_collector() throws Exception {
        ForkedJvm.Result result = run(GcClosedExecutor.class.getName());
        assertTrue(result.stdout().matches("worker pool-\\d+-thread-1 ended after GC\\R"), result.stdout());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        assertEquals(1, printed.entries().size(), printed.text());
        PrintedReport.Entry leak = printed.entry(1);
        assertEquals("CLOSED_BY_GC: 1 × " + TPE + " — never shut down by the program; the garbage collector closed it",
                leak.title());
        assertStartsWith("dev.poolwatch.samples.GcClosedExecutor.useAndForget(GcClosedExecutor.java:",
                leak.frames("created by thread \"main\" at:").get(0));
        assertTrue(leak.lines().stream().noneMatch(line -> line.startsWith("at exit:")), "a collected pool has no activity");

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        assertEquals(0, report.summary("recordsAtExit"), "a collected pool's record is gone");
        JsonObject entry = report.onlyLeak();
        assertLeak(entry, "CLOSED_BY_GC", TPE, 1, "dev.poolwatch.samples.GcClosedExecutor.useAndForget(");
        assertEquals(List.of(), strings(entry, "threads"));
        assertEquals(0, entry.get("active").getAsInt());
        assertEquals(0, entry.get("queued").getAsInt());
    }

    @Test
    void a_repeating_task_never_cancelled_leaves_its_scheduled_pool_open_with_its_schedule_and_idle() throws Exception {
        ForkedJvm.Result result = run(ScheduledNeverCancelled.class.getName());
        assertEquals(List.of("ticking"), result.stdoutLines());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        PrintedReport.Entry leak = printed.entry(1);
        assertEquals("OPEN_IDLE: 1 × java.util.concurrent.ScheduledThreadPoolExecutor — never shut down",
                leak.title());
        // Between two runs the periodic task waits for its next: a schedule, not a backlog.
        assertTrue(leak.line("at exit: ").matches("at exit: 0 running, 0 queued, 1 periodic task scheduled; threads: pool-\\d+-thread-1"),
                leak.line("at exit: "));
        assertStartsWith("dev.poolwatch.samples.ScheduledNeverCancelled.main(",
                leak.frames("created by thread \"main\" at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        JsonObject entry = report.onlyLeak();
        assertLeak(entry, "OPEN_IDLE", "java.util.concurrent.ScheduledThreadPoolExecutor", 1,
                "dev.poolwatch.samples.ScheduledNeverCancelled.main(");
        assertEquals(0, entry.get("active").getAsInt(), entry.toString());
        assertEquals(0, entry.get("queued").getAsInt(), entry.toString());
        assertEquals(1, entry.get("periodic").getAsInt(), entry.toString());
        assertEquals(1, strings(entry, "threads").size(), entry.toString());
    }

    @Test
    void a_fork_join_pool_never_shut_down_is_reported_open() throws Exception {
        ForkedJvm.Result result = run(ForkJoinNeverClosed.class.getName());
        assertEquals(List.of("sum 500500"), result.stdoutLines());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        // Idle, unless a worker is still looking for work as the JVM exits.
        assertTrue(printed.entry(1).title().matches("OPEN_(IDLE|BUSY): 1 × java.util.concurrent.ForkJoinPool — never shut down.*"),
                printed.entry(1).title());
        assertStartsWith("dev.poolwatch.samples.ForkJoinNeverClosed.main(",
                printed.entry(1).frames("created by thread \"main\" at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        JsonObject entry = report.onlyLeak();
        assertTrue(entry.get("kind").getAsString().startsWith("OPEN_"), entry.toString());
        assertLeak(entry, entry.get("kind").getAsString(), "java.util.concurrent.ForkJoinPool", 1,
                "dev.poolwatch.samples.ForkJoinNeverClosed.main(");
        List<String> threads = strings(entry, "threads");
        assertFalse(threads.isEmpty(), "its workers are listed: " + entry);
        assertTrue(threads.stream().allMatch(name -> name.matches("ForkJoinPool-\\d+-worker-\\d+")), entry.toString());
        assertEquals(0, entry.get("queued").getAsInt(), entry.toString());
    }

    @Test
    void a_thread_pool_left_to_its_cleaner_is_closed_by_the_garbage_collector() throws Exception {
        ForkedJvm.Result result = run(NotClosingPool.class.getName());
        assertTrue(result.stdoutLines().contains("Task interrupted"), "the Cleaner terminated the pool:\n" + result.stdout());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        PrintedReport.Entry leak = printed.entry(1);
        assertEquals("CLOSED_BY_GC: 1 × dev.poolwatch.pool.ThreadPool — never shut down by the program;"
                + " the garbage collector closed it", leak.title());
        assertStartsWith("dev.poolwatch.samples.NotClosingPool.startWorkAndForgetThePool(NotClosingPool.java:",
                leak.frames("created by thread \"main\" at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        assertLeak(report.onlyLeak(), "CLOSED_BY_GC", "dev.poolwatch.pool.ThreadPool", 1,
                "dev.poolwatch.samples.NotClosingPool.startWorkAndForgetThePool(");
        assertEquals(0, report.summary("recordsAtExit"));
    }

    @Test
    void a_virtual_thread_executor_left_open_with_a_running_task_is_open_busy() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads arrived in JDK 21");
        // Compiled for JDK 21 into the samples' classes: the tests, compiled for 17, cannot link to it.
        ForkedJvm.Result result = run("dev.poolwatch.samples.VirtualThreadExecutorLeak");
        assertEquals(List.of("virtual thread running"), result.stdoutLines());

        String executor = "java.util.concurrent.ThreadPerTaskExecutor";
        PrintedReport printed = PrintedReport.in(result.stderr());
        // How many pools were seen is NoFalsePositivesTest's business: the JDK's virtual thread scheduler is one.
        assertTrue(printed.header().matches("poolwatch: 1 of \\d+ pools? leaked"), printed.header());
        PrintedReport.Entry leak = printed.entry(1);
        assertEquals("OPEN_BUSY: 1 × " + executor + " — never shut down, and still working at exit", leak.title());
        assertTrue(leak.line("at exit: ").matches("at exit: 1 running, 0 queued; threads: unnamed thread #\\d+"),
                leak.line("at exit: "));
        assertStartsWith("dev.poolwatch.samples.VirtualThreadExecutorLeak.main(",
                leak.frames("created by thread \"main\" at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        assertEquals(1, report.summary("leaks"));
        assertEquals(0, report.summary("submitAfterShutdown"));
        JsonObject entry = report.onlyLeak();
        assertLeak(entry, "OPEN_BUSY", executor, 1, "dev.poolwatch.samples.VirtualThreadExecutorLeak.main(");
        assertEquals(1, entry.get("active").getAsInt(), entry.toString());
        assertEquals(0, entry.get("queued").getAsInt(), entry.toString());
        assertEquals(1, strings(entry, "threads").size(), entry.toString());
    }
}
