package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.poolwatch.it.programs.VerificationFlags;

/** What every forked JVM of these tests gets without asking. */
class ForkedJvmTest {

    @Test
    void every_forked_jvm_verifies_the_boot_classes_the_agent_weaves() throws Exception {
        ForkedJvm.Result result = new ForkedJvm().classPathOf(VerificationFlags.class).agent().run(VerificationFlags.class);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(List.of("BytecodeVerificationLocal=true"), result.stdoutLines());
    }
}
