package dev.poolwatch.it;

import static dev.poolwatch.it.JsonReportFile.assertStartsWith;
import static dev.poolwatch.it.JsonReportFile.firstFrame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's Maven project ({@link UserProject}) whose tests run with the agent as the README says to
 * attach it, read as the user reads it: the console of {@code mvn test} and its exit status.
 */
class MavenProjectTest {

    private static final Pattern LEAK_HEADER = Pattern.compile("poolwatch: 1 of \\d+ pools leaked");
    private static final String LEAK_SITE = "demo.LeakTest.leaks(LeakTest.java:";
    private static final String FAIL_ON_LEAK_LINE = "poolwatch: failOnLeak=true, so this JVM exits with status 3 instead of 0: ";
    private static final String MAVEN_SKIPPED_LINE =
            "poolwatch: not checking Maven's own JVM, only the JVMs it starts (checkBuildTool=true checks it too)";
    private static final Pattern REPORT_FILE_NAME = Pattern.compile("pw-(\\d+)\\.json");

    @TempDir
    Path temp;

    @Test
    void the_readme_recipe_asks_for_the_agent_version_this_build_makes() throws Exception {
        assertEquals(System.getProperty("poolwatch.version"), ReadmeRecipe.read().agentVersion());
    }

    @Test
    void the_agent_jar_help_shows_the_argline_of_the_readme_recipe() throws Exception {
        Process help = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ForkedJvm.agentJar().toString()).redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor(), output);
        String argLine = ReadmeRecipe.read().withAgentOptions("failOnLeak=true").argLine();
        assertTrue(output.contains(argLine), "java -jar poolwatch-agent.jar shows " + argLine + ":\n" + output);
    }

    @Test
    void with_the_readme_recipe_the_build_passes_and_the_leak_report_is_on_the_maven_console() throws Exception {
        Path project = UserProject.withRecipe(temp, ReadmeRecipe.read());

        MavenBuild.Result build = new MavenBuild(project).run("test");

        assertEquals(0, build.exitCode(), build.console());
        assertTrue(build.consoleLines().contains("[INFO] BUILD SUCCESS"), build.console());
        assertLeakReported(build);
        assertUsedThisBuildsAgent(project);
    }

    @Test
    void with_fail_on_leak_in_the_recipe_the_build_fails_and_the_console_names_the_leak() throws Exception {
        Path project = UserProject.withRecipe(temp, ReadmeRecipe.read().withAgentOptions("failOnLeak=true"));

        MavenBuild.Result build = new MavenBuild(project).run("test");

        assertNotEquals(0, build.exitCode(), build.console());
        List<String> console = build.consoleLines();
        int failure = console.indexOf("[INFO] BUILD FAILURE");
        assertTrue(failure >= 0, build.console());
        int failOnLeak = indexOfLineStartingWith(console, FAIL_ON_LEAK_LINE);
        assertTrue(failOnLeak >= 0 && failOnLeak < failure, "the failOnLeak line, before BUILD FAILURE:\n" + build.console());
        String line = console.get(failOnLeak);
        assertTrue(line.contains("1 leaked pool (OPEN_") && line.contains(" ThreadPoolExecutor created at " + LEAK_SITE), line);
        assertLeakReported(build);
        assertUsedThisBuildsAgent(project);
    }

    @Test
    void the_recipe_keeps_the_arg_line_jacoco_sets_so_both_agents_run() throws Exception {
        String jacoco = "<plugin><groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId>"
                + "<version>" + System.getProperty("jacoco.version") + "</version><executions><execution>"
                + "<goals><goal>prepare-agent</goal></goals></execution></executions></plugin>\n";
        Path project = UserProject.withRecipeAfter(jacoco, temp, ReadmeRecipe.read());

        MavenBuild.Result build = new MavenBuild(project).run("test");

        assertEquals(0, build.exitCode(), build.console());
        assertLeakReported(build);
        assertTrue(Files.size(project.resolve("target/jacoco.exec")) > 0, "JaCoCo's agent ran in the same test JVM");
    }

    @Test
    void through_java_tool_options_the_test_jvm_is_checked_and_maven_own_jvm_only_says_it_is_not() throws Exception {
        Path project = UserProject.withoutPoolwatch(temp.resolve("project"));
        Path reports = temp.resolve("reports");

        MavenBuild.Result build = new MavenBuild(project)
                .environment("JAVA_TOOL_OPTIONS", ForkedJvm.javaagent("report=" + reports.resolve("pw-%p.json")))
                .run("test");

        assertEquals(0, build.exitCode(), build.console());
        assertTrue(build.consoleLines().contains("[INFO] BUILD SUCCESS"), build.console());
        assertEquals(1, build.consoleLines().stream().filter(MAVEN_SKIPPED_LINE::equals).count(),
                "Maven's own JVM says once that it is not checked:\n" + build.console());
        assertTrue(build.consoleLines().stream().noneMatch(line -> line.endsWith(" none leaked")),
                "no summary from Maven's own JVM:\n" + build.console());
        assertLeakReported(build);
        Map<Long, JsonReportFile> files = reportFilesByPid(reports);
        assertEquals(1, files.size(), "one report file, the test JVM's, and none of Maven's: " + files.keySet());
        assertLeakFrom(files.values().iterator().next());
    }

    @Test
    void many_test_jvms_with_one_report_path_each_write_their_own_file() throws Exception {
        Path project = UserProject.withRecipe(temp,
                ReadmeRecipe.read().withAgentOptions("report=${project.build.directory}/poolwatch/pw-%p.json"));

        // One test JVM per test class: LeakTest's and CleanTest's.
        MavenBuild.Result build = new MavenBuild(project).run("test", "-DforkCount=2", "-DreuseForks=false");

        assertEquals(0, build.exitCode(), build.console());
        Map<Long, JsonReportFile> files = reportFilesByPid(project.resolve("target/poolwatch"));
        assertEquals(2, files.size(), "one report file per test JVM: " + files.keySet() + "\n" + build.console());
        List<Long> leaks = files.values().stream().map(file -> file.summary("leaks")).sorted().toList();
        assertEquals(List.of(0L, 1L), leaks, "CleanTest's JVM leaked nothing, LeakTest's one pool");
        assertLeakFrom(files.values().stream().filter(file -> file.summary("leaks") == 1).findFirst().orElseThrow());
    }

    private static void assertLeakReported(MavenBuild.Result build) {
        PrintedReport report = PrintedReport.in(build.console());
        assertTrue(LEAK_HEADER.matcher(report.header()).matches(), report.text());
        assertEquals(1, report.entries().size(), report.text());
        assertStartsWith("OPEN_", report.entry(1).title());
        assertTrue(report.entry(1).title().contains(": 1 × java.util.concurrent.ThreadPoolExecutor — never shut down"),
                report.text());
        assertStartsWith(LEAK_SITE, report.entry(1).frames("created by thread \"main\" at:").get(0));
    }

    private static void assertLeakFrom(JsonReportFile report) {
        assertEquals(1, report.summary("leaks"), report.json().toString());
        assertStartsWith(LEAK_SITE, firstFrame(report.onlyLeak(), "creationSite"));
    }

    /**
     * The agent the project copied from the local repository is the jar this build made: other
     * builds on the machine that install poolwatch share that repository.
     */
    private static void assertUsedThisBuildsAgent(Path project) throws IOException {
        assertArrayEquals(Files.readAllBytes(ForkedJvm.agentJar()),
                Files.readAllBytes(project.resolve("target/poolwatch/poolwatch-agent.jar")),
                "the project ran the agent jar this build made and installed");
    }

    /** The {@code pw-<pid>.json} files in {@code directory}, each checked to be the report of the JVM its name gives. */
    private static Map<Long, JsonReportFile> reportFilesByPid(Path directory) throws IOException {
        Map<Long, JsonReportFile> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(directory)) {
            for (Path file : listed.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                Matcher name = REPORT_FILE_NAME.matcher(file.getFileName().toString());
                assertTrue(name.matches(), "%p became the process id: " + file);
                long pid = Long.parseLong(name.group(1));
                JsonReportFile report = JsonReportFile.read(file);
                assertEquals(pid, report.json().getAsJsonObject("jvm").get("pid").getAsLong(), "written by the JVM it names: " + file);
                files.put(pid, report);
            }
        }
        return files;
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
