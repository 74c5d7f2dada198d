package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolwatch.it.programs.RedeployWebapp;
import dev.poolwatch.pool.ThreadPool;

/**
 * The pool library on a container's class loader keeps nothing of a webapp that closed its pools:
 * a redeployed webapp's class loader can be collected.
 */
class RedeployTest {

    private final ForkedJvm jvm = new ForkedJvm().classPathOf(ThreadPool.class, RedeployWebapp.class);

    @Test
    void a_webapp_that_closes_its_static_pools_leaves_no_class_loader_behind_after_three_redeploys() throws Exception {
        ForkedJvm.Result result = jvm.run(RedeployWebapp.class, "3");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("served [1, 4, 9]", "served [1, 4, 9]", "served [1, 4, 9]",
                "webapp class loaders collected: 3 of 3"), result.stdoutLines(), result.stderr());
    }
}
