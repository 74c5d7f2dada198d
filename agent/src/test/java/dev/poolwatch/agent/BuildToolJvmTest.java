package dev.poolwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildToolJvmTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "org.codehaus.plexus.classworlds.launcher.Launcher -B -ntp verify | Maven",
        "org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.14          | Gradle's daemon",
        "org.gradle.wrapper.GradleWrapperMain test                       | the Gradle wrapper",
        "org.gradle.launcher.GradleMain                                  | Gradle",
    })
    void a_build_tools_own_jvm_is_told_by_its_main_class(String javaCommand, String tool) {
        assertEquals(tool, BuildToolJvm.toolOf(javaCommand));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "org.apache.maven.surefire.booter.ForkedBooter /tmp/surefire 2026 surefire.tmp surefire_0.tmp",
        "worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 1'",
        "app.jar --port 8080",
        "com.acme.Main org.codehaus.plexus.classworlds.launcher.Launcher",
    })
    void test_jvms_and_programs_are_checked(String javaCommand) {
        assertNull(BuildToolJvm.toolOf(javaCommand));
    }
}
