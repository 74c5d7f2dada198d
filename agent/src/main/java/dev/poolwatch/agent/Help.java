package dev.poolwatch.agent;

/**
 * What {@code java -jar poolwatch-agent.jar} prints before the JVMs it can attach to: how to give a
 * JVM the agent, how to attach it to one that runs, and its options, taken from
 * {@link AgentOptions.Key}, the one list of them.
 */
public final class Help {

    private Help() {
    }

    /** How to attach the agent to a running JVM and read its report. */
    static String usage() {
        return "  java -jar poolwatch-agent.jar <pid> [key=value,...]   attach to a running JVM and print its live report\n"
                + "  java -jar poolwatch-agent.jar <pid> report            print the live report again\n";
    }

    static String text() {
        StringBuilder out = new StringBuilder()
                .append("poolwatch: finds thread pools a JVM program never closes, and tasks submitted to closed pools.\n")
                .append("It is a Java agent, not a program: attach it to the JVM you want checked.\n\n")
                .append("  java -javaagent:poolwatch-agent.jar[=key=value,...] -jar app.jar\n")
                .append("  JAVA_TOOL_OPTIONS=-javaagent:/path/to/poolwatch-agent.jar    (every JVM of a CI job)\n")
                .append("  Maven Surefire:  <argLine>@{argLine} -javaagent:${project.build.directory}/poolwatch/")
                .append("poolwatch-agent.jar=failOnLeak=true</argLine>\n")
                .append("                   (the jar copied there by maven-dependency-plugin; the README has the recipe)\n\n")
                .append("It reports at exit, on standard error, every pool left open, closed only by the garbage")
                .append(" collector,\nor handed a task after shutdown, with the stack that created it.\n\n")
                .append("A JVM that already runs (its pools created before the attach are found from their threads):\n")
                .append(usage()).append("\nOptions:\n");
        for (AgentOptions.Key key : AgentOptions.Key.values()) {
            out.append("  ").append(key.optionName()).append(": ").append(key.meaning()).append("\n      ")
                    .append(key.allowed()).append("; default ")
                    .append(key.defaultValue().isEmpty() ? "none" : key.defaultValue()).append('\n');
        }
        return out.toString();
    }
}
