package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The listener and the extension in a real JUnit Platform run of a fixture class, with the agent's
 * registry faked: the fixture's tests "create" pools in it on their own thread.
 */
class PoolLeakListenerTest {

    private static final String LEAK_SITE = "fixture.Leaky.leaks(Leaky.java:7)";
    private static final String WARNED_SITE = "fixture.Warned.leaksButOnlyWarns(Warned.java:9)";
    private static final String QUIET_SITE = "fixture.Quiet.leaksQuietly(Quiet.java:5)";
    private static final Map<String, String> FAIL_MODE = Map.of("poolwatch.mode", "fail",
            "junit.jupiter.extensions.autodetection.enabled", "true");

    /** Where the fixture's tests create their pools: static, since JUnit makes the fixture's instances. */
    static volatile FakePools pools;

    static class Fixture {
        @Test
        void leaks() {
            pools.create(LEAK_SITE);
        }

        @Test
        void closes() {
            pools.shutDown(pools.create("fixture.Leaky.closes(Leaky.java:12)"));
        }
    }

    static class WarnedFixture {
        @Test
        @PoolLeaks(Mode.WARN)
        void leaksButOnlyWarns() {
            pools.create(WARNED_SITE);
        }
    }

    @PoolLeaks(Mode.OFF)
    static class QuietFixture {
        @Test
        void leaksQuietly() {
            pools.create(QUIET_SITE);
        }

        @Test
        @PoolLeaks(Mode.FAIL)
        void leaksAndFailsDespiteItsClass() {
            pools.create(LEAK_SITE);
        }
    }

    @TempDir
    Path reportDirectory;

    /** What a run printed, and each fixture test's result by method name. */
    private record Run(String console, Map<String, TestExecutionResult> results) {
    }

    private Run run(PoolSource source, Map<String, String> parameters) {
        return run(source, parameters, Fixture.class);
    }

