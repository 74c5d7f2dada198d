package dev.poolwatch.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points, and nothing else: parse the options, make the runtime visible to the
 * JDK, hand over to {@link Agent}.
 *
 * <p>This class must not mention {@code dev.poolwatch.agent.bootstrap}: those classes have to be
 * defined in the bootstrap class loader by {@link BootstrapClasses} first.
 */
public final class PreMain {

    private PreMain() {
    }

    /**
     * Called for {@code -javaagent:poolwatch-agent.jar[=options]}. A bad option stops the JVM with
     * one line naming it: a typo in CI must never silently turn the check off.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (IllegalArgumentException badOption) {
            System.err.println("poolwatch: " + badOption.getMessage() + " (in -javaagent:...=" + arguments + ")");
            System.err.flush();
            Runtime.getRuntime().halt(1);
            return;
        }
        BootstrapClasses.define(instrumentation);
        Agent.install(options, instrumentation, true);
    }

    /** Called when the agent is attached to a running JVM; a bad option fails the attach, not the JVM. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        AgentOptions options = AgentOptions.parse(arguments);
        BootstrapClasses.define(instrumentation);
        Agent.install(options, instrumentation, false);
    }
}
