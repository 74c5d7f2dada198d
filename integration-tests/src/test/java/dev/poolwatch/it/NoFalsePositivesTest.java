package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolwatch.it.programs.JdkPoolsOnly;
import dev.poolwatch.pool.ThreadPool;
import dev.poolwatch.samples.CleanApp;
import dev.poolwatch.samples.ClosedInShutdownHook;
import dev.poolwatch.samples.CommonPoolOnly;

/**
 * Programs that leak nothing get one clean line on stderr, and a JSON report with no leaks; with
 * {@code quiet=true}, not even that line.
 */
class NoFalsePositivesTest {

    @TempDir
    Path temp;

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, CleanApp.class, JdkPoolsOnly.class);

    private Path json() {
        return temp.resolve("poolwatch.json");
    }

    @Test
    void a_program_that_closes_every_pool_it_creates_gets_one_clean_line() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(CleanApp.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("squares [1, 4, 9]", "all closed"), result.stdoutLines());
        assertClean(result, 4);
    }

    @Test
    void the_common_pool_is_the_jdks_to_manage_and_never_reported() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(CommonPoolOnly.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("answer 42"), result.stdoutLines());
        assertClean(result, 0);
    }

    @Test
    void a_pool_closed_by_the_programs_own_shutdown_hook_is_not_a_leak() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(ClosedInShutdownHook.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("result 42"), result.stdoutLines());
        assertClean(result, 1);
    }

    @Test
    void pools_the_jdk_creates_for_itself_are_neither_reported_nor_counted_as_the_programs() throws Exception {
        ForkedJvm.Result result = jvm.agent("report=" + json()).run(JdkPoolsOnly.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertClean(result, 0);
    }

    @Test
    void quiet_prints_nothing_for_a_clean_program_and_still_writes_the_json_report() throws Exception {
        ForkedJvm.Result result = jvm.agent("quiet=true,report=" + json()).run(CleanApp.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(4, 0, 0);
        assertEquals(0, report.leaks().size(), report.leaks().toString());
    }

    /** Stderr is exactly the one clean line; the JSON report agrees and lists nothing. */
    private void assertClean(ForkedJvm.Result result, int poolsSeen) throws Exception {
        String pools = poolsSeen + (poolsSeen == 1 ? " pool" : " pools");
        assertEquals("poolwatch: " + pools + " seen, none leaked\n", result.stderr());
        JsonReportFile report = JsonReportFile.read(json());
        report.assertSummary(poolsSeen, 0, 0);
        assertEquals(0, report.leaks().size(), report.leaks().toString());
        assertEquals(0, report.submitsAfterShutdown().size(), report.submitsAfterShutdown().toString());
    }
}