    private Run run(PoolSource source, Map<String, String> parameters, Class<?>... fixtures) {
        Map<String, String> withReport = new HashMap<>(parameters);
        withReport.putIfAbsent("poolwatch.reportFile", reportDirectory.resolve("poolwatch-tests.json").toString());
        withReport.putIfAbsent("poolwatch.baselineFile", baselineFile().toString());
        pools = new FakePools();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PoolLeakListener listener = new PoolLeakListener(new PrintStream(console, true, StandardCharsets.UTF_8),
                settings -> new AgentLookup.Found(source == null ? pools : source, null));
        Map<String, TestExecutionResult> results = new TreeMap<>();
        TestExecutionListener resultsByMethod = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    results.put(test.getDisplayName(), result);
                }
            }
        };
        // Without the listener this module registers for every run: the one under test here has a fake agent.
        LauncherConfig withoutRegisteredListeners = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(withoutRegisteredListeners).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Stream.of(fixtures).map(DiscoverySelectors::selectClass).toList())
                .configurationParameters(withReport)
                .build(), listener, resultsByMethod);
        return new Run(console.toString(StandardCharsets.UTF_8), results);
    }

    @Test
    void in_warn_mode_the_leaking_test_is_named_with_its_site_and_every_test_passes() {
        Run run = run(null, Map.of("poolwatch.graceMillis", "0"));

        assertTrue(run.console().startsWith("poolwatch: " + Fixture.class.getName() + ".leaks() leaked 1 pool:\n"
                + "  java.util.concurrent.ThreadPoolExecutor never shut down, created by thread \"main\" at:\n"
                + "      at " + LEAK_SITE + "\n"), run.console());
        assertEquals(1, run.console().split("leaked").length - 1, run.console());
        run.results().values().forEach(result -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus()));
    }

    @Test
    void in_fail_mode_exactly_the_leaking_test_fails_with_a_poolwatch_assertion() {
        Run run = run(null, FAIL_MODE);

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.results().get("closes()").getStatus());
        TestExecutionResult leaks = run.results().get("leaks()");
        assertEquals(TestExecutionResult.Status.FAILED, leaks.getStatus());
        Throwable failure = leaks.getThrowable().orElseThrow();
        assertTrue(failure instanceof AssertionError, failure.toString());
        assertTrue(failure.getMessage().startsWith("poolwatch: " + Fixture.class.getName() + ".leaks() leaked 1 pool:"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("ThreadPoolExecutor never shut down") && failure.getMessage().contains(LEAK_SITE),
                failure.getMessage());
    }

    @Test
    void fail_mode_without_extension_autodetection_says_so_and_fails_no_test() {
        Run run = run(null, Map.of("poolwatch.mode", "fail"));

        assertTrue(run.console().startsWith("poolwatch: poolwatch.mode=fail, but no test can fail for a leak: set "
                + "junit.jupiter.extensions.autodetection.enabled=true too"), run.console());
        run.results().values().forEach(result -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus()));
    }

    @Test
    void an_error_of_poolwatch_own_is_said_once_and_fails_no_test_even_in_fail_mode() {
        PoolSource broken = new PoolSource() {
            @Override
            public long lastPoolNumber() {
                throw new IllegalStateException("registry unreadable");
            }

            @Override
            public List<PoolSeen> openPoolsAfter(long afterNumber) {
                throw new IllegalStateException("registry unreadable");
            }

            @Override
            public long newScope() {
                return 1;
            }

            @Override
            public Object enterScope(long scope) {
                throw new AssertionError("never reached: the pool number is read first");
            }

            @Override
            public void leaveScope(Object previous) {
                throw new AssertionError("never reached: no scope was entered");
            }
        };

        Run run = run(broken, FAIL_MODE);

        assertEquals("poolwatch: ERROR: leak checks stop for the rest of this test run:"
                + " java.lang.IllegalStateException: registry unreadable\n", run.console());
        assertEquals(2, run.results().size());
        run.results().values().forEach(result -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus()));
    }

    @Test
    void mode_off_checks_nothing_and_prints_nothing() {
        Run run = run(null, Map.of("poolwatch.mode", "off"));

        assertEquals("", run.console());
    }

    @Test
    void a_method_annotated_warn_is_printed_and_does_not_fail_in_a_fail_mode_run() {
        Run run = run(null, FAIL_MODE, WarnedFixture.class);

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.results().get("leaksButOnlyWarns()").getStatus());
        assertTrue(run.console().startsWith("poolwatch: " + WarnedFixture.class.getName() + ".leaksButOnlyWarns() leaked 1 pool:\n"),
                run.console());
        assertTrue(run.console().contains("      at " + WARNED_SITE + "\n"), run.console());
    }

    @Test
    void a_class_annotated_off_leaves_its_leaks_unsaid_everywhere_and_its_method_annotated_fail_still_fails()
            throws Exception {
        Run run = run(null, Map.of("junit.jupiter.extensions.autodetection.enabled", "true", "poolwatch.graceMillis", "0"),
                QuietFixture.class);

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.results().get("leaksQuietly()").getStatus());
        assertEquals(TestExecutionResult.Status.FAILED, run.results().get("leaksAndFailsDespiteItsClass()").getStatus());
        assertFalse(run.console().contains(QUIET_SITE), run.console());
        assertFalse(run.console().contains("outside every test"), run.console());
        String report = Files.readString(reportDirectory.resolve("poolwatch-tests.json"));
        assertFalse(report.contains(QUIET_SITE), report);
        assertTrue(report.contains("\"methodName\": \"leaksAndFailsDespiteItsClass\""), report);
    }

    @Test
    void when_the_plan_ends_the_report_file_names_the_leaking_test_and_only_it() throws Exception {
        run(null, Map.of("poolwatch.graceMillis", "0"));

        assertEquals("{\"tests\": [\n"
                + "  {\"className\": \"" + Fixture.class.getName() + "\", \"methodName\": \"leaks\", \"displayName\": \"leaks()\",\n"
                + "   \"leaks\": [\n"
                + "    {\"kind\": \"OPEN\", \"poolType\": \"java.util.concurrent.ThreadPoolExecutor\", \"poolKind\": null, \"count\": 1,"
                + " \"creationSite\": [\"" + LEAK_SITE + "\"], \"creatingThread\": \"main\", \"inBaseline\": false}],\n"
                + "   \"notBlamed\": []}\n"
                + "],\n"
                + "\"outsideTests\": []}\n", Files.readString(reportDirectory.resolve("poolwatch-tests.json")));
    }

    private Path baselineFile() {
        return reportDirectory.resolve("poolwatch-baseline.json");
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> more = new HashMap<>(parameters);
        more.put(name, value);
        return more;
    }

    @Test
    void a_run_that_updates_the_baseline_fails_no_test_and_a_run_after_it_fails_none_for_the_known_leak()
            throws Exception {
        Run updating = run(null, with(FAIL_MODE, "poolwatch.updateBaseline", "true"));

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, updating.results().get("leaks()").getStatus());
        assertEquals("{\"knownLeaks\": [\n"
                + "  {\"className\": \"" + Fixture.class.getName() + "\", \"methodName\": \"leaks\", \"creatingMethod\":"
                + " \"fixture.Leaky.leaks(Leaky.java)\", \"poolType\": \"java.util.concurrent.ThreadPoolExecutor\"}\n"
                + "]}\n", Files.readString(baselineFile()));
        assertTrue(updating.console().contains("poolwatch: wrote 1 known leak to " + baselineFile().toAbsolutePath()
                + " (poolwatch.updateBaseline=true)"), updating.console());

        Run after = run(null, FAIL_MODE);

        assertEquals(TestExecutionResult.Status.SUCCESSFUL, after.results().get("leaks()").getStatus());
        assertTrue(after.console().startsWith("poolwatch: " + Fixture.class.getName() + ".leaks() leaked 1 pool known in"
                + " the baseline " + baselineFile() + " (never failed for):\n"), after.console());
        assertTrue(Files.readString(reportDirectory.resolve("poolwatch-tests.json")).contains("\"inBaseline\": true"));
    }

    @Test
    void a_leak_the_baseline_does_not_know_still_fails_and_a_known_leak_that_stopped_is_listed_as_fixed()
            throws Exception {
        Files.writeString(baselineFile(), "{\"knownLeaks\": ["
                + "{\"className\": \"" + Fixture.class.getName() + "\", \"methodName\": \"leaks\", \"creatingMethod\":"
                + " \"fixture.Leaky.elsewhere(Leaky.java)\"},"
                + "{\"className\": \"" + Fixture.class.getName() + "\", \"methodName\": \"closes\", \"creatingMethod\":"
                + " \"fixture.Leaky.closes(Leaky.java)\", \"poolType\": \"java.util.concurrent.ThreadPoolExecutor\"},"
                + "{\"className\": \"demo.NotRun\", \"methodName\": \"leaks\", \"creatingMethod\": \"demo.NotRun.leaks(NotRun.java)\"}]}");

        Run run = run(null, FAIL_MODE);

        assertEquals(TestExecutionResult.Status.FAILED, run.results().get("leaks()").getStatus());
        assertTrue(run.console().endsWith("poolwatch: 2 known leaks in the baseline " + baselineFile()
                + " no longer happen (fixed?); a run with poolwatch.updateBaseline=true takes them out:\n"
                + "  " + Fixture.class.getName() + ".leaks(): a pool created at fixture.Leaky.elsewhere(Leaky.java)\n"
                + "  " + Fixture.class.getName() + ".closes(): java.util.concurrent.ThreadPoolExecutor created at"
                + " fixture.Leaky.closes(Leaky.java)\n"), run.console());
    }

    @Test
    void a_baseline_that_cannot_be_used_is_one_line_and_every_leak_counts_as_new() throws Exception {
        Files.writeString(baselineFile(), "{\"knownLeaks\": [{\"className\": 7, \"creatingMethod\": \"fixture.Leaky.leaks(Leaky.java)\"}]}");

        Run run = run(null, FAIL_MODE);

        assertTrue(run.console().startsWith("poolwatch: cannot use the baseline " + baselineFile().toAbsolutePath()
                + " (poolwatch.baselineFile): knownLeaks[0].className is not a string or null; expected {\"knownLeaks\": ["
                + "{\"className\": ..., \"methodName\": ..., \"creatingMethod\": ...}]}, as poolwatch.updateBaseline=true"
                + " writes it. Every leak counts as new.\n"), run.console());
        assertEquals(TestExecutionResult.Status.FAILED, run.results().get("leaks()").getStatus());
    }
}
