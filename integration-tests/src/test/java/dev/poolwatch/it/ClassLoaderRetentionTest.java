package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.poolwatch.it.programs.RedeployedWebapp;

/**
 * What the agent keeps must never keep a class loader alive: a web application redeployed three
 * times, which shuts its static pool down on undeploy, leaves its loaders to the garbage collector
 * under the agent as it does without it, even after a task handed to its closed pool and an
 * internal error thrown from one of its classes.
 */
class ClassLoaderRetentionTest {

    @TempDir
    Path temp;

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(RedeployedWebapp.class);

    @Test
    void without_the_agent_an_undeployed_webapps_class_loaders_are_collected() throws Exception {
        ForkedJvm.Result result = jvm.run(RedeployedWebapp.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("webapp class loaders collected: 3 of 3", last(result.stdoutLines()), result.stdout());
    }

    @Test
    void under_the_agent_an_undeployed_webapps_class_loaders_are_collected_and_its_late_task_still_reported()
            throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = jvm.agent("report=" + json).run(RedeployedWebapp.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("served", "served", "served", "webapp class loaders collected: 3 of 3"),
                result.stdoutLines(), result.stderr());

        JsonReportFile report = JsonReportFile.read(json);
        assertEquals(6, report.summary("poolsCreated"), "a fixed pool and a failing pool per deploy");
        assertEquals(0, report.summary("leaks"));
        assertEquals(3, report.summary("internalErrors"), "the failing pool's isShutdown, once per deploy");
        JsonObject late = report.onlySubmitAfterShutdown();
        assertEquals(3, late.get("count").getAsInt(), late.toString());
        assertTrue(firstFrame(late, "submitSite").startsWith("webapp//dev.poolwatch.it.programs.webapp.Webapp.undeploy("),
                late.toString());
        assertTrue(firstFrame(late, "shutdownSite").startsWith("webapp//dev.poolwatch.it.programs.webapp.Webapp.undeploy("),
                late.toString());
        assertTrue(result.stderr().contains("3 internal error(s) were swallowed so the program was not affected; the first:"
                + " java.lang.IllegalStateException: this webapp's pool cannot be asked"), result.stderr());
    }

    private static String last(List<String> lines) {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
