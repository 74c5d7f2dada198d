package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.poolwatch.it.programs.ExitDuringHooksFromAnotherThread;
import dev.poolwatch.it.programs.TwoExitsAtOnce;

/** Exits that race: the report still comes after the program's hooks, with the status the JVM really exits with. */
class ExitSequenceTest {

    private static ForkedJvm programs() {
        return new ForkedJvm().classPathOf(TwoExitsAtOnce.class);
    }

    @Test
    void an_exit_from_another_thread_while_hooks_run_leaves_the_report_after_the_hooks() throws Exception {
        ForkedJvm.Result result = programs().agent("failOnLeak=true").run(ExitDuringHooksFromAnotherThread.class);
        PrintedReport printed = PrintedReport.in(result.stderr());
        assertEquals("poolwatch: 1 of 2 pools leaked", printed.header(), "the pool the hook closed is not a leak");
        assertTrue(result.stderrLines().stream().noneMatch(line -> line.contains("will not finish exiting")), result.stderr());
        assertEquals(3, result.exitCode(), "failOnLeak applies:\n" + result.stderr());
    }

    @Test
    void of_two_exits_at_once_the_status_the_jvm_exits_with_is_the_one_kept() throws Exception {
        ForkedJvm.Result result = programs().agent("failOnLeak=true").run(TwoExitsAtOnce.class);
        assertEquals(7, result.exitCode(), "the status of the exit that won, not 3 for a 0 that lost:\n" + result.stderr());
        assertEquals("poolwatch: 1 of 1 pool leaked", PrintedReport.in(result.stderr()).header());
    }
}
