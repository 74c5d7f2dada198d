package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.ManyLeakedPools;
import dev.poolwatch.pool.ThreadPool;

/**
 * The exit report's work must not grow as pools times threads: a program that leaves 1,000 pools of
 * 8 threads open still gets its report, with every pool and every thread in it, before the JVM is
 * given up on.
 */
class ManyLeakedPoolsTest {

    @TempDir
    Path temp;

    @Test
    void a_thousand_leaked_pools_of_eight_threads_are_all_reported_with_their_threads() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(ThreadPool.class, ManyLeakedPools.class)
                .agent("report=" + json).run(ManyLeakedPools.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("open: 1000 pools of 8 threads"), result.stdoutLines());
        assertEquals("poolwatch: 1000 of 1000 pools leaked", PrintedReport.in(result.stderr()).header());

        JsonReportFile report = JsonReportFile.read(json);
        report.assertSummary(1000, 1000, 0);
        JsonObject leak = report.onlyLeak();
        assertEquals(1000, leak.get("count").getAsInt());
        assertEquals(8000, JsonReportFile.strings(leak, "threads").size());
    }
}
