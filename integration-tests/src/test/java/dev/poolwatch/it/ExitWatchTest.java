package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.poolwatch.it.programs.PoolBesideAServerThread;
import dev.poolwatch.it.programs.ServerStopsLeavingABusyPool;
import dev.poolwatch.samples.NonDaemonPoolKeepsJvmAlive;

/**
 * The JVM that will not exit: main has returned, and only the workers of a pool never shut down keep
 * the JVM alive. The agent says which pool, where it was created and what its worker does, and with
 * {@code onHang=exit} exits with status 3; while a thread of the program's own keeps it alive, nothing.
 */
class ExitWatchTest {

    private static final String KEPT_ALIVE = "the JVM is kept alive by 1 pool never shut down, whose threads are not daemons:";
    private static final String SITE = "      at dev.poolwatch.samples.NonDaemonPoolKeepsJvmAlive.main(NonDaemonPoolKeepsJvmAlive.java:";

    @Test
    void with_on_hang_exit_the_pools_keeping_the_jvm_alive_are_named_and_it_exits_with_3() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(NonDaemonPoolKeepsJvmAlive.class)
                .agent("exitWatch=300ms,onHang=exit").run(NonDaemonPoolKeepsJvmAlive.class);

        assertEquals(3, result.exitCode(), result.stderr());
        assertFalse(result.killed(), result.stderr());
        String stderr = result.stderr();
        assertTrue(stderr.contains("poolwatch: main has returned and no other thread of the program's runs: " + KEPT_ALIVE + "\n"
                + "  java.util.concurrent.ThreadPoolExecutor created by thread \"main\" at:\n" + SITE), stderr);
        assertTrue(stderr.contains("    worker waiting for a task: pool-1-thread-1\n"), stderr);
        assertTrue(stderr.contains("poolwatch: onHang=exit, so this JVM exits with status 3\n"), stderr);
    }

    @Test
    void by_default_it_says_so_and_lets_the_jvm_run() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(NonDaemonPoolKeepsJvmAlive.class).agent("exitWatch=300ms")
                .runUntil(stderr -> stderr.contains("run with onHang=exit"), NonDaemonPoolKeepsJvmAlive.class);

        assertTrue(result.killed(), "still alive after saying so:\n" + result.stderr());
        assertTrue(result.stderr().contains(KEPT_ALIVE), result.stderr());
    }

    @Test
    void a_thread_of_the_program_keeping_the_jvm_alive_beside_the_pool_is_no_hang() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(PoolBesideAServerThread.class)
                .agent("exitWatch=300ms,onHang=exit").run(PoolBesideAServerThread.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(result.stderr().contains("kept alive by"), result.stderr());
    }

    @Test
    void pools_left_alone_once_a_server_stops_after_main_returned_are_named_then_with_what_their_workers_run() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(ServerStopsLeavingABusyPool.class)
                .agent("exitWatch=300ms,onHang=exit").run(ServerStopsLeavingABusyPool.class);

        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals("server stopped\n", result.stdout(), "said nothing while the server ran:\n" + result.stderr());
        String stderr = result.stderr();
        assertTrue(stderr.contains(KEPT_ALIVE + "\n  java.util.concurrent.ThreadPoolExecutor created by thread \"server\" at:\n"
                + "      at dev.poolwatch.it.programs.ServerStopsLeavingABusyPool.serve(ServerStopsLeavingABusyPool.java:"), stderr);
        assertTrue(stderr.contains("    worker \"pool-1-thread-1\" (WAITING), running:\n"), stderr);
        // where the task waits, then past the latch's frames, the program's that made it wait
        assertTrue(stderr.contains("\n        ...\n        at "), stderr);
        assertTrue(stderr.contains("dev.poolwatch.it.programs.ServerStopsLeavingABusyPool.awaitForever(ServerStopsLeavingABusyPool.java:"),
                stderr);
    }
}
