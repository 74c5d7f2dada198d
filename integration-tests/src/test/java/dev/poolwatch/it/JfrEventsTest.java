package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.poolwatch.it.programs.LeakThenExit;
import dev.poolwatch.it.programs.RecordedPoolLifecycle;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The agent's events in JDK Flight Recorder: a recording started with {@code -XX:StartFlightRecording}
 * holds a pool's creation, shutdown and late submit, each with the program's line on its stack, and the
 * pool left open as a leak at the end of the recording; {@code jfr print} prints them by name. Without
 * a recording, Flight Recorder is never initialized and no event class loads; without the
 * {@code jdk.jfr} module, the agent reports as ever.
 */
class JfrEventsTest {

    private static final String PROGRAM = RecordedPoolLifecycle.class.getName();
    private static final String POOL_TYPE = "java.util.concurrent.ThreadPoolExecutor";
    /** Loading the first of these sets up Flight Recorder's metadata: over 100 ms of a JVM's start-up. */
    private static final List<String> EVENT_CLASSES = List.of("jdk.jfr.Event", "dev.poolwatch.agent.jfr.PoolCreatedEvent",
            "dev.poolwatch.agent.jfr.PoolShutdownEvent", "dev.poolwatch.agent.jfr.SubmitAfterShutdownEvent",
            "dev.poolwatch.agent.jfr.PoolLeakEvent");

    @TempDir
    static Path temp;

    private static Path recording;
    private static List<RecordedEvent> events;

    @BeforeAll
    static void recordTheProgram() throws Exception {
        recording = temp.resolve("pools.jfr");
        ForkedJvm.Result result = new ForkedJvm().classPathOf(RecordedPoolLifecycle.class).agent("quiet=true")
                .jvmOption("-XX:StartFlightRecording:filename=" + recording).run(RecordedPoolLifecycle.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("flight recorder initialized: true"), result.stdout());
        events = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.poolwatch.")).toList();
    }

    @Test
    void a_pool_created_is_recorded_on_the_creating_thread_with_the_programs_line_on_its_stack() {
        List<RecordedEvent> created = named("dev.poolwatch.PoolCreated");
        assertEquals(2, created.size(), "the program's two pools, not the agent's probe: " + created);
        RecordedEvent first = created.get(0);
        assertEquals(POOL_TYPE, first.getString("poolType"));
        assertEquals("main", first.getThread().getJavaName());
        assertEquals("createsThePoolItShutsDown", firstApplicationFrame(first).getMethod().getName(), first.toString());
        assertTrue(firstApplicationFrame(first).getLineNumber() > 0, first.toString());
        assertTrue(first.getString("creationSite").startsWith(PROGRAM + ".createsThePoolItShutsDown(RecordedPoolLifecycle.java:"),
                first.toString());
        assertEquals(1, first.getLong("poolNumber"));
        assertEquals(2, created.get(1).getLong("poolNumber"));
    }

    @Test
    void a_pool_shut_down_is_recorded_with_the_shutdown_on_its_stack_and_where_the_pool_was_created() {
        List<RecordedEvent> shutdowns = named("dev.poolwatch.PoolShutdown");
        assertEquals(1, shutdowns.size(), shutdowns.toString());
        RecordedEvent shutdown = shutdowns.get(0);
        assertEquals("shutsItDown", firstApplicationFrame(shutdown).getMethod().getName(), shutdown.toString());
        assertEquals("shutdown", shutdown.getString("method"));
        assertEquals(1, shutdown.getLong("poolNumber"));
        assertFalse(shutdown.getBoolean("byGarbageCollector"));
        assertTrue(shutdown.getString("creationSite").startsWith(PROGRAM + ".createsThePoolItShutsDown("), shutdown.toString());
    }

