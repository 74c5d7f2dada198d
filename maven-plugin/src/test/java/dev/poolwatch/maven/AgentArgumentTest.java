package dev.poolwatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

class AgentArgumentTest {

    private final AgentArgument argument = new AgentArgument(Paths.get("/repo/poolwatch-agent-1.0.jar"))
            .option("report", "/p/target/poolwatch/poolwatch-%p.json")
            .option("includes", null)
            .option("stackDepth", "8")
            .systemProperty("poolwatch.reportFile", "/p/target/poolwatch/poolwatch-tests-%p.json");

    @Test
    void options_follow_the_jar_and_unset_ones_are_left_out() {
        assertEquals("-javaagent:/repo/poolwatch-agent-1.0.jar=report=/p/target/poolwatch/poolwatch-%p.json,stackDepth=8"
                + " -Dpoolwatch.reportFile=/p/target/poolwatch/poolwatch-tests-%p.json", argument.text());
    }

    @Test
    void what_the_property_held_stays_in_front() {
        assertEquals("-Xmx512m -Dfoo=bar " + argument.text(), argument.appendedTo("-Xmx512m -Dfoo=bar"));
        assertEquals(argument.text(), argument.appendedTo(null));
        assertEquals(argument.text(), argument.appendedTo("  "));
    }

    @Test
    void a_second_run_replaces_its_own_arguments_and_keeps_the_rest() {
        String once = argument.appendedTo("-Xmx512m -Dpoolwatch.mode=fail");

        assertEquals(once, argument.appendedTo(once));
        assertTrue(once.contains("-Dpoolwatch.mode=fail"), once);
    }

    @Test
    void an_argument_with_a_blank_is_quoted_as_a_whole() {
        AgentArgument spaced = new AgentArgument(Paths.get("/my repo/poolwatch-agent.jar"))
                .option("report", "/my project/target/poolwatch/poolwatch-%p.json")
                .systemProperty("poolwatch.reportFile", "/my project/t.json");

        assertEquals("\"-javaagent:/my repo/poolwatch-agent.jar=report=/my project/target/poolwatch/poolwatch-%p.json\""
                + " \"-Dpoolwatch.reportFile=/my project/t.json\"", spaced.text());
        assertEquals("-ea " + spaced.text(), spaced.appendedTo("-ea " + spaced.text()));
    }

    @Test
    void a_value_with_an_option_separator_is_refused_with_the_reason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> argument.option("report", "/a,b/poolwatch-%p.json"));
        assertEquals("the agent option report cannot hold ',', which separates the agent's options: /a,b/poolwatch-%p.json",
                refused.getMessage());
    }
}
