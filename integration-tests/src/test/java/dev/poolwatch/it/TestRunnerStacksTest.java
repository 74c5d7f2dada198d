package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.poolwatchfixture.ReflectiveRunner;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.LeakyTestClass;

/**
 * A pool that a test leaks, created under a runner that calls the test by reflection: the printed
 * stack is the test's own frames, not the reflection and runner frames that called it.
 */
class TestRunnerStacksTest {

    @TempDir
    Path temp;

    @Test
    void the_creation_site_of_a_pool_a_test_leaks_leaves_out_reflection_and_stops_at_the_runner() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(ReflectiveRunner.class, LeakyTestClass.class)
                .agent("report=" + json).run(ReflectiveRunner.class, LeakyTestClass.class.getName(), "leavesAPoolOpen");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("ran leavesAPoolOpen"), result.stdoutLines());

        JsonObject leak = JsonReportFile.read(json).onlyLeak();
        List<String> site = JsonReportFile.strings(leak, "creationSite");
        assertEquals(List.of(LeakyTestClass.class.getName() + ".leavesAPoolOpen"),
                site.stream().map(frame -> frame.replaceAll("\\(.*", "")).toList(), site.toString());
        assertEquals(List.of("   at " + site.get(0)), PrintedReport.in(result.stderr()).entry(1).lines().stream()
                .filter(line -> line.startsWith("   at ")).toList(), result.stderr());
    }
}
