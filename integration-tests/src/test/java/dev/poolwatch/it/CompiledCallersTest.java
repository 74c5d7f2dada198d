package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.poolwatch.it.programs.ShutDownUnreferencedView;
import dev.poolwatch.it.programs.WaitOnUnreferencedPool;
import dev.poolwatch.pool.ThreadPool;

/**
 * A pool (or a {@code LeakGuard} view) its caller is waiting on is never reclaimed under it, even
 * when compiled code has dropped every reference but the one inside the pool's own method. Every method is compiled before it
 * first runs ({@code -Xcomp}), by C1, whose frames keep only the locals still to be used.
 */
class CompiledCallersTest {

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, WaitOnUnreferencedPool.class)
            .jvmOption("-Xcomp")
            .jvmOption("-XX:TieredStopAtLevel=1");

    @ParameterizedTest(name = "shutdown() then {0}")
    @ValueSource(strings = {"join", "awaitTermination"})
    void a_pool_referenced_only_by_the_call_waiting_on_it_finishes_its_work_unwarned(String wait) throws Exception {
        ForkedJvm.Result result = jvm.run(WaitOnUnreferencedPool.class, wait);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("running task done", "queued task ran", "main done"), result.stdoutLines(),
                "stderr:\n" + result.stderr());
        assertFalse(result.stderr().contains("unclosed"), "the Cleaner warned:\n" + result.stderr());
    }

    @Test
    void a_leak_guard_view_referenced_only_by_its_shutdown_call_is_not_reclaimed_under_it() throws Exception {
        ForkedJvm.Result result = jvm.run(ShutDownUnreferencedView.class);

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("executor terminated, 1 task run"), result.stdoutLines(), "stderr:\n" + result.stderr());
        assertFalse(result.stderr().contains("unclosed"), "the Cleaner warned:\n" + result.stderr());
    }
}
