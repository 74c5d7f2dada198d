package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertLeak;
import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.LooksForTheAgentsAsm;
import dev.poolwatch.it.programs.UsesItsOwnAsm;
import dev.poolwatch.pool.ThreadPool;
import dev.poolwatch.samples.ExitInShutdownHook;
import dev.poolwatch.samples.GcClosedExecutor;
import dev.poolwatch.samples.InterruptedExit;
import dev.poolwatch.samples.ManyPools;

/**
 * The agent where programs make its life hard: loaded twice, an exit with the interrupt flag set, a
 * hundred thousand pools, an exit that never finishes, a program with its own copy of ASM. The
 * report still comes, whole and once, and the program runs as it would without the agent.
 */
class RobustnessTest {

    private static final String TPE = "java.util.concurrent.ThreadPoolExecutor";

    @TempDir
    Path temp;

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    private static ForkedJvm samples() {
        return new ForkedJvm().classPathOf(ThreadPool.class, GcClosedExecutor.class);
    }

    @Test
    void the_agent_given_twice_installs_once_says_so_and_reports_once() throws Exception {
        ForkedJvm.Result once = samples().agent().run(GcClosedExecutor.class);
        ForkedJvm.Result twice = samples().agent("report=" + json()).agent("quiet=true").run(GcClosedExecutor.class);
        assertEquals(0, twice.exitCode(), twice.stderr());
        assertEquals("poolwatch: already installed in this JVM; ignoring the second copy (options quiet=true)",
                twice.stderrLines().get(0));
        assertEquals(1, twice.stderrLines().stream().filter(line -> line.contains("already installed")).count(),
                twice.stderr());
        // PrintedReport.in fails unless there is exactly one report.
        assertEquals(PrintedReport.in(once.stderr()).withoutTimes().text(),
                PrintedReport.in(twice.stderr()).withoutTimes().text());
        JsonReportFile.read(json()).assertSummary(1, 1, 0);
    }

    @Test
    void a_program_exiting_with_its_interrupt_flag_set_still_gets_the_whole_report() throws Exception {
        ForkedJvm.Result result = samples().agent("report=" + json()).run(InterruptedExit.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("exiting with the interrupt flag set"), result.stdoutLines());
        assertTrue(result.stderrLines().stream().noneMatch(line -> line.contains("could not write")), result.stderr());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        PrintedReport.Entry leak = printed.entry(1);
        assertOpen(leak.title());
        assertStartsWith("dev.poolwatch.samples.InterruptedExit.main(",
                leak.frames("created by thread \"main\" at:").get(0));
        assertTrue(leak.lines().get(leak.lines().size() - 1).startsWith("fix: "), "the report is printed to its end");

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        JsonObject entry = report.onlyLeak();
        assertTrue(entry.get("kind").getAsString().startsWith("OPEN_"), entry.toString());
        assertLeak(entry, entry.get("kind").getAsString(), TPE, 1, "dev.poolwatch.samples.InterruptedExit.main(");
    }

    /**
     * The samples' pool has just run its one task: idle, unless its worker is still finishing the
     * task's bookkeeping as the JVM exits, which the report may show as one task running.
     */
    private static void assertOpen(String title) {
        assertTrue(title.equals("OPEN_IDLE: 1 × " + TPE + " — never shut down")
                || title.equals("OPEN_BUSY: 1 × " + TPE + " — never shut down, and still working at exit"), title);
    }

    @Test
    void a_hundred_thousand_pools_closed_leave_no_record_and_no_heap_behind() throws Exception {
        int pools = 100_000;
        ForkedJvm.Result without = samples().run(ManyPools.class, Integer.toString(pools));
        ForkedJvm.Result with = samples().agent("report=" + json()).run(ManyPools.class, Integer.toString(pools));
        assertEquals(0, with.exitCode(), with.stderr());
        assertEquals(List.of("poolwatch: " + pools + " pools seen, none leaked"), with.stderrLines());

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(pools, 0, 0);
        assertEquals(0, report.summary("recordsAtExit"), "every closed pool's record was dropped once it was collected");
        assertEquals(0, report.summary("droppedSites"));

        // A record kept per pool costs hundreds of bytes (its creation stack alone); allow 40 bytes a pool.
        long margin = 40L * pools;
        long growth = heapAfter(with) - heapAfter(without);
        assertTrue(growth < margin, "used heap after GC grew by " + growth + " bytes with the agent; at most " + margin
                + " expected.\nwithout:\n" + without.stdout() + "with:\n" + with.stdout());
    }

