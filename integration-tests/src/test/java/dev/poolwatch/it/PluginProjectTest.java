package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project (test resources, {@code plugin-project/}) with the README's block for poolwatch's
 * Maven plugin and its test dependency on {@code poolwatch-junit}, run by {@code mvn verify}: the
 * console, the exit status, the page and the baseline, as a user sees them. {@code LeakyTest} leaves a
 * pool open, {@code ClosingTest} does not, and {@code OwnArgLineTest} checks that the argLine the
 * project had reaches the test JVM beside the agent.
 */
class PluginProjectTest {

    private static final String NEW_LEAK = "[ERROR]   OPEN_IDLE java.util.concurrent.ThreadPoolExecutor created at"
            + " demo.LeakyTest.leaksItsPool(LeakyTest.java:14) in demo.LeakyTest.leaksItsPool()";
    private static final List<String> TESTS = List.of("demo.ClosingTest#closesItsPool", "demo.LeakyTest#leaksItsPool",
            "demo.OwnArgLineTest#theProjectsOwnArgLineReachesTheTestJvm");

    @TempDir
    Path project;

    private void laidOut() throws IOException {
        PluginProject.laidOut(project);
    }

    private MavenBuild.Result mvn(String... arguments) throws IOException, InterruptedException {
        String[] withGoal = Stream.concat(Stream.of("verify"), Stream.of(arguments)).toArray(String[]::new);
        return new MavenBuild(project).run(withGoal);
    }

