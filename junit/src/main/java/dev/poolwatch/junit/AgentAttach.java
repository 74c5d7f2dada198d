package dev.poolwatch.junit;

import java.nio.file.Path;

import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attaches the agent jar to this JVM with Byte Buddy's {@code byte-buddy-agent}. The JDK refuses an
 * attach from a JVM to itself unless it was started with {@code -Djdk.attach.allowAttachSelf=true};
 * Byte Buddy then attaches from a short-lived helper JVM it starts, so no test JVM needs the flag.
 */
final class AgentAttach {

    private AgentAttach() {
    }

    /**
     * Attaches {@code jar} with {@code options} as the agent's arguments (none if empty).
     *
     * @return {@code null} once the agent is attached, else why it could not be
     */
    static String attach(Path jar, String options) {
        try {
            ByteBuddyAgent.attach(jar.toFile(), Long.toString(ProcessHandle.current().pid()),
                    options.isEmpty() ? null : options);
            return null;
        } catch (RuntimeException | LinkageError refused) {
            // IllegalStateException when the JDK has no attach support or the JVM refuses; its cause says more
            return refused.getCause() == null ? refused.toString() : refused + " (" + refused.getCause() + ")";
        }
    }
}
