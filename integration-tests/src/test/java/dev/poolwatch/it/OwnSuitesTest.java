package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * poolwatch's own suites, the pool's and the listener's, run again by the JUnit Platform's console
 * launcher under poolwatch's listener in warn mode, with the agent given: every test passes, and no
 * test, nor anything outside the tests, leaves a pool open. (The agent's own suite cannot run under
 * an agent: its tests define the agent's bootstrap package from the class path, which the agent has
 * already defined in the bootstrap class loader.)
 */
class OwnSuitesTest {

    private static final String LAUNCHER = "org.junit.platform.console.ConsoleLauncher";

    @TempDir
    Path reports;

    @ParameterizedTest
    @ValueSource(strings = {"dev.poolwatch.pool", "dev.poolwatch.junit"})
    void the_suite_of_a_poolwatch_module_leaves_no_pool_open(String testPackage) throws Exception {
        Path report = reports.resolve("poolwatch-tests.json");

        ForkedJvm.Result run = new ForkedJvm().agent().jvmOption("-XX:+EnableDynamicAgentLoading").classPath(jars())
                .run(LAUNCHER, "execute", "--disable-banner", "--details=summary", "--fail-if-no-tests",
                        "--select-package", testPackage, "--config", "poolwatch.reportFile=" + report);

        String output = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), output);
        assertTrue(run.stdout().contains(" 0 tests failed "), output);
        assertTrue(Files.isRegularFile(report), "the listener ran and wrote its report:\n" + output);
        JsonObject leaks = JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(0, leaks.getAsJsonArray("tests").size(), leaks + "\n" + output);
        assertEquals(0, leaks.getAsJsonArray("outsideTests").size(), leaks + "\n" + output);
    }

    /** The modules' jars and test jars, the listener's, Byte Buddy's agent and the JUnit Platform, as the pom copied them. */
    private static List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> copied = Files.list(Paths.get(System.getProperty("poolwatch.ownSuites")))) {
            copied.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(ForkedJvm.agentJar());
        return jars;
    }
}
