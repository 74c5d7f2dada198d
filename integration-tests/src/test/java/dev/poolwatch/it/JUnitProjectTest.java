package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's project of JUnit 5 tests (test resources, {@code junit-project/}) run by {@code mvn test}
 * with the README's test dependency on {@code poolwatch-junit}, and the agent either given by the
 * README's recipe or attached by the listener: which tests the console and Surefire's reports blame,
 * in each mode.
 *
 * <p>Its tests: {@code LeakyTest.leaksItsPool} leaves a pool open, {@code LeakyTest.closesItsPool}
 * does not; {@code ClassLeakTest} leaves the pool of its {@code @BeforeAll} open;
 * {@code DrainingTest} shuts its pool down while the pool's task still runs; {@code PoolPerTestTest}
 * starts a pool in {@code @BeforeEach} and shuts it down in {@code @AfterEach}, which the check in
 * fail mode must come after; {@code StaticPoolTest} uses a pool its static initializer created,
 * which is no test's; {@code QuietLeakTest}, annotated {@code @PoolLeaks(Mode.OFF)}, and
 * {@code KnownLeakTest.leaksAKnownPool}, annotated {@code @PoolLeaks(Mode.WARN)}, leave a pool open each,
 * which the first is never blamed for and the second is in every mode, without failing;
 * {@code ThreadStartingTest} starts a thread that starts the thread that leaves a pool open, so the
 * leak is the test's; {@code ParallelTest}, run only when parallel execution is on, has two tests that
 * create a pool each at the same moment on two threads, one closing it and one not; {@code TimeoutTest}
 * runs under {@code @Timeout}, for which JUnit creates a pool of its own during the first such test.
 */
class JUnitProjectTest {

    /** The listener's line; the assertion's message, which Surefire prints too, says nothing of the test failing. */
    private static final Pattern BLAME = Pattern.compile("poolwatch: (\\S+) leaked (\\d+) pools?:");
    private static final Pattern FAILING_BLAME = Pattern.compile("poolwatch: (\\S+) leaked (\\d+) pools? \\(the test fails\\):");
    private static final Pattern KNOWN_BLAME = Pattern.compile("poolwatch: (\\S+) leaked (\\d+) pools? known in the baseline .*:");
    private static final String OUTSIDE_TESTS = "poolwatch: 1 pool created outside every test";
    private static final String CHECKS_OFF = "poolwatch: LEAK CHECKS ARE OFF in this test run: no poolwatch agent in this JVM,"
            + " and attaching ";
    /** The first line of the JDK's warning (JDK 21+, JEP 451) when an agent is attached without -XX:+EnableDynamicAgentLoading. */
    private static final String DYNAMIC_AGENT_WARNING = "WARNING: A Java agent has been loaded dynamically";
    private static final String SECOND_COPY = "poolwatch: already installed in this JVM";
    /** A JDK whose modules leave out jdk.attach: no attach at all, in the test JVM or from a helper JVM it starts. */
    private static final String NO_ATTACH_SUPPORT = "-DargLine=--limit-modules java.se";
    private static final String TEST_SITE = "      at demo.LeakyTest.leaksItsPool(LeakyTest.java:";
    private static final String CLASS_SITE = "      at demo.ClassLeakTest.startSharedPool(ClassLeakTest.java:";
    private static final String STATIC_SITE = "      at demo.StaticPoolTest.<clinit>(StaticPoolTest.java:";
    private static final String KNOWN_SITE = "      at demo.KnownLeakTest.leaksAKnownPool(KnownLeakTest.java:";
    private static final String THREAD_SITE = "      at demo.ThreadStartingTest.createsAPoolAndForgetsIt(ThreadStartingTest.java:";
    private static final String PARALLEL_SITE = "      at demo.ParallelTest.leaksWhileAnotherTestRuns(ParallelTest.java:";
    private static final List<String> ALL_TEST_CASES = List.of("demo.ClassLeakTest#usesTheSharedPool",
            "demo.DrainingTest#shutsDownWhileItsTaskStillRuns", "demo.KnownLeakTest#leaksAKnownPool",
            "demo.LeakyTest#closesItsPool", "demo.LeakyTest#leaksItsPool", "demo.PoolPerTestTest#usesThePoolItsSetUpStarted",
            "demo.QuietLeakTest#leaksItsPoolUnchecked", "demo.StaticPoolTest#usesThePoolOfItsClass",
            "demo.ThreadStartingTest#leaksFromAThreadItsThreadStarted", "demo.TimeoutTest#runsUnderATimeout");
    private static final List<String> PARALLEL_TEST_CASES = List.of("demo.ParallelTest#closesWhileAnotherTestLeaks",
            "demo.ParallelTest#leaksWhileAnotherTestRuns");
    /** The tests the console blames, one pool each, when tests run one at a time. */
    private static final List<String> BLAMED = List.of("demo.ClassLeakTest", "demo.KnownLeakTest.leaksAKnownPool()",
            "demo.LeakyTest.leaksItsPool()", "demo.ThreadStartingTest.leaksFromAThreadItsThreadStarted()");
    /** The tests and classes the JSON report names, as class#method, with the first frame of the site of their one leak. */
    private static final Map<String, String> REPORTED = Map.of(
            "demo.ClassLeakTest#null", frame(CLASS_SITE),
            "demo.KnownLeakTest#leaksAKnownPool", frame(KNOWN_SITE),
            "demo.LeakyTest#leaksItsPool", frame(TEST_SITE),
            "demo.ThreadStartingTest#leaksFromAThreadItsThreadStarted", frame(THREAD_SITE));
    /** JUnit's own threads, which run the tests when parallel execution is on. */
    private static final String JUNIT_WORKER = "ForkJoinPool-\\d+-worker-\\d+";
    private static final String PARALLEL = "-Djunit.jupiter.execution.parallel.enabled=true";
    private static String frame(String siteLine) {
        return siteLine.strip().substring("at ".length());
    }

