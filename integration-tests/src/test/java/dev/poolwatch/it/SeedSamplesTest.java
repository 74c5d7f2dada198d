package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolwatch.pool.ThreadPool;
import dev.poolwatch.samples.CloseThenJoin;
import dev.poolwatch.samples.NotClosingPool;
import dev.poolwatch.samples.SubmitAfterClose;
import dev.poolwatch.samples.TerminatePool;
import dev.poolwatch.samples.TryWithResources;

/** The seed article's five examples, each in its own JVM, print what their Python originals print. */
class SeedSamplesTest {

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, NotClosingPool.class);

    @Test
    void close_then_join_lets_the_task_finish() throws Exception {
        ForkedJvm.Result result = jvm.run(CloseThenJoin.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("Task executing", "Task done", "Main all done."), result.stdoutLines().subList(0, 3));
        assertNoWorkerListed(result);
    }

    @Test
    void terminate_stops_the_running_task() throws Exception {
        ForkedJvm.Result result = jvm.run(TerminatePool.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("Task executing", "Task interrupted", "Main all done."), result.stdoutLines().subList(0, 3));
        assertNoWorkerListed(result);
    }

    @Test
    void not_closing_the_pool_leaves_it_to_the_cleaner_which_warns_with_the_creation_site() throws Exception {
        ForkedJvm.Result result = jvm.run(NotClosingPool.class);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> out = result.stdoutLines();
        assertEquals(List.of("Task executing", "Main all done."), out.subList(0, 2));
        assertTrue(out.contains("  ThreadPool-1-worker-1 (daemon)"), "workers are listed as daemon threads:\n" + result.stdout());
        assertTrue(out.contains("Task interrupted"), "the Cleaner's terminate interrupts the running task");
        assertTrue(result.stderr().contains("WARNING: unclosed running pool ThreadPool-1[RUN"), result.stderr());
        assertTrue(result.stderr().contains("ThreadPool-1 was created here, by thread \"main\"\n"
                + "\tat dev.poolwatch.samples.NotClosingPool.startWorkAndForgetThePool(NotClosingPool.java:"), result.stderr());
        String afterCollection = result.stdout().substring(result.stdout().indexOf("garbage collector"));
        assertTrue(!afterCollection.contains("worker"), "no worker survives the Cleaner:\n" + afterCollection);
    }

    @Test
    void try_with_resources_waits_for_the_work() throws Exception {
        ForkedJvm.Result result = jvm.run(TryWithResources.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("Task executing", "Task done", "Main all done."), result.stdoutLines().subList(0, 3));
        assertNoWorkerListed(result);
    }

    @Test
    void submitting_after_close_is_refused_with_pool_not_running() throws Exception {
        ForkedJvm.Result result = jvm.run(SubmitAfterClose.class);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> out = result.stdoutLines();
        assertTrue(out.contains("dev.poolwatch.pool.PoolNotRunningException: Pool not running"), result.stdout());
        // The refusal and the first task's start race; the first task still finishes before join() returns.
        assertEquals(List.of("Task executing", "Task done", "Main all done."),
                out.stream().filter(line -> !line.contains("PoolNotRunningException")).toList());
    }

    private static void assertNoWorkerListed(ForkedJvm.Result result) {
        assertTrue(result.stdoutLines().stream().noneMatch(line -> line.contains("-worker-")),
                "every worker has exited:\n" + result.stdout());
    }
}