    @Test
    void check_fails_the_build_on_exactly_the_leak_and_the_page_names_its_test() throws Exception {
        laidOut();

        MavenBuild.Result build = mvn();

        assertNotEquals(0, build.exitCode(), build.console());
        assertTrue(build.console().contains("[ERROR] Failed to execute goal dev.poolwatch:poolwatch-maven-plugin:"),
                build.console());
        List<String> newLeaks = build.consoleLines().stream()
                .filter(line -> line.startsWith("[ERROR]   ") && line.contains(" created at ")).toList();
        assertEquals(List.of(NEW_LEAK), newLeaks, build.console());
        assertEquals(TESTS, passedTests(), "every test passed, the project's own argLine kept:\n" + build.console());
        assertFalse(build.console().contains("crashed") || build.console().contains("terminated without"), build.console());

        Path page = project.resolve("target/site/poolwatch/index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<tr><td><code>demo.LeakyTest.leaksItsPool()</code></td>"), html);
        assertTrue(html.contains("at demo.LeakyTest.leaksItsPool(LeakyTest.java:14)"), html);
        assertTrue(html.contains("id=\"tests-leaked\"><b>1</b>"), html);
        JsonObject merged = JsonParser.parseString(Files.readString(project.resolve("target/poolwatch/poolwatch.json")))
                .getAsJsonObject();
        JsonArray findings = merged.getAsJsonArray("findings");
        assertEquals(1, findings.size(), merged.toString());
        assertEquals("demo.LeakyTest", findings.get(0).getAsJsonObject().getAsJsonArray("tests").get(0)
                .getAsJsonObject().get("className").getAsString(), merged.toString());
    }

    @Test
    void with_a_baseline_the_build_passes_a_new_leak_alone_fails_it_and_a_fixed_one_is_listed() throws Exception {
        laidOut();

        MavenBuild.Result updating = mvn("-Dpoolwatch.updateBaseline");

        assertEquals(0, updating.exitCode(), updating.console());
        assertTrue(Files.readString(project.resolve("poolwatch-baseline.json")).contains(
                "\"className\": \"demo.LeakyTest\", \"methodName\": \"leaksItsPool\""), updating.console());
        MavenBuild.Result known = mvn();
        assertEquals(0, known.exitCode(), known.console());

        UserProject.addNewLeakTest(project);
        MavenBuild.Result newLeak = mvn();

        assertNotEquals(0, newLeak.exitCode(), newLeak.console());
        assertEquals(List.of("[ERROR]   OPEN_IDLE java.util.concurrent.ThreadPoolExecutor created at"
                + " demo.NewLeakTest.leaksAfterTheBaseline(NewLeakTest.java:10) in demo.NewLeakTest.leaksAfterTheBaseline()"),
                newLeak.consoleLines().stream().filter(line -> line.startsWith("[ERROR]   ") && line.contains(" created at "))
                        .toList(), newLeak.console());
        Files.delete(project.resolve("src/test/java/demo/NewLeakTest.java"));
        Files.copy(project.resolve("src/test/java/demo/ClosingTest.java"), project.resolve("src/test/java/demo/LeakyTest.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(project.resolve("src/test/java/demo/LeakyTest.java"), Files.readString(
                project.resolve("src/test/java/demo/LeakyTest.java")).replace("class ClosingTest", "class LeakyTest")
                .replace("closesItsPool", "leaksItsPool"));
        MavenBuild.Result fixed = mvn();

        assertEquals(0, fixed.exitCode(), fixed.console());
        assertTrue(fixed.console().contains("known leak(s) in " + project.toRealPath().resolve("poolwatch-baseline.json")
                + " no longer happen (fixed?); -Dpoolwatch.updateBaseline takes them out:\n[INFO]   demo.LeakyTest.leaksItsPool():"
                + " demo.LeakyTest.leaksItsPool(LeakyTest.java)"), fixed.console());
    }

    @Test
    void forks_that_run_at_once_write_a_report_each() throws Exception {
        laidOut();

        MavenBuild.Result build = mvn("-DforkCount=2", "-DreuseForks=false", "-Dpoolwatch.updateBaseline");

        assertEquals(0, build.exitCode(), build.console());
        try (Stream<Path> reports = Files.list(project.resolve("target/poolwatch"))) {
            List<String> names = reports.map(file -> file.getFileName().toString()).sorted().toList();
            assertEquals(3, names.stream().filter(name -> name.matches("poolwatch-\\d+\\.json")).count(), names.toString());
            assertEquals(3, names.stream().filter(name -> name.matches("poolwatch-tests-\\d+\\.json")).count(),
                    names.toString());
        }
        assertEquals(TESTS, passedTests(), build.console());
    }

    @Test
    void skip_runs_the_tests_without_the_agent_and_checks_nothing() throws Exception {
        laidOut();

        MavenBuild.Result build = mvn("-Dpoolwatch.skip");

        assertEquals(0, build.exitCode(), build.console());
        assertFalse(Files.exists(project.resolve("target/poolwatch")), build.console());
        assertEquals(TESTS, passedTests(), build.console());
        assertTrue(build.console().contains("LEAK CHECKS ARE OFF") || build.console().contains("poolwatch: demo.LeakyTest"),
                "the listener, with no agent given, attaches one itself or says why not:\n" + build.console());
    }

    /**
     * The trap of many real builds: an {@code <argLine>} in Surefire's own configuration replaces the
     * property prepare-agent set, and the tests run without the agent. check says so and fails; the
     * README's way, {@code @{argLine}} with an empty default, keeps both.
     */
    @Test
    void an_arg_line_of_surefire_own_drops_the_agent_and_check_says_so_unless_it_keeps_the_property() throws Exception {
        laidOut();
        surefireArgLine("-Ddemo.ownArgLine=kept");

        MavenBuild.Result dropped = mvn();

        assertNotEquals(0, dropped.exitCode(), dropped.console());
        assertTrue(dropped.console().contains("but no test JVM wrote a report to"), dropped.console());
        assertTrue(dropped.console().contains("write it as <argLine>@{argLine} ...</argLine>"), dropped.console());

        surefireArgLine("@{argLine} -Ddemo.ownArgLine=kept");
        MavenBuild.Result kept = mvn();

        assertEquals(List.of(NEW_LEAK), kept.consoleLines().stream()
                .filter(line -> line.startsWith("[ERROR]   ") && line.contains(" created at ")).toList(), kept.console());
        assertEquals(TESTS, passedTests(), kept.console());
    }

    /** Gives Surefire's configuration {@code argLine}, and the pom's argLine property an empty default. */
    private void surefireArgLine(String argLine) throws IOException {
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8)
                .replace("<argLine>-Ddemo.ownArgLine=kept</argLine>", "<argLine></argLine>")
                .replaceFirst("<artifactId>maven-surefire-plugin</artifactId>\\s*<version>3.5.2</version>(<configuration>.*?</configuration>)?",
                        "<artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version>"
                                + "<configuration><argLine>" + argLine + "</argLine></configuration>");
        Files.writeString(pom, text, StandardCharsets.UTF_8);
    }

    private List<String> passedTests() throws IOException {
        return SurefireReports.read(project).stream()
                .filter(testCase -> testCase.failure() == null && !testCase.skipped())
                .map(SurefireReports.TestCase::id).sorted().toList();
    }
}
