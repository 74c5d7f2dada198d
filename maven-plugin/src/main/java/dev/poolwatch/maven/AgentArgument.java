package dev.poolwatch.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JVM arguments that {@code prepare-agent} adds to a property such as Surefire's {@code argLine}:
 * {@code -javaagent:} with the agent jar and its options, and the system properties for the JUnit
 * listener; each quoted when it has a blank in it (Surefire and Failsafe split an argLine at blanks
 * outside quotes), put after what the property already holds.
 */
final class AgentArgument {

    /** Characters that would end an option's value early: the agent reads {@code name=value,name=value}. */
    private static final String SEPARATORS = ",=";
    /** What an earlier run of the goal added: the agent's argument, and the listener's report file. */
    private static final Pattern OURS = Pattern.compile(
            "(\"[^\"]*(-javaagent:[^\"]*poolwatch-agent[^\"]*|-Dpoolwatch\\.reportFile=[^\"]*)\")"
                    + "|(-javaagent:\\S*poolwatch-agent\\S*|-Dpoolwatch\\.reportFile=\\S*)");

    private final Path agentJar;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();

    AgentArgument(Path agentJar) {
        this.agentJar = agentJar;
    }

    /**
     * Adds option {@code name} with {@code value}, or nothing if {@code value} is {@code null} or empty.
     *
     * @throws IllegalArgumentException if the value holds a character the agent's option syntax cannot carry
     */
    AgentArgument option(String name, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        for (char separator : SEPARATORS.toCharArray()) {
            if (value.indexOf(separator) >= 0) {
                throw new IllegalArgumentException("the agent option " + name + " cannot hold '" + separator
                        + "', which separates the agent's options: " + value);
            }
        }
        options.put(name, value);
        return this;
    }

    /** Adds the system property {@code name}, e.g. a configuration parameter of the JUnit listener. */
    AgentArgument systemProperty(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    /** The arguments alone, e.g. {@code -javaagent:/repo/poolwatch-agent.jar=report=/p/target/poolwatch/poolwatch-%p.json}. */
    String text() {
        StringBuilder text = new StringBuilder("-javaagent:").append(agentJar);
        String separator = "=";
        for (Map.Entry<String, String> option : options.entrySet()) {
            text.append(separator).append(option.getKey()).append('=').append(option.getValue());
            separator = ",";
        }
        StringBuilder arguments = new StringBuilder(quoted(text.toString()));
        systemProperties.forEach((name, value) -> arguments.append(' ').append(quoted("-D" + name + "=" + value)));
        return arguments.toString();
    }

    private static String quoted(String argument) {
        return argument.chars().anyMatch(Character::isWhitespace) ? '"' + argument + '"' : argument;
    }

    /**
     * {@code existing} (the property's value, {@code null} if unset) with these arguments after it, in
     * place of poolwatch's arguments it already has (the goal run twice, say); what else it holds stays.
     */
    String appendedTo(String existing) {
        String kept = existing == null ? "" : OURS.matcher(existing).replaceAll("").trim().replaceAll("\\s{2,}", " ");
        return kept.isEmpty() ? text() : kept + " " + text();
    }
}
