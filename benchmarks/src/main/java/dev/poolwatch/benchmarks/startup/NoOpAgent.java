package dev.poolwatch.benchmarks.startup;

import java.lang.instrument.Instrumentation;

/** An agent that does nothing: what any {@code -javaagent} costs the JVM before its premain runs. */
public final class NoOpAgent {

    private NoOpAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // nothing: the cost measured is the JVM's own
    }
}
