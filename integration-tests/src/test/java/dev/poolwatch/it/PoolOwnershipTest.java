package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.PoolsMadeThroughTheJdk;

/**
 * Whose pool it is, told by the class loaders of the frames that create it: a pool the program
 * makes through JDK code is the program's, and a library's pool is the program's whatever its
 * package is called. (That the JDK's own pools are not reported is in {@link NoFalsePositivesTest}.)
 */
class PoolOwnershipTest {

    @TempDir
    Path temp;

    @Test
    void pools_the_program_creates_through_jdk_code_or_in_a_javax_package_are_the_programs() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(PoolsMadeThroughTheJdk.class)
                .agent("report=" + json).run(PoolsMadeThroughTheJdk.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("open: true true true"), result.stdoutLines());

        JsonReportFile report = JsonReportFile.read(json);
        report.assertSummary(4, 4, 0);
        List<String> leaks = new ArrayList<>();
        for (JsonElement element : report.leaks()) {
            JsonObject leak = element.getAsJsonObject();
            leaks.add(leak.get("poolType").getAsString() + " " + firstFrame(leak, "creationSite").replaceAll(":\\d+\\)", ")"));
        }
        leaks.sort(null);
        String main = PoolsMadeThroughTheJdk.class.getName() + ".main(PoolsMadeThroughTheJdk.java)";
        assertEquals(List.of(
                "java.util.concurrent.ScheduledThreadPoolExecutor " + main,
                "java.util.concurrent.ThreadPoolExecutor " + main,
                "java.util.concurrent.ThreadPoolExecutor " + main,
                "java.util.concurrent.ThreadPoolExecutor javax.poolwatch.fixture.LegacyScheduler.start(LegacyScheduler.java)"),
                leaks, report.leaks().toString());
    }
}
