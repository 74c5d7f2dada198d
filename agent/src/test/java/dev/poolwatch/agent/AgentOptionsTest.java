package dev.poolwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class AgentOptionsTest {

    @ParameterizedTest
    @NullAndEmptySource
    void no_options_give_the_defaults(String text) {
        AgentOptions options = AgentOptions.parse(text);
        assertNull(options.reportPath());
        assertFalse(options.quiet());
        assertFalse(options.failOnLeak());
        assertFalse(options.lifetimePoolsAreLeaks());
        assertEquals(5, options.stackDepth());
        assertEquals(List.of(), options.excludes());
    }

    @Test
    void every_option_is_read() {
        AgentOptions options = AgentOptions.parse(
                "report=/tmp/r.json,quiet=true,includes=com.acme.*:org.x.Y,excludes=*Test,stackDepth=12,failOnLeak=TRUE,"
                        + "lifetimePools=leaks");
        assertEquals("/tmp/r.json", options.reportPath());
        assertTrue(options.quiet());
        assertTrue(options.failOnLeak());
        assertTrue(options.lifetimePoolsAreLeaks());
        assertEquals(12, options.stackDepth());
        assertEquals(List.of("com.acme.*", "org.x.Y"), options.includes());
        assertEquals(List.of("*Test"), options.excludes());
    }

    @Test
    void options_print_back_as_text_that_parses_to_the_same_options() {
        String text = "report=/tmp/r.json,quiet=true,includes=com.acme.*,stackDepth=0,failOnLeak=true";
        AgentOptions options = AgentOptions.parse(text);
        assertEquals(options.toString(), AgentOptions.parse(options.toString()).toString());
        assertTrue(options.toString().contains("stackDepth=0"), options.toString());
    }

    @Test
    void an_unknown_option_is_named_with_the_valid_keys() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("quiet=true,destfile=x.exec"));
        assertEquals("unknown option 'destfile'; valid keys: report, quiet, includes, excludes, stackDepth, failOnLeak, lifetimePools, checkBuildTool, exitWatch, onHang, kinds, jmx",
                error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "quiet=yes          | option quiet=yes is not valid: expected true or false",
        "failOnLeak=1       | option failOnLeak=1 is not valid: expected true or false",
        "stackDepth=-1      | option stackDepth=-1 is not valid: expected an integer from 0 to 1000",
        "stackDepth=1001    | option stackDepth=1001 is not valid: expected an integer from 0 to 1000",
        "stackDepth=five    | option stackDepth=five is not valid: expected an integer from 0 to 1000",
        "includes=a.*::b.*  | option includes=a.*::b.* is not valid: expected class name patterns separated by ':', '*' matching any characters",
        "report=            | option report= is not valid: expected a file path, where %p stands for the process id and %% for %",
        "report=r-%d.json   | option report=r-%d.json is not valid: expected a file path, where %p stands for the process id and %% for %",
        "report=r%          | option report=r% is not valid: expected a file path, where %p stands for the process id and %% for %",
        "checkBuildTool=no  | option checkBuildTool=no is not valid: expected true or false",
        "lifetimePools=ok   | option lifetimePools=ok is not valid: expected apart or leaks",
    })
    void a_bad_value_names_the_option_and_what_is_allowed(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(text)).getMessage());
    }

    @Test
    void text_that_is_not_key_equals_value_is_refused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("quiet"));
        assertTrue(error.getMessage().startsWith("option 'quiet' is not of the form key=value; valid keys: report,"),
                error.getMessage());
    }

    @Test
    void an_option_given_twice_is_refused() {
        assertEquals("option quiet is given twice",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("quiet=true,quiet=false")).getMessage());
    }

    @Test
    void the_report_path_takes_the_process_id_for_each_percent_p() {
        AgentOptions options = AgentOptions.parse("report=/tmp/pw-%p/report-%p.json");
        assertTrue(options.reportPathNamesProcess());
        assertEquals("/tmp/pw-4242/report-4242.json", options.reportPathFor(4242));
    }

    @Test
    void a_doubled_percent_is_one_percent_sign_and_names_no_process() {
        AgentOptions options = AgentOptions.parse("report=/tmp/100%%p.json");
        assertFalse(options.reportPathNamesProcess());
        assertEquals("/tmp/100%p.json", options.reportPathFor(4242));
    }

    @Test
    void a_build_tools_jvm_is_left_alone_unless_asked() {
        assertFalse(AgentOptions.parse("").checkBuildTool());
        assertTrue(AgentOptions.parse("checkBuildTool=true").checkBuildTool());
    }
}
