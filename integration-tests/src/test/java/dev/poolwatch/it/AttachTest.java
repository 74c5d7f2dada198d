package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.poolwatch.it.programs.PoolsAtWorkBeforeAttach;
import dev.poolwatch.samples.PerRequestPoolServer;

/**
 * {@code java -jar poolwatch-agent.jar}, run against JVMs that run without the agent: it lists them,
 * attaches to one and prints its live report, in which the pools created before the attach are found
 * from their worker threads and the pools created after it have their creation site.
 */
class AttachTest {

    private static final Pattern PORT = Pattern.compile("serving on 127\\.0\\.0\\.1:([0-9]+)");

    @Test
    void with_no_argument_it_lists_the_running_jvms_it_can_attach_to() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(), PerRequestPoolServer.class, "ready", "serve", "1")) {
            Command list = Command.run();

            assertEquals(0, list.exitCode(), list.output());
            assertTrue(list.stdout().contains("\n  " + server.pid() + "  " + PerRequestPoolServer.class.getName() + " serve 1\n"),
                    list.output());
            assertTrue(list.stdout().contains("java -jar poolwatch-agent.jar <pid> report"), list.output());
        }
    }

    @Test
    void attached_to_a_server_it_finds_the_pools_made_before_and_gives_the_creation_site_of_those_made_after() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(), PerRequestPoolServer.class, "ready", "serve", "3")) {
            Command attach = Command.run(String.valueOf(server.pid()));

            assertEquals(0, attach.exitCode(), attach.output());
            assertTrue(attach.stdout().startsWith("poolwatch "), attach.output());
            assertTrue(attach.stdout().contains(": live report of JVM " + server.pid() + " (" + PerRequestPoolServer.class.getName()
                    + ") at "), attach.output());
            assertTrue(attach.stdout().contains("; watching pools created since it attached at "), attach.output());
            assertTrue(attach.stdout().contains("\npoolwatch: 0 pools seen, none open\n"), attach.output());
            assertTrue(attach.stdout().contains("\n3 pools found from their worker threads, not recorded by the agent (created before"
                    + " it attached, or by the JDK for itself); creation site unknown:\n"
                    + "  3 × java.util.concurrent.ThreadPoolExecutor with threads named pool-N-thread-N, idle: 3 threads"
                    + " (pool-1-thread-1, pool-2-thread-1, pool-3-thread-1)\n"), attach.output());
            assertTrue(server.stderr().contains("poolwatch: attached; watching the pools created from now on\n"), server.stderr());

            int port = port(server.stdout());
            request(port);
            request(port);
            Command report = Command.run(String.valueOf(server.pid()), "report");

            assertEquals(0, report.exitCode(), report.output());
            assertTrue(report.stdout().contains("\npoolwatch: 2 of 2 pools open, never shut down\n"), report.output());
            assertTrue(report.stdout().contains("\n1. OPEN_IDLE: 2 × java.util.concurrent.ThreadPoolExecutor — never shut down\n"
                    + "   now: 0 running, 0 queued; threads: pool-4-thread-1, pool-5-thread-1\n"), report.output());
            assertTrue(report.stdout().contains("      at dev.poolwatch.samples.PerRequestPoolServer.handle(PerRequestPoolServer.java:"),
                    report.output());
            assertTrue(report.stdout().contains("\n3 pools found from their worker threads"), report.output());
            assertTrue(server.isAlive(), "the server runs on after the attach and the report");
        }
    }

    @Test
    void a_busy_worker_shows_the_task_it_runs_and_a_wrapping_thread_factory_still_shows_its_workers() throws Exception {
        try (RunningJvm program = RunningJvm.start(List.of(), PoolsAtWorkBeforeAttach.class, "ready")) {
            Command attach = Command.run(String.valueOf(program.pid()));

            assertEquals(0, attach.exitCode(), attach.output());
            assertTrue(attach.stdout().contains("\n  java.util.concurrent.ThreadPoolExecutor: 1 thread (pool-1-thread-1);"
                    + " 1 running, 0 queued\n    worker \"pool-1-thread-1\" (TIMED_WAITING) runs:\n"), attach.output());
            assertTrue(attach.stdout().contains(PoolsAtWorkBeforeAttach.class.getName() + ".waitForever(PoolsAtWorkBeforeAttach.java:"),
                    attach.output());
            assertTrue(attach.stdout().contains("\n  java.util.concurrent.ThreadPoolExecutor: 1 thread (wrapped-worker); its pool is"
                    + " hidden by the thread factory, which wraps the worker; grouped by thread name\n"
                    + "    1 worker idle, waiting for a task\n"), attach.output());
        }
    }

    @Test
    void report_on_a_jvm_the_agent_was_never_attached_to_says_how_to_attach_it() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(), PerRequestPoolServer.class, "ready", "serve", "1")) {
            Command report = Command.run(String.valueOf(server.pid()), "report");

            assertEquals(0, report.exitCode(), report.output());
            assertEquals("poolwatch: not attached to this JVM, so it has no report; attach it first: java -jar poolwatch-agent.jar "
                    + server.pid() + "\n", report.stdout());
        }
    }

    @Test
    void a_bad_option_fails_the_attach_with_its_reason_and_the_jvm_runs_on() throws Exception {
        try (RunningJvm server = RunningJvm.start(List.of(), PerRequestPoolServer.class, "ready", "serve", "1")) {
            Command attach = Command.run(String.valueOf(server.pid()), "stackDepth=many");

            assertEquals(1, attach.exitCode(), attach.output());
            assertTrue(attach.stderr().startsWith("poolwatch: could not attach: "), attach.output());
            assertTrue(attach.stderr().contains("stackDepth"), attach.output());
            assertTrue(server.isAlive(), "a failed attach leaves the JVM running");
        }
    }

    @Test
    void a_jvm_that_refuses_agents_loaded_while_it_runs_gets_a_message_saying_how_to_allow_them() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "-XX:-EnableDynamicAgentLoading arrived in Java 21");
        try (RunningJvm server = RunningJvm.start(List.of("-XX:-EnableDynamicAgentLoading"), PerRequestPoolServer.class,
                "ready", "serve", "1")) {
            Command attach = Command.run(String.valueOf(server.pid()));

            assertEquals(1, attach.exitCode(), attach.output());
            assertTrue(attach.stderr().contains("poolwatch: JVM " + server.pid() + " refused the agent: "), attach.output());
            assertTrue(attach.stderr().contains("Start it with -XX:+EnableDynamicAgentLoading to allow them, or give it the agent"
                    + " from the start: -javaagent:"), attach.output());
        }
    }

    @Test
    void a_process_id_that_is_no_jvm_is_said_so() throws Exception {
        Command attach = Command.run(String.valueOf(Long.MAX_VALUE));

        assertEquals(1, attach.exitCode(), attach.output());
        assertTrue(attach.stderr().startsWith("poolwatch: cannot attach to process " + Long.MAX_VALUE + ": "), attach.output());
    }

    private static int port(String stdout) {
        Matcher port = PORT.matcher(stdout);
        assertTrue(port.find(), stdout);
        return Integer.parseInt(port.group(1));
    }

    private static void request(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/work").openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
        connection.disconnect();
    }

    /** {@code java -jar poolwatch-agent.jar ...}, run to its end. */
    private record Command(int exitCode, String stdout, String stderr) {

        static Command run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(RunningJvm.java(), "-jar", ForkedJvm.agentJar().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -jar poolwatch-agent.jar " + String.join(" ", args));
            return new Command(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        }

        String output() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
