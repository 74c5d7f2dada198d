package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.codehaus.plexus.classworlds.launcher.Launcher;

import dev.poolwatch.it.agents.ShutdownSlotTaker;
import dev.poolwatch.it.programs.LeakThenExit;
import dev.poolwatch.it.programs.ReflectsIntoJavaBase;

/**
 * How the agent starts, and what it does not do while starting: open the JDK to the program, check a
 * build tool's own JVM, or stop a JVM that it cannot watch.
 */
class AgentStartupTest {

    @TempDir
    Path temp;

    private static ForkedJvm programs() {
        return new ForkedJvm().classPathOf(LeakThenExit.class);
    }

    @Test
    void the_agent_opens_the_jdk_to_itself_and_not_to_the_programs_classes() throws Exception {
        ForkedJvm.Result without = programs().run(ReflectsIntoJavaBase.class);
        ForkedJvm.Result with = programs().agent().run(ReflectsIntoJavaBase.class);
        assertEquals(List.of("jdk.internal.access: IllegalAccessException", "java.util.concurrent: InaccessibleObjectException"),
                without.stdoutLines());
        assertEquals(without.stdoutLines(), with.stdoutLines(), with.stderr());
    }

    @Test
    void a_build_tools_own_jvm_is_left_alone_with_one_line() throws Exception {
        Path json = temp.resolve("poolwatch.json");
        ForkedJvm.Result result = programs().agent("report=" + json).run(Launcher.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("poolwatch: not checking Maven's own JVM, only the JVMs it starts (checkBuildTool=true checks it"
                + " too)"), result.stderrLines());
        assertFalse(Files.exists(json), "a build tool's JVM must not write over its tests' report");
    }

    @Test
    void a_build_tools_own_jvm_is_checked_when_asked() throws Exception {
        ForkedJvm.Result result = programs().agent("checkBuildTool=true").run(Launcher.class);
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
    }

    @Test
    void an_agent_that_cannot_start_says_so_in_one_line_and_the_program_runs() throws Exception {
        Path broken = jarWithout(ForkedJvm.agentJar(), "dev/poolwatch/agent/bootstrap/");
        ForkedJvm.Result result = programs().jvmOption("-javaagent:" + broken).run(LeakThenExit.class, "return");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("leaked ThreadPoolExecutor"), result.stdoutLines());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderrLines().get(0).startsWith(
                "poolwatch: ERROR: the agent could not start, so this JVM runs unchecked: "), result.stderr());
    }

    @Test
    void an_agent_that_cannot_start_fails_the_run_under_fail_on_leak() throws Exception {
        Path broken = jarWithout(ForkedJvm.agentJar(), "dev/poolwatch/agent/bootstrap/");
        ForkedJvm.Result result = programs().jvmOption("-javaagent:" + broken + "=failOnLeak=true")
                .run(LeakThenExit.class, "return");
        assertEquals(3, result.exitCode(), result.stderr());
        List<String> stderr = result.stderrLines();
        assertTrue(stderr.get(stderr.size() - 1).startsWith("poolwatch: failOnLeak=true and nothing could be checked,"
                + " because the agent could not start ("), result.stderr());
    }

    @Test
    void a_shutdown_slot_taken_by_another_agent_leaves_the_report_to_a_shutdown_hook() throws Exception {
        Path taker = agentJar(ShutdownSlotTaker.class);
        ForkedJvm.Result result = programs().jvmOption("-javaagent:" + taker).agent().run(LeakThenExit.class, "return");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stderrLines().get(0).startsWith("poolwatch: the exit report runs beside the application's"
                + " shutdown hooks (java.lang.InternalError: "), result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
    }

    @Test
    void java_dash_jar_prints_how_to_attach_the_agent_and_its_options() throws Exception {
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ForkedJvm.agentJar().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("java -javaagent:poolwatch-agent.jar[=key=value,...] -jar app.jar"), output);
        for (String option : List.of("report", "quiet", "includes", "excludes", "stackDepth", "failOnLeak", "checkBuildTool", "exitWatch", "onHang", "kinds", "jmx")) {
            assertTrue(output.contains("\n  " + option + ": "), option + " is listed:\n" + output);
        }
    }

    /** A copy of {@code jar} without the entries under {@code prefix}. */
    private Path jarWithout(Path jar, String prefix) throws IOException {
        Path copy = temp.resolve("without-" + prefix.replace('/', '-') + jar.getFileName());
        try (JarFile in = new JarFile(jar.toFile()); JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix)) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
            }
        }
        return copy;
    }

    /** An agent jar holding one class of the test sources, its {@code Premain-Class}. */
    private Path agentJar(Class<?> premainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), premainClass.getName());
        Path jar = temp.resolve(premainClass.getSimpleName() + ".jar");
        String entry = premainClass.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = premainClass.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
        }
        return jar;
    }
}