    private static long heapAfter(ForkedJvm.Result result) {
        return result.stdoutLines().stream().filter(line -> line.startsWith("heapAfter "))
                .mapToLong(line -> Long.parseLong(line.substring("heapAfter ".length()))).findFirst()
                .orElseThrow(() -> new AssertionError("no heapAfter line:\n" + result.stdout()));
    }

    @Test
    void an_exit_called_in_a_shutdown_hook_still_gets_the_report_although_the_jvm_never_finishes_exiting()
            throws Exception {
        // The JDK blocks System.exit in a shutdown hook forever: the JVM is killed once the report is whole.
        ForkedJvm.Result result = samples().agent("report=" + json())
                .runUntil(stderr -> stderr.contains("   fix: ") && Files.exists(json()), ExitInShutdownHook.class);
        assertTrue(result.killed(), "the JVM hangs by JDK design, so the report came before its end:\n" + result.stderr());
        assertEquals(List.of("exiting"), result.stdoutLines());
        assertTrue(result.stderrLines().contains("poolwatch: System.exit was called in shutdown hook \"exiting-hook\";"
                + " the JDK blocks that call for ever, so the JVM will not finish exiting. Reporting now."), result.stderr());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        assertOpen(printed.entry(1).title());
        assertStartsWith("dev.poolwatch.samples.ExitInShutdownHook.main(",
                printed.entry(1).frames("created by thread \"main\" at:").get(0));

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        JsonObject entry = report.onlyLeak();
        assertTrue(entry.get("kind").getAsString().startsWith("OPEN_"), entry.toString());
        assertLeak(entry, entry.get("kind").getAsString(), TPE, 1, "dev.poolwatch.samples.ExitInShutdownHook.main(");
    }

    @Test
    void a_program_with_its_own_older_asm_on_the_class_path_still_gets_a_report() throws Exception {
        String programsAsm = ClassReader.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        ForkedJvm.Result result = new ForkedJvm().classPathOf(UsesItsOwnAsm.class, ClassReader.class)
                .agent("report=" + json()).run(UsesItsOwnAsm.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("read dev/poolwatch/it/programs/UsesItsOwnAsm with ASM from " + programsAsm,
                "leaked ThreadPoolExecutor"), result.stdoutLines());

        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        assertTrue(result.stderrLines().stream().noneMatch(line -> line.contains("ERROR")), result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(1, 1, 0);
        assertLeak(report.onlyLeak(), "OPEN_IDLE", TPE, 1, "dev.poolwatch.it.programs.UsesItsOwnAsm.main(");
    }

    @Test
    void the_agents_asm_stays_out_of_the_bootstrap_class_loader_that_the_jdks_pools_use() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(LooksForTheAgentsAsm.class).agent("quiet=true")
                .run(LooksForTheAgentsAsm.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("bootstrap loader, agent's ASM: not found", "bootstrap loader, agent's runtime: found"),
                result.stdoutLines());
    }

    /** GcClosedExecutor prints its worker's name; NotClosingPool lists the application's threads. */
    @ParameterizedTest
    @ValueSource(strings = {"dev.poolwatch.samples.GcClosedExecutor", "dev.poolwatch.samples.NotClosingPool"})
    void a_program_prints_the_same_with_the_agent_as_without_it(String program) throws Exception {
        ForkedJvm.Result without = samples().run(program);
        ForkedJvm.Result with = samples().agent("quiet=true").run(program);
        assertEquals(without.exitCode(), with.exitCode(), with.stderr());
        assertEquals(without.stdout(), with.stdout(), "the agent changed what the program printed");
    }
}
