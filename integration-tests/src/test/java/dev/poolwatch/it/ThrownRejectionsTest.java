package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.LateSubmitsToThrowingPools;
import dev.poolwatch.pool.ThreadPool;

/**
 * Pools that reject by throwing (ForkJoinPool, ThreadPool, the virtual-thread executor) are seen
 * through a handler woven around their submitting methods. Run with failOnLeak so that
 * java.lang.Shutdown is woven before main starts: every woven JDK class in this run is verified by
 * the JVM that loads it (as in every forked JVM).
 */
class ThrownRejectionsTest {

    @TempDir
    Path temp;

    @Test
    void a_task_refused_by_a_throwing_pool_after_shutdown_is_reported_once_per_submit_site() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(ThreadPool.class, LateSubmitsToThrowingPools.class)
                .agent("failOnLeak=true,report=" + json)
                .run(LateSubmitsToThrowingPools.class);

        boolean virtualThreads = Runtime.version().feature() >= 21;
        int refusals = virtualThreads ? 4 : 3;
        assertEquals(3, result.exitCode(), "failOnLeak turns the findings into status 3:\n" + result.stderr());
        assertEquals(List.of("refused", "refused", "refused", "refused").subList(0, refusals), result.stdoutLines());
        assertTrue(result.stderr().startsWith("poolwatch: WARNING: task submitted to a java.util.concurrent.ForkJoinPool"
                + " after it was shut down; it was rejected\n"), result.stderr());

        JsonReportFile report = JsonReportFile.read(json);
        report.assertSummary(virtualThreads ? 3 : 2, 0, refusals);
        assertEquals(0, report.summary("internalErrors"));
        List<String> sites = new ArrayList<>();
        for (JsonElement element : report.submitsAfterShutdown()) {
            JsonObject submit = element.getAsJsonObject();
            assertEquals(1, submit.get("count").getAsInt(), submit.toString());
            assertTrue(submit.get("rejected").getAsBoolean(), submit.toString());
            assertTrue(firstFrame(submit, "shutdownSite").startsWith(LateSubmitsToThrowingPools.class.getName() + ".main("),
                    submit.toString());
            sites.add(submit.get("poolType").getAsString() + " " + firstFrame(submit, "submitSite").replaceAll("\\(.*", ""));
        }
        String program = LateSubmitsToThrowingPools.class.getName();
        List<String> expected = new ArrayList<>(List.of(
                "java.util.concurrent.ForkJoinPool " + program + ".submitTo",
                "java.util.concurrent.ForkJoinPool " + program + ".invokeAllOn",
                "dev.poolwatch.pool.ThreadPool " + program + ".applyOn"));
        if (virtualThreads) {
            expected.add("java.util.concurrent.ThreadPerTaskExecutor " + program + ".submitTo");
        }
        sites.sort(null);
        expected.sort(null);
        assertEquals(expected, sites);
    }
}
