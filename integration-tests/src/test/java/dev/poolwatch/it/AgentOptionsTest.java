package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertLeak;
import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static dev.poolwatch.it.JsonReportFile.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonElement;

import dev.poolwatch.it.programs.LeakThenExit;
import dev.poolwatch.it.programs.TwoCreators;
import dev.poolwatch.pool.ThreadPool;
import dev.poolwatch.samples.CleanApp;
import dev.poolwatch.samples.ForkJoinNeverClosed;
import dev.poolwatch.samples.PerRequestPoolServer;
import dev.poolwatch.samples.SubmitAfterShutdown;

/**
 * The options after {@code -javaagent:poolwatch-agent.jar=}, as a user types them: a bad one stops
 * the JVM before the program starts, the good ones change what is reported and how the JVM exits.
 */
class AgentOptionsTest {

    private static final String FAIL_ON_LEAK_LINE = "poolwatch: failOnLeak=true, so this JVM exits with status 3 instead of 0: ";
    private static final String BILLING = "dev.poolwatch.it.programs.TwoCreators$Billing.start(";
    private static final String MAILER = "dev.poolwatch.it.programs.TwoCreators$Mailer.start(";

    @TempDir
    Path temp;

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, CleanApp.class, LeakThenExit.class);

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            reprot=x               | unknown option 'reprot'; valid keys: report, quiet, includes, excludes, stackDepth, failOnLeak, lifetimePools, checkBuildTool, exitWatch, onHang, kinds, jmx
            quiet                  | option 'quiet' is not of the form key=value; valid keys: report, quiet, includes, excludes, stackDepth, failOnLeak, lifetimePools, checkBuildTool, exitWatch, onHang, kinds, jmx
            quiet=true,quiet=false | option quiet is given twice
            quiet=yes              | option quiet=yes is not valid: expected true or false
            exitWatch=5            | option exitWatch=5 is not valid: expected a duration in ms or s (500ms, 5s), or off
            onHang=abort           | option onHang=abort is not valid: expected report or exit
            failOnLeak=1           | option failOnLeak=1 is not valid: expected true or false
            lifetimePools=true     | option lifetimePools=true is not valid: expected apart or leaks
            stackDepth=deep        | option stackDepth=deep is not valid: expected an integer from 0 to 1000
            stackDepth=-1          | option stackDepth=-1 is not valid: expected an integer from 0 to 1000
            stackDepth=1001        | option stackDepth=1001 is not valid: expected an integer from 0 to 1000
            includes=com.acme.*::x | option includes=com.acme.*::x is not valid: expected class name patterns separated by ':', '*' matching any characters
            report=                | option report= is not valid: expected a file path, where %p stands for the process id and %% for %
            report=pw-%P.json      | option report=pw-%P.json is not valid: expected a file path, where %p stands for the process id and %% for %
            """)
    void a_bad_option_stops_the_jvm_at_startup_with_one_line_naming_it_and_what_is_allowed(String options, String message)
            throws Exception {
        ForkedJvm.Result result = jvm.agent(options).run(ForkJoinNeverClosed.class);
        assertEquals(1, result.exitCode(), result.stderr());
        assertEquals("", result.stdout(), "the program never started");
        assertEquals(List.of("poolwatch: " + message + " (in -javaagent:...=" + options + ")"), result.stderrLines());
    }

    @ParameterizedTest(name = "main ends by {0}")
    @CsvSource({"return", "exit 0"})
    void fail_on_leak_turns_the_exit_status_0_of_a_leaky_program_into_3(String ending) throws Exception {
        String[] args = ending.split(" ");
        ForkedJvm.Result without = new ForkedJvm().classPathOf(LeakThenExit.class).agent().run(LeakThenExit.class, args);
        assertEquals(0, without.exitCode(), "without failOnLeak, the leaky program exits with 0:\n" + without.stderr());

        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(LeakThenExit.class, args);
        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
        List<String> stderr = result.stderrLines();
        String last = stderr.get(stderr.size() - 1);
        assertStartsWith(FAIL_ON_LEAK_LINE + "1 leaked pool (OPEN_", last);
        assertTrue(last.contains(" ThreadPoolExecutor created at dev.poolwatch.it.programs.LeakThenExit.main("), last);
    }

    @Test
    void fail_on_leak_counts_a_task_submitted_after_shutdown() throws Exception {
        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(SubmitAfterShutdown.class, "abort");
        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals(List.of(FAIL_ON_LEAK_LINE + "1 task submitted after shutdown (at"
                + " dev.poolwatch.samples.SubmitAfterShutdown.submitLate(SubmitAfterShutdown.java:37))"
                + " (a test runner may call this a crashed fork)"), failOnLeakLines(result));
    }

    @Test
    void fail_on_leak_keeps_the_status_a_program_chose_for_itself() throws Exception {
        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(LeakThenExit.class, "exit", "5");
        assertEquals(5, result.exitCode(), result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
        assertEquals(List.of(), failOnLeakLines(result));
    }

    @Test
    void fail_on_leak_keeps_the_status_1_of_a_main_that_threw() throws Exception {
        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(LeakThenExit.class, "throw");
        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(result.stderrLines().contains(
                "Exception in thread \"main\" java.lang.IllegalStateException: main failed on purpose"),
                "the program's own output is unchanged:\n" + result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
        assertEquals(List.of(), failOnLeakLines(result));
    }

    @Test
    void fail_on_leak_leaves_a_clean_program_exiting_with_0() throws Exception {
        ForkedJvm.Result result = jvm.agent("failOnLeak=true").run(CleanApp.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("poolwatch: 4 pools seen, none leaked"), result.stderrLines());
    }

    @Test
    void quiet_still_prints_the_report_when_a_pool_leaked() throws Exception {
        ForkedJvm.Result result = jvm.agent("quiet=true").run(LeakThenExit.class, "return");
        assertEquals(0, result.exitCode(), result.stderr());
        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        assertEquals("OPEN_IDLE: 1 × java.util.concurrent.ThreadPoolExecutor — never shut down", printed.entry(1).title());
    }

    @Test
    void without_includes_or_excludes_every_creator_is_reported() throws Exception {
        assertEquals(Set.of(BILLING, MAILER), reportedCreators(""));
    }

    @Test
    void includes_reports_only_pools_created_in_matching_classes() throws Exception {
        assertEquals(Set.of(BILLING), reportedCreators("includes=*$Billing"));
        assertEquals(Set.of(BILLING, MAILER), reportedCreators("includes=*$Billing:dev.poolwatch.it.*.TwoCreators$Mail*"));
    }

    @Test
    void excludes_hides_pools_created_in_matching_classes() throws Exception {
        assertEquals(Set.of(MAILER), reportedCreators("excludes=*$Billing"));
        assertEquals(Set.of(MAILER), reportedCreators("includes=dev.poolwatch.*,excludes=*Billing"));
    }

    @Test
    void fail_on_leak_ignores_the_pools_that_excludes_hides() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(TwoCreators.class)
                .agent("failOnLeak=true,excludes=dev.poolwatch.it.programs.*").run(TwoCreators.class);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> stderr = result.stderrLines();
        assertEquals(1, stderr.size(), result.stderr());
        assertStartsWith("poolwatch: 2 pools seen, none reported; includes/excludes left out 2 leaked pools, e.g. of class"
                + " dev.poolwatch.it.programs.TwoCreators$", stderr.get(0));
    }

    @Test
    void an_includes_pattern_that_matches_nothing_says_what_it_left_out() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(TwoCreators.class)
                .agent("failOnLeak=true,includes=dev.poolwatch.it.programs,report=" + json()).run(TwoCreators.class);
        assertEquals(0, result.exitCode(), "a filter is the user's choice, typo or not:\n" + result.stderr());
        assertStartsWith("poolwatch: 2 pools seen, none reported; includes/excludes left out 2 leaked pools, e.g. of class"
                + " dev.poolwatch.it.programs.TwoCreators$", result.stderrLines().get(0));
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(2, 0, 0);
        assertEquals(2, report.summary("leaksFilteredOut"));
        assertEquals(0, report.summary("submitsFilteredOut"));
    }

    /** The class of TwoCreators' two that is not among {@code reported}, as the filter's note names it. */
    private static String leftOut(Set<String> reported) {
        String frame = reported.contains(BILLING) ? MAILER : BILLING;
        return frame.substring(0, frame.lastIndexOf('.'));
    }

    /** The lines that say failOnLeak changed the exit status. */
    private static List<String> failOnLeakLines(ForkedJvm.Result result) {
        return result.stderrLines().stream().filter(line -> line.startsWith(FAIL_ON_LEAK_LINE)).toList();
    }

    /** The first frame of every leak TwoCreators is reported with, as printed and as in JSON, which must agree. */
    private Set<String> reportedCreators(String options) throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(TwoCreators.class)
                .agent((options.isEmpty() ? "" : options + ",") + "report=" + json()).run(TwoCreators.class);
        assertEquals(0, result.exitCode(), result.stderr());
        PrintedReport printed = PrintedReport.in(result.stderr());
        Set<String> printedCreators = new TreeSet<>();
        for (PrintedReport.Entry leak : printed.entries()) {
            assertEquals("OPEN_IDLE: 1 × java.util.concurrent.ThreadPoolExecutor — never shut down", leak.title());
            printedCreators.add(leak.frames("created by thread \"main\" at:").get(0).replaceFirst("\\(.*", "("));
        }
        assertEquals("poolwatch: " + printedCreators.size() + " of 2 pools leaked"
                + (printedCreators.size() == 2 ? "" : "; includes/excludes left out 1 leaked pool, e.g. of class "
                        + leftOut(printedCreators)), printed.header());

        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(2, printedCreators.size(), 0);
        Set<String> jsonCreators = new TreeSet<>();
        for (JsonElement leak : report.leaks()) {
            jsonCreators.add(firstFrame(leak.getAsJsonObject(), "creationSite").replaceFirst("\\(.*", "("));
        }
        assertEquals(printedCreators, jsonCreators);
        return printedCreators;
    }

    @ParameterizedTest(name = "{1} frames with \"{0}\"")
    @CsvSource({"stackDepth=0, 1", "stackDepth=2, 3", "'', 6"})
    void stack_depth_sets_how_many_frames_follow_the_first_application_frame(String option, int frames) throws Exception {
        ForkedJvm.Result result = jvm.agent((option.isEmpty() ? "" : option + ",") + "report=" + json())
                .run(PerRequestPoolServer.class, "1");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        assertLeak(report.onlyLeak(), "OPEN_IDLE", "java.util.concurrent.ThreadPoolExecutor", 1,
                "dev.poolwatch.samples.PerRequestPoolServer.handle(");
        List<String> site = strings(report.onlyLeak(), "creationSite");
        assertEquals(frames, site.size(), "frames kept: " + site);
        assertEquals(site, PrintedReport.in(result.stderr()).entry(1).frames("created by thread \"HTTP-Dispatcher\" at:"),
                "the printed report shows the same frames");
    }

    @Test
    void the_json_report_is_written_where_asked_even_into_a_directory_not_there_yet() throws Exception {
        Path nested = temp.resolve("reports/ci/poolwatch.json");
        ForkedJvm.Result result = jvm.agent("report=" + nested).run(LeakThenExit.class, "return");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonReportFile report = JsonReportFile.read(nested);
        report.assertSummary(1, 1, 0);
        assertLeak(report.onlyLeak(), "OPEN_IDLE", "java.util.concurrent.ThreadPoolExecutor", 1,
                "dev.poolwatch.it.programs.LeakThenExit.main(");
    }
}
