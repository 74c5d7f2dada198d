package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolwatch.it.programs.LeakAfterSystemErrIsReplaced;
import dev.poolwatch.it.programs.LeakThenExit;
import dev.poolwatch.it.programs.LeaksAtManySites;

/**
 * The exit report reaches the person and the file whatever the JVM's surroundings: a test runner
 * that replaced {@code System.err}, a pipe nobody drains, many JVMs sharing one report path, a
 * terminal that cannot show the report's few non-ASCII characters.
 */
class ExitReportDeliveryTest {

    @TempDir
    Path temp;

    private static ForkedJvm programs() {
        return new ForkedJvm().classPathOf(LeakThenExit.class);
    }

    @Test
    void the_report_reaches_the_process_stderr_after_the_program_replaced_system_err() throws Exception {
        ForkedJvm.Result result = programs().agent().run(LeakAfterSystemErrIsReplaced.class);
        assertEquals(0, result.exitCode(), result.stderr());
        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", printed.header());
        assertStartsWith("dev.poolwatch.it.programs.LeakAfterSystemErrIsReplaced.main(",
                printed.entry(1).frames("created by thread \"main\" at:").get(0));
    }

    @Test
    void the_json_report_is_written_before_a_text_report_that_fills_an_undrained_pipe() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        // 300 sites of up to 300 frames each: megabytes of text, far beyond a pipe's buffer.
        Process process = programs().agent("stackDepth=1000,report=" + json)
                .startWithUndrainedStderr(LeaksAtManySites.class, "300");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(json) && System.nanoTime() < deadline) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            assertTrue(Files.exists(json), "the JSON report exists while the text report waits on the pipe");
            assertTrue(process.isAlive(), "the text report is blocked on the full pipe, as the test intends");
            JsonReportFile.read(json).assertSummary(300, 300, 0);
        } finally {
            process.destroyForcibly().waitFor();
            process.getErrorStream().close();
        }
    }

    @Test
    void one_report_path_with_percent_p_gives_each_jvm_a_file_of_its_own() throws Exception {
        String path = temp.resolve("pw-%p.json").toString();
        programs().agent("report=" + path).run(LeakThenExit.class, "return");
        programs().agent("report=" + path).run(LeakThenExit.class, "return");
        List<Path> reports;
        try (Stream<Path> files = Files.list(temp)) {
            reports = files.sorted().toList();
        }
        assertEquals(2, reports.size(), reports.toString());
        for (Path report : reports) {
            long pid = JsonReportFile.read(report).json().getAsJsonObject("jvm").get("pid").getAsLong();
            assertEquals("pw-" + pid + ".json", report.getFileName().toString());
        }
        assertNotEquals(reports.get(0), reports.get(1));
    }

    @Test
    void the_json_report_is_readable_like_any_other_file_the_user_writes() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        programs().agent("report=" + json).run(LeakThenExit.class, "return");
        Path ordinary = temp.resolve("ordinary.txt");
        try (OutputStream out = Files.newOutputStream(ordinary)) {
            out.write('x');
        }
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
        assertTrue(expected.contains(PosixFilePermission.OTHERS_READ), "this test needs a umask that lets others read");
        assertEquals(expected, Files.getPosixFilePermissions(json));
    }

    @Test
    void a_report_that_cannot_be_written_fails_a_run_under_fail_on_leak() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("file"), "a file, not a directory");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(LeakThenExit.class)
                .agent("failOnLeak=true,includes=nothing.matches.*,report=" + notADirectory.resolve("poolwatch.json"))
                .run(LeakThenExit.class, "return");
        assertEquals(3, result.exitCode(), result.stderr());
        String last = result.stderrLines().get(result.stderrLines().size() - 1);
        assertEquals("poolwatch: failOnLeak=true, so this JVM exits with status 3 instead of 0: the JSON report could not"
                + " be written (a test runner may call this a crashed fork)", last);
    }

    @Test
    void a_terminal_that_cannot_show_the_reports_characters_gets_ascii_look_alikes() throws Exception {
        ForkedJvm.Result result = programs().agent().environment("LC_ALL", "C").run(LeakThenExit.class, "return");
        String title = PrintedReport.in(result.stderr()).entry(1).title();
        assertTrue(title.matches("OPEN_(IDLE|BUSY): 1 x java\\.util\\.concurrent\\.ThreadPoolExecutor - never shut down.*"),
                title);
        assertFalse(result.stderr().contains("?"), result.stderr());
    }
}