    @Test
    void a_task_submitted_after_shutdown_is_recorded_with_the_submit_on_its_stack_and_the_shutdown_site() {
        List<RecordedEvent> submits = named("dev.poolwatch.SubmitAfterShutdown");
        assertEquals(1, submits.size(), submits.toString());
        RecordedEvent submit = submits.get(0);
        assertEquals("submitsAfterShutdown", firstApplicationFrame(submit).getMethod().getName(), submit.toString());
        assertTrue(submit.getBoolean("submitterGotException"), submit.toString());
        assertEquals("shutdown", submit.getString("shutdownMethod"));
        assertTrue(submit.getString("shutdownSite").startsWith(PROGRAM + ".shutsItDown("), submit.toString());
        assertEquals(1, submit.getLong("poolNumber"));
    }

    @Test
    void the_pool_left_open_is_recorded_as_a_leak_at_the_end_of_the_recording() {
        List<RecordedEvent> leaks = named("dev.poolwatch.PoolLeak");
        assertEquals(1, leaks.size(), "the open pool, not the one shut down: " + leaks);
        RecordedEvent leak = leaks.get(0);
        assertEquals("OPEN_IDLE", leak.getString("kind"));
        assertEquals(POOL_TYPE, leak.getString("poolType"));
        assertEquals(1, leak.getInt("count"));
        assertEquals("main", leak.getString("creatingThread"));
        assertTrue(leak.getString("creationSite").startsWith(PROGRAM + ".leavesAPoolOpen(RecordedPoolLifecycle.java:"),
                leak.toString());
    }

    @Test
    void jfr_print_prints_the_events_by_name_pattern_and_by_category() throws Exception {
        for (String selection : List.of("--events=dev.poolwatch.*", "--categories=poolwatch")) {
            String printed = jfrPrint(selection.substring(0, selection.indexOf('=')),
                    selection.substring(selection.indexOf('=') + 1));
            for (String event : List.of("PoolCreated", "PoolShutdown", "SubmitAfterShutdown", "PoolLeak")) {
                assertTrue(printed.contains("dev.poolwatch." + event + " {"), selection + " printed:\n" + printed);
            }
            assertTrue(printed.contains("creationSite = \"" + PROGRAM + ".leavesAPoolOpen(RecordedPoolLifecycle.java:"),
                    printed);
        }
    }

    @Test
    void without_a_recording_flight_recorder_is_never_initialized_and_no_event_class_loads() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(RecordedPoolLifecycle.class).agent("quiet=true")
                .jvmOption("-Xlog:class+load=info").run(RecordedPoolLifecycle.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("flight recorder initialized: false"), result.stdout());
        assertTrue(result.stdout().contains(" dev.poolwatch.agent.jfr.FlightRecorderEvents source:"),
                "the agent listens for pools to record: " + result.stdout());
        for (String eventClass : EVENT_CLASSES) {
            assertFalse(result.stdout().contains(" " + eventClass + " source:"), eventClass + " loaded without a recording");
        }
    }

    @Test
    void without_the_jdk_jfr_module_the_agent_reports_as_ever() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(LeakThenExit.class)
                .jvmOption("--limit-modules=java.base,java.instrument").agent().run(LeakThenExit.class, "return");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("poolwatch: 1 of 1 pool leaked"), result.stderr());
        assertFalse(result.stderr().contains("internal error"), result.stderr());
    }

    private static List<RecordedEvent> named(String name) {
        return events.stream().filter(event -> event.getEventType().getName().equals(name)).toList();
    }

    /** The innermost frame that is neither the agent's nor the JDK's (the pool's own frames are the JDK's). */
    private static RecordedFrame firstApplicationFrame(RecordedEvent event) {
        RecordedFrame frame = event.getStackTrace().getFrames().stream()
                .filter(candidate -> !isAgentOrJdk(candidate.getMethod().getType().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no application frame in " + event));
        assertEquals(PROGRAM, frame.getMethod().getType().getName(), event.toString());
        return frame;
    }

    private static boolean isAgentOrJdk(String className) {
        return className.startsWith("dev.poolwatch.agent.") || className.startsWith("java.") || className.startsWith("jdk.");
    }

    private static String jfrPrint(String option, String value) throws IOException, InterruptedException {
        Path jfr = Paths.get(System.getProperty("java.home"), "bin", "jfr");
        Process process = new ProcessBuilder(jfr.toString(), "print", option, value, recording.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jfr print did not end");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
