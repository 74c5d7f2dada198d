package dev.poolwatch.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings of(Map<String, String> parameters) {
        return Settings.from(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    void with_no_parameter_the_mode_is_warn_with_the_default_grace() {
        Settings settings = of(Map.of());
        assertEquals(Mode.WARN, settings.mode());
        assertEquals(Settings.DEFAULT_GRACE_MILLIS, settings.graceMillis());
        assertFalse(settings.extensionsAutodetected());
        assertEquals("", settings.agentOptions());
        assertNull(settings.problem());
    }

    @Test
    void the_options_of_an_attached_agent_are_passed_as_given() {
        assertEquals("stackDepth=4,quiet=true", of(Map.of("poolwatch.agentOptions", " stackDepth=4,quiet=true")).agentOptions());
    }

    @Test
    void the_mode_is_read_whatever_its_case() {
        assertEquals(Mode.FAIL, of(Map.of("poolwatch.mode", " Fail")).mode());
        assertEquals(Mode.OFF, of(Map.of("poolwatch.mode", "off")).mode());
    }

    @Test
    void a_bad_value_is_named_and_the_default_used_instead_of_stopping_the_run() {
        Settings settings = of(Map.of("poolwatch.mode", "strict", "poolwatch.graceMillis", "-5"));
        assertEquals(Mode.WARN, settings.mode());
        assertEquals(Settings.DEFAULT_GRACE_MILLIS, settings.graceMillis());
        assertTrue(settings.problem().startsWith("poolwatch.mode=strict is not valid: expected warn, fail or off"),
                settings.problem());
        assertTrue(settings.problem().contains("poolwatch.graceMillis=-5 is not valid"), settings.problem());
    }

    @Test
    void the_extension_autodetection_parameter_is_read() {
        assertTrue(of(Map.of("junit.jupiter.extensions.autodetection.enabled", "true")).extensionsAutodetected());
    }

    @Test
    void the_report_file_is_target_poolwatch_tests_json_unless_given() {
        assertEquals(Paths.get("target/poolwatch-tests.json"), of(Map.of()).reportFile());
        assertEquals(Paths.get("build/leaks.json"), of(Map.of("poolwatch.reportFile", " build/leaks.json")).reportFile());
    }

    @Test
    void a_report_file_that_is_no_path_is_said_and_the_default_used() {
        Settings settings = of(Map.of("poolwatch.reportFile", "a\u0000b"));
        assertEquals(Paths.get("target/poolwatch-tests.json"), settings.reportFile());
        assertTrue(settings.problem().startsWith("poolwatch.reportFile=a\u0000b is not valid: "), settings.problem());
    }

    @Test
    void the_report_file_takes_the_process_id_for_percent_p_and_a_percent_for_two() {
        Settings settings = of(Map.of("poolwatch.reportFile", "target/pw/tests-%p-100%%.json"));
        assertEquals(Paths.get("target/pw/tests-" + ProcessHandle.current().pid() + "-100%.json"), settings.reportFile());
        assertEquals("a%b%", Settings.withProcessId("a%b%"));
    }
}