    private static final String FAIL_MODE = "poolwatch.mode=fail\njunit.jupiter.extensions.autodetection.enabled=true\n";
    /** How the test JVM gets the agent. */
    enum Agent {
        /** {@code -javaagent} in Surefire's argLine, by the README's recipe. */
        ON_THE_COMMAND_LINE,
        /** None given: the listener attaches the agent jar that came with {@code poolwatch-junit}. */
        ATTACHED_BY_THE_LISTENER
    }

    private static final String DEPENDENCY_PLACE = "<!-- README: junit dependency -->";
    private static final String PLUGINS_PLACE = UserProject.PLUGINS_PLACE;

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Agent.class)
    void in_warn_mode_the_console_names_exactly_the_leaking_test_and_class_and_every_test_passes(Agent agent)
            throws Exception {
        laidOut(agent, null);

        MavenBuild.Result build = mvnTest();

        assertEquals(0, build.exitCode(), build.console());
        Map<String, String> blamed = blamedOnTheConsole(BLAME, build.consoleLines());
        assertEquals(BLAMED, List.copyOf(blamed.keySet()), build.console());
        assertTrue(blamed.get("demo.LeakyTest.leaksItsPool()").startsWith(TEST_SITE), build.console());
        assertTrue(blamed.get("demo.KnownLeakTest.leaksAKnownPool()").startsWith(KNOWN_SITE), build.console());
        assertTrue(blamed.get("demo.ClassLeakTest").startsWith(CLASS_SITE), build.console());
        assertTrue(blamed.get("demo.ThreadStartingTest.leaksFromAThreadItsThreadStarted()").startsWith(THREAD_SITE),
                build.console());
        assertOutsideTestsNamesTheStaticPool(build.consoleLines(), build.console());
        List<SurefireReports.TestCase> cases = SurefireReports.read(project);
        assertEquals(ALL_TEST_CASES, ids(cases), build.console());
        assertTrue(cases.stream().allMatch(testCase -> testCase.failure() == null), cases.toString());
        assertTheAgentLoadedOnce(agent, build);
        assertTheJsonReportNamesTheSameLeaks(REPORTED, "main");
    }

    @ParameterizedTest
    @EnumSource(Agent.class)
    void in_fail_mode_exactly_the_leaking_test_and_class_fail_with_a_message_naming_the_pool(Agent agent)
            throws Exception {
        laidOut(agent, FAIL_MODE);

        MavenBuild.Result build = mvnTest();

        assertNotEquals(0, build.exitCode(), build.console());
        assertExactlyTheLeakingTestsFailed(false, "main", build);
        assertTheAgentLoadedOnce(agent, build);
        assertTheJsonReportNamesTheSameLeaks(REPORTED, "main");
    }

    /**
     * The whole project with every class and method run in parallel (JUnit's {@code concurrent} mode,
     * on the threads of JUnit's own ForkJoinPool), {@code ParallelTest}'s two tests among them: the same
     * tests fail as when they run one at a time, and of the two that create a pool at once, exactly the
     * one that leaves it open. JUnit's pool is no test's leak, and nothing is left unattributed.
     */
    @ParameterizedTest
    @EnumSource(Agent.class)
    void run_in_parallel_exactly_the_leaking_tests_fail_and_nothing_goes_unattributed(Agent agent) throws Exception {
        laidOut(agent, FAIL_MODE);

        MavenBuild.Result build = new MavenBuild(project).run("test", PARALLEL,
                "-Djunit.jupiter.execution.parallel.mode.default=concurrent",
                "-Djunit.jupiter.execution.parallel.mode.classes.default=concurrent");

        assertNotEquals(0, build.exitCode(), build.console());
        assertExactlyTheLeakingTestsFailed(true, JUNIT_WORKER, build);
        Map<String, String> reported = new TreeMap<>(REPORTED);
        reported.put("demo.ParallelTest#leaksWhileAnotherTestRuns", frame(PARALLEL_SITE));
        assertTheJsonReportNamesTheSameLeaks(reported, JUNIT_WORKER);
        assertTheAgentLoadedOnce(agent, build);
    }

    /**
     * The README's way for a suite that already leaks to turn fail mode on for new leaks only: one run
     * with {@code -Dpoolwatch.updateBaseline=true} writes {@code poolwatch-baseline.json} and fails
     * nothing; the next run fails nothing either; a test added later that leaks is the one that fails.
     */
    @Test
    void with_a_baseline_written_by_one_run_fail_mode_fails_only_a_new_leak() throws Exception {
        laidOut(Agent.ATTACHED_BY_THE_LISTENER, FAIL_MODE);

        MavenBuild.Result updating = new MavenBuild(project).run("test", "-Dpoolwatch.updateBaseline=true");

        assertEquals(0, updating.exitCode(), updating.console());
        Path baseline = project.resolve("poolwatch-baseline.json");
        assertTrue(updating.consoleLines().contains("poolwatch: wrote 5 known leaks to " + baseline.toRealPath()
                + " (poolwatch.updateBaseline=true); from now on, fail mode fails only for leaks not in it."),
                updating.console());
        JsonArray known = JsonParser.parseString(Files.readString(baseline, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("knownLeaks");
        List<String> knownTests = new ArrayList<>();
        known.forEach(leak -> knownTests.add(leak.getAsJsonObject().get("className") + "#"
                + leak.getAsJsonObject().get("methodName")));
        assertEquals(List.of("\"demo.ClassLeakTest\"#null", "\"demo.KnownLeakTest\"#\"leaksAKnownPool\"",
                "\"demo.LeakyTest\"#\"leaksItsPool\"", "\"demo.ThreadStartingTest\"#\"leaksFromAThreadItsThreadStarted\"",
                "null#null"), knownTests.stream().sorted().toList(), known.toString());

        MavenBuild.Result allKnown = mvnTest();

        assertEquals(0, allKnown.exitCode(), allKnown.console());
        assertEquals(BLAMED, List.copyOf(blamedOnTheConsole(KNOWN_BLAME, allKnown.consoleLines()).keySet()),
                allKnown.console());

        UserProject.addNewLeakTest(project);
        MavenBuild.Result newLeak = mvnTest();

        assertNotEquals(0, newLeak.exitCode(), newLeak.console());
        List<String> failed = SurefireReports.read(project).stream().filter(testCase -> testCase.failure() != null)
                .map(SurefireReports.TestCase::id).toList();
        assertEquals(List.of("demo.NewLeakTest#leaksAfterTheBaseline"), failed, newLeak.console());
    }

    /**
     * In fail mode: the leaking tests (with {@code ParallelTest}'s if {@code parallel}) and
     * {@code ClassLeakTest} itself failed, each with a message that names its pool, the thread that
     * created it ({@code testThread}, a regular expression, for the thread that ran the test) and its
     * site; every other test passed.
     */
    private void assertExactlyTheLeakingTestsFailed(boolean parallel, String testThread, MavenBuild.Result build)
            throws IOException {
        List<String> alsoFailed = parallel ? List.of("demo.ParallelTest#leaksWhileAnotherTestRuns") : List.of();
        Map<String, SurefireReports.TestCase> failed = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        for (SurefireReports.TestCase testCase : SurefireReports.read(project)) {
            if (testCase.failure() != null) {
                failed.put(testCase.id(), testCase);
            } else if (!testCase.skipped()) {
                passed.add(testCase.id());
            }
        }
        List<String> leaking = new ArrayList<>(List.of("demo.ClassLeakTest#", "demo.LeakyTest#leaksItsPool",
                "demo.ThreadStartingTest#leaksFromAThreadItsThreadStarted"));
        leaking.addAll(alsoFailed);
        assertEquals(leaking.stream().sorted().toList(), List.copyOf(failed.keySet()), build.console());
        List<String> passing = new ArrayList<>(ALL_TEST_CASES);
        if (parallel) {
            passing.addAll(PARALLEL_TEST_CASES);
        }
        passing.removeAll(leaking);
        assertEquals(passing.stream().sorted().toList(), passed.stream().sorted().toList(), build.console());
        assertFailure(failed.get("demo.LeakyTest#leaksItsPool"), "poolwatch: demo.LeakyTest.leaksItsPool() leaked 1 pool:",
                testThread, TEST_SITE);
        assertFailure(failed.get("demo.ClassLeakTest#"), "poolwatch: demo.ClassLeakTest leaked 1 pool:", testThread, CLASS_SITE);
        assertFailure(failed.get("demo.ThreadStartingTest#leaksFromAThreadItsThreadStarted"),
                "poolwatch: demo.ThreadStartingTest.leaksFromAThreadItsThreadStarted() leaked 1 pool:", "grandchild",
                THREAD_SITE);
        List<String> failingOnTheConsole = new ArrayList<>(List.of("demo.ClassLeakTest", "demo.LeakyTest.leaksItsPool()",
                "demo.ThreadStartingTest.leaksFromAThreadItsThreadStarted()"));
        alsoFailed.forEach(test -> failingOnTheConsole.add(test.replace('#', '.') + "()"));
        assertEquals(failingOnTheConsole.stream().sorted().toList(),
                List.copyOf(blamedOnTheConsole(FAILING_BLAME, build.consoleLines()).keySet()), build.console());
        // the failures' messages, which Surefire prints, match too: the test annotated warn is among them, but not failed
        assertTrue(blamedOnTheConsole(BLAME, build.consoleLines()).containsKey("demo.KnownLeakTest.leaksAKnownPool()"),
                build.console());
        assertOutsideTestsNamesTheStaticPool(build.consoleLines(), build.console());
    }

    /**
     * The JDK 25 run's console, where the listener attached the agent: the JDK's four-line warning,
     * once, before Surefire's first "Running" line,
     * <pre>
     * WARNING: A Java agent has been loaded dynamically (.../poolwatch-agent-0.1.0-SNAPSHOT.jar)
     * WARNING: If a serviceability tool is in use, please run with -XX:+EnableDynamicAgentLoading to hide this warning
     * WARNING: If a serviceability tool is not in use, please run with -Djdk.instrument.traceUsage for more information
     * WARNING: Dynamic loading of agents will be disallowed by default in a future release
     * </pre>
     * which the README's advice, that flag in Surefire's argLine, silences. JDK 17 never warns.
     */
    @Test
    void an_attached_agent_warns_on_jdk_21_and_later_unless_the_readme_advice_is_followed() throws Exception {
        laidOut(Agent.ATTACHED_BY_THE_LISTENER, null);

        MavenBuild.Result warned = mvnTest();

        assertEquals(0, warned.exitCode(), warned.console());
        assertEquals(Runtime.version().feature() >= 21 ? 1 : 0, count(warned.consoleLines(), DYNAMIC_AGENT_WARNING),
                warned.console());

        pasteIntoPlugins(ReadmeRecipe.junitQuietAttach());
        MavenBuild.Result silenced = mvnTest();

        assertEquals(0, silenced.exitCode(), silenced.console());
        assertEquals(0, count(silenced.consoleLines(), DYNAMIC_AGENT_WARNING), silenced.console());
        assertEquals(BLAMED, List.copyOf(blamedOnTheConsole(BLAME, silenced.consoleLines()).keySet()), silenced.console());
    }

    @Test
    void a_pool_the_agent_options_exclude_is_no_test_leak() throws Exception {
        laidOut(Agent.ATTACHED_BY_THE_LISTENER, null);

        MavenBuild.Result build = new MavenBuild(project).run("test", "-Dpoolwatch.agentOptions=excludes=demo.LeakyTest");

        assertEquals(0, build.exitCode(), build.console());
        assertEquals(BLAMED.stream().filter(test -> !test.startsWith("demo.LeakyTest")).toList(),
                List.copyOf(blamedOnTheConsole(BLAME, build.consoleLines()).keySet()), build.console());
    }

    @Test
    void when_the_agent_cannot_be_attached_one_line_says_leak_checks_are_off_and_no_test_fails_even_in_fail_mode()
            throws Exception {
        laidOut(Agent.ATTACHED_BY_THE_LISTENER, FAIL_MODE);

        MavenBuild.Result build = new MavenBuild(project).run("test", NO_ATTACH_SUPPORT);

        assertEquals(0, build.exitCode(), build.console());
        List<String> lines = build.consoleLines();
        assertEquals(1, count(lines, CHECKS_OFF), build.console());
        assertEquals(Map.of(), blamedOnTheConsole(BLAME, lines), build.console());
        assertEquals(Map.of(), blamedOnTheConsole(FAILING_BLAME, lines), build.console());
        List<SurefireReports.TestCase> cases = SurefireReports.read(project);
        assertEquals(ALL_TEST_CASES, ids(cases), build.console());
        assertTrue(cases.stream().allMatch(testCase -> testCase.failure() == null), cases.toString());
    }

    /**
     * {@code target/poolwatch-tests.json}: exactly the tests and classes of {@code expected}, each with
     * its one pool and its site, never the test annotated off, none with a pool it was not blamed for;
     * and the static initializer's pool outside every test. Pools were created by the thread that ran
     * the tests, matched by the regular expression {@code testThread}, or by the thread of
     * {@code ThreadStartingTest}.
     */
    private void assertTheJsonReportNamesTheSameLeaks(Map<String, String> expected, String testThread) throws IOException {
        Path file = project.resolve("target/poolwatch-tests.json");
        assertTrue(Files.isRegularFile(file), "written: " + file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonObject report = JsonParser.parseString(text).getAsJsonObject();
        Map<String, String> reported = new TreeMap<>();
        for (JsonElement element : report.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            JsonElement method = test.get("methodName");
            assertEquals(0, test.getAsJsonArray("notBlamed").size(), text);
            reported.put(test.get("className").getAsString() + "#" + (method.isJsonNull() ? null : method.getAsString()),
                    firstFrameOfTheOnlyLeak(test.getAsJsonArray("leaks"), testThread + "|grandchild", text));
        }
        assertEquals(expected.keySet(), reported.keySet(), text);
        expected.forEach((test, site) -> assertTrue(reported.get(test).startsWith(site), text));
        assertTrue(firstFrameOfTheOnlyLeak(report.getAsJsonArray("outsideTests"), testThread, text)
                .startsWith(frame(STATIC_SITE)), text);
    }

    private static String firstFrameOfTheOnlyLeak(JsonArray leaks, String creatingThread, String text) {
        assertEquals(1, leaks.size(), text);
        JsonObject leak = leaks.get(0).getAsJsonObject();
        assertEquals("OPEN", leak.get("kind").getAsString(), text);
        assertEquals("java.util.concurrent.ThreadPoolExecutor", leak.get("poolType").getAsString(), text);
        assertEquals(1, leak.get("count").getAsInt(), text);
        assertTrue(leak.get("creatingThread").getAsString().matches(creatingThread), text);
        return leak.getAsJsonArray("creationSite").get(0).getAsString();
    }

    private MavenBuild.Result mvnTest() throws IOException, InterruptedException {
        return new MavenBuild(project).run("test");
    }

    /** An agent given on the command line is never attached a second time; one attached is, once. */
    private static void assertTheAgentLoadedOnce(Agent agent, MavenBuild.Result build) {
        assertEquals(0, count(build.consoleLines(), SECOND_COPY), build.console());
        boolean warns = agent == Agent.ATTACHED_BY_THE_LISTENER && Runtime.version().feature() >= 21;
        assertEquals(warns ? 1 : 0, count(build.consoleLines(), DYNAMIC_AGENT_WARNING), build.console());
    }

    private static long count(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start)).count();
    }

    /** Each test or class the console blames in lines of {@code blame}, with the first frame of the site under it. */
    private static Map<String, String> blamedOnTheConsole(Pattern blame, List<String> lines) {
        Map<String, String> blamed = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = blame.matcher(lines.get(i));
            if (line.matches()) {
                assertEquals("1", line.group(2), lines.get(i));
                String previous = blamed.put(line.group(1), i + 2 < lines.size() ? lines.get(i + 2) : "");
                assertNull(previous, "blamed once: " + line.group(1));
            }
        }
        return blamed;
    }

    private static void assertOutsideTestsNamesTheStaticPool(List<String> lines, String console) {
        int outside = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(OUTSIDE_TESTS)) {
                assertEquals(-1, outside, "said once:\n" + console);
                outside = i;
            }
        }
        assertTrue(outside >= 0 && lines.get(outside + 2).startsWith(STATIC_SITE), console);
    }

    private static void assertFailure(SurefireReports.TestCase testCase, String start, String creatingThread, String site) {
        assertTrue(testCase.failure().startsWith(start), testCase.failure());
        assertTrue(Pattern.compile("  java\\.util\\.concurrent\\.ThreadPoolExecutor never shut down, created by thread \""
                + creatingThread + "\" at:\n" + Pattern.quote(site)).matcher(testCase.failure()).find(), testCase.failure());
    }

    /** The test cases that ran, not skipped: {@code ParallelTest} runs only when parallel execution is on. */
    private static List<String> ids(List<SurefireReports.TestCase> cases) {
        return cases.stream().filter(testCase -> !testCase.skipped()).map(SurefireReports.TestCase::id).sorted().toList();
    }

    /**
     * The project in the temporary directory, with the README's dependency on {@code poolwatch-junit},
     * the README's recipe that gives the agent on the command line if {@code agent} says so, and
     * {@code junit-platform.properties} if given.
     */
    private void laidOut(Agent agent, String junitPlatformProperties) throws IOException {
        ReadmeRecipe recipe = ReadmeRecipe.read();
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put(UserProject.PROPERTIES_PLACE, recipe.properties());
        blocks.put(DEPENDENCY_PLACE, ReadmeRecipe.junitDependency());
        // The place stays marked: a test may paste more plugins after the recipe's.
        blocks.put(PLUGINS_PLACE, agent == Agent.ON_THE_COMMAND_LINE ? recipe.plugins() + "\n" + PLUGINS_PLACE
                : PLUGINS_PLACE);
        UserProject.copyOf("junit-project", project, blocks);
        if (junitPlatformProperties != null) {
            Path properties = project.resolve("src/test/resources/junit-platform.properties");
            Files.createDirectories(properties.getParent());
            Files.writeString(properties, junitPlatformProperties, StandardCharsets.UTF_8);
        }
    }

    /** Adds {@code plugins} to the project's {@code <build><plugins>}. */
    private void pasteIntoPlugins(String plugins) throws IOException {
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        Files.writeString(pom, text.replace(PLUGINS_PLACE, plugins + "\n" + PLUGINS_PLACE), StandardCharsets.UTF_8);
    }
}
