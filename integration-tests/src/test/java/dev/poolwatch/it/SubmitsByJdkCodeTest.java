package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.DelayedTaskOnShutDownPool;
import dev.poolwatch.it.programs.LateStageOnShutDownPool;

/**
 * Tasks that JDK code hands to the program's pool on its behalf, on a thread of the JDK's with no frame
 * of the program's on its stack: a {@code CompletableFuture} stage chained with {@code thenApplyAsync},
 * and a task run through {@code CompletableFuture.delayedExecutor}. Handed over after the pool was shut
 * down, each is a submit after shutdown, judged and reported by where the pool was created; handed over
 * before, nothing.
 */
class SubmitsByJdkCodeTest {

    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";

    @TempDir
    Path temp;

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(LateStageOnShutDownPool.class);

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    @Test
    void a_stage_fired_after_its_pool_was_shut_down_is_reported_at_the_line_that_created_the_pool() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(LateStageOnShutDownPool.class, "late");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("stage failed: java.util.concurrent.RejectedExecutionException"), result.stdoutLines());
        assertReportedByPoolCreation(result, LateStageOnShutDownPool.class,
                "java.base/java.util.concurrent.CompletableFuture$UniCompletion.claim(");
    }

    @Test
    void a_delayed_task_handed_over_after_its_pool_was_shut_down_is_reported_at_the_line_that_created_the_pool()
            throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(DelayedTaskOnShutDownPool.class, "late");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("task timed out"), result.stdoutLines());
        assertReportedByPoolCreation(result, DelayedTaskOnShutDownPool.class,
                "java.base/java.util.concurrent.CompletableFuture$TaskSubmitter.run(");
    }

    @Test
    void a_chain_that_completes_before_its_pool_is_shut_down_gets_one_clean_line() throws Exception {
        ForkedJvm.Result result = jvm.agent().run(LateStageOnShutDownPool.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("stage: 42"), result.stdoutLines());
        assertEquals("poolwatch: 1 pool seen, none leaked\n", result.stderr());
    }

    @Test
    void a_delayed_task_that_runs_before_its_pool_is_shut_down_gets_one_clean_line() throws Exception {
        ForkedJvm.Result result = jvm.agent().run(DelayedTaskOnShutDownPool.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("task: ran"), result.stdoutLines());
        assertEquals("poolwatch: 1 pool seen, none leaked\n", result.stderr());
    }

    @Test
    void excludes_judge_a_task_jdk_code_submitted_by_the_class_that_created_the_pool() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json() + ",excludes=" + LateStageOnShutDownPool.class.getName())
                .run(LateStageOnShutDownPool.class, "late");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("poolwatch: 1 pool seen, none reported; includes/excludes left out 1 task submitted after shutdown,"
                + " e.g. of class " + LateStageOnShutDownPool.class.getName() + "\n", result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 0, 0);
        assertEquals(1, report.summary("submitsFilteredOut"));
    }

    @Test
    void fail_on_leak_fails_the_run_for_a_task_jdk_code_submitted() throws Exception {
        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(DelayedTaskOnShutDownPool.class, "late");

        assertEquals(3, result.exitCode(), result.stderr());
        List<String> lines = result.stderrLines();
        assertStartsWith("poolwatch: failOnLeak=true, so this JVM exits with status 3 instead of 0: 1 task submitted after"
                + " shutdown (by JDK code to the pool created at " + DelayedTaskOnShutDownPool.class.getName() + ".main(",
                lines.get(lines.size() - 1));
    }

    /**
     * One warning as the task is handed over and one entry at exit, each naming the JDK code that
     * submitted it, starting at {@code jdkFrame}, and the program's line that created the pool.
     */
    private void assertReportedByPoolCreation(ForkedJvm.Result result, Class<?> program, String jdkFrame) throws Exception {
        String created = program.getName() + ".main(" + program.getSimpleName() + ".java:";
        List<String> stderr = result.stderrLines();
        int warningAt = stderr.indexOf("poolwatch: WARNING: task submitted to a " + TPE + " after it was shut down;"
                + " it was rejected");
        assertTrue(warningAt >= 0, "the warning, as the task is handed over:\n" + result.stderr());
        assertTrue(stderr.get(warningAt + 1).matches("  submitted by JDK code on thread \".+\", with no frame of the"
                + " program's on its stack:"), result.stderr());
        assertStartsWith("    at " + jdkFrame, stderr.get(warningAt + 2));

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 task submitted after shutdown; 1 pool seen, none leaked", printed.header());
        PrintedReport.Entry entry = printed.entry(1);
        assertEquals("SUBMIT_AFTER_SHUTDOWN: 1 × " + TPE + " — task submitted after the pool was shut down;"
                + " the JDK code that submitted it got a RejectedExecutionException", entry.title());
        assertStartsWith(created, entry.frames("pool created at:").get(0));
        assertStartsWith(created, entry.frames("shut down by shutdown() at:").get(0));
        assertStartsWith("fix: shut the pool down only after the work chained or scheduled onto it has run",
                entry.line("fix: "));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 0, 1);
        JsonObject submit = report.onlySubmitAfterShutdown();
        assertEquals(TPE, submit.get("poolType").getAsString());
        assertTrue(submit.get("rejected").getAsBoolean(), submit.toString());
        assertEquals(0, submit.getAsJsonArray("submitSite").size(), submit.toString());
        assertStartsWith(jdkFrame, firstFrame(submit, "jdkSubmitSite"));
        assertStartsWith(created, firstFrame(submit, "poolCreationSite"));
        assertStartsWith(created, firstFrame(submit, "shutdownSite"));
    }
}
